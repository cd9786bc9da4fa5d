import { describe, expect, test, vi } from "vitest";
import { loadManifests } from "./loadManifests";
import { createParseCache } from "./parseCache";
import type { SourceFile } from "../types";
import { parseResourceKey } from "../api/keys";

const load = (text: string, name = "in.yaml") => loadManifests([{ name, text }]);

const ROUTE = `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: web
  namespace: app
spec:
  parentRefs:
    - name: gw
  rules:
    - matches:
        - path:
            type: PathPrefix
            value: /
`;

describe("loadManifests", () => {
  test("loads a multi-document file with defaults and source ranges", () => {
    const r = load(
      `# leading comment\n${ROUTE}---\napiVersion: v1\nkind: Service\nmetadata: {name: svc}\n---\napiVersion: gateway.networking.k8s.io/v1\nkind: GatewayClass\nmetadata:\n  name: gwsim\n---\n# only a comment\n---\n`,
    );
    expect(r.diagnostics).toEqual([]);
    expect(r.manifests.map((m) => m.key)).toEqual([
      "HTTPRoute/app/web",
      "Service/default/svc",
      "GatewayClass//gwsim",
    ]);
    const [route, svc, gc] = r.manifests;
    expect(route?.source).toEqual({
      file: "in.yaml",
      docIndex: 0,
      line: 2,
      column: 1,
      endLine: 14,
    });
    expect(route?.modelled).toBe(true);
    expect(route?.generation).toBe(1);
    expect(route?.group).toBe("gateway.networking.k8s.io");
    expect(svc?.namespace).toBe("default");
    expect(svc?.source.docIndex).toBe(1);
    expect(gc?.namespace).toBeUndefined();
    expect(structuredClone(r.manifests)).toEqual(r.manifests);
  });

  test("keeps labels, annotations, generation and unknown kinds as opaque objects", () => {
    const r = load(
      `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\n  generation: 4\n  labels: {app: web, tier: 1}\n  annotations: {a: b}\nspec: {replicas: 2}\n`,
    );
    expect(r.diagnostics).toEqual([]);
    const [d] = r.manifests;
    expect(d).toMatchObject({
      modelled: false,
      generation: 4,
      labels: { app: "web", tier: "1" },
      annotations: { a: "b" },
    });
    expect(d?.body).toEqual({
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: {
        name: "d",
        generation: 4,
        labels: { app: "web", tier: 1 },
        annotations: { a: "b" },
      },
      spec: { replicas: 2 },
    });
  });

  test("a Gateway from another API group is opaque", () => {
    const r = load(`apiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata: {name: g}\n`);
    expect(r.manifests[0]?.modelled).toBe(false);
    // Said once, at the kind, in the implementations' summary: it is not the Gateway API's
    // Gateway (load/implementationKinds.ts).
    expect(r.diagnostics.map((d) => [d.code, d.severity, d.line, d.column, d.message])).toEqual([
      [
        "object.unknown-kind",
        "info",
        2,
        7,
        "1 object of a kind that Gateway API implementations define for their own configuration and policies is kept unchanged: gwsim does not model this kind, and the object counts only as the target of the references and policies that name it. networking.istio.io: Gateway (1, not the Gateway API's Gateway).",
      ],
    ]);
  });

  test("an unserved version of a modelled kind loads with a warning on apiVersion", () => {
    const r = load(
      `apiVersion: gateway.networking.k8s.io/v1alpha1\nkind: HTTPRoute\nmetadata: {name: r}\n`,
    );
    expect(r.manifests).toHaveLength(1);
    expect(r.manifests[0]?.modelled).toBe(true);
    expect(r.diagnostics).toMatchObject([
      {
        code: "object.unserved-version",
        severity: "warning",
        line: 1,
        column: 13,
        path: "apiVersion",
        object: { kind: "HTTPRoute", name: "r", namespace: "default" },
      },
    ]);
  });

  test("a syntax error in one document does not stop the others", () => {
    const r = load(
      `apiVersion: v1\nkind: Service\nmetadata: {name: a}\n---\napiVersion: v1\nkind: Service\nmetadata: {name: [b}\n---\napiVersion: v1\nkind: Service\nmetadata: {name: c}\n`,
    );
    expect(r.manifests.map((m) => m.name)).toEqual(["a", "c"]);
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]).toMatchObject({ code: "yaml.syntax", severity: "error", line: 7 });
    expect(r.diagnostics[0]?.message).toContain("This document was not loaded; the others were.");
    expect(r.manifests[1]?.source.docIndex).toBe(2);
  });

  test("`key:value` without a space is reported on its line with the fix", () => {
    const r = load(
      `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  type:RegularExpression\n  value: /x\n`,
    );
    expect(r.manifests).toEqual([]);
    expect(r.diagnostics[0]).toMatchObject({
      code: "yaml.syntax",
      line: 6,
      column: 3,
      hint: "Add a space after the colon: `type: RegularExpression`.",
    });
  });

  test("an alias bomb ends in yaml.alias-limit quickly", () => {
    const levels = "abcdefghi".split("");
    let bomb = `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: lol}\ndata:\n  a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n`;
    for (let i = 1; i < levels.length; i++) {
      const prev = levels[i - 1] as string;
      bomb += `  ${levels[i]}: &${levels[i]} [${Array(9).fill(`*${prev}`).join(",")}]\n`;
    }
    const r = load(`${bomb}---\napiVersion: v1\nkind: Service\nmetadata: {name: ok}\n`);
    expect(r.diagnostics.map((d) => d.code)).toEqual(["yaml.alias-limit"]);
    expect(r.diagnostics[0]?.line).toBe(1);
    expect(r.manifests.map((m) => m.name)).toEqual(["ok"]);
  });

  test("a few aliases are fine", () => {
    const r = load(
      `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x, labels: &l {a: b}, annotations: *l}\n`,
    );
    expect(r.diagnostics).toEqual([]);
    expect(r.manifests[0]?.annotations).toEqual({ a: "b" });
  });

  test("a document over the size limit is refused, the next one loads on its own line", () => {
    const big = `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: big}\ndata:\n  blob: "${"x".repeat(2000)}"\n`;
    const r = loadManifests(
      [
        {
          name: "f.yaml",
          text: `${big}---\napiVersion: v1\nkind: Service\nmetadata: {name: ok}\n`,
        },
      ],
      { maxDocumentBytes: 1000 },
    );
    expect(r.diagnostics).toMatchObject([{ code: "yaml.document-too-large", line: 1, column: 1 }]);
    expect(r.manifests.map((m) => [m.name, m.source.line, m.source.docIndex])).toEqual([
      ["ok", 7, 1],
    ]);
  });

  test("the document size limit counts UTF-8 bytes: a CJK document shorter in UTF-16 units is 3 bytes over", () => {
    const wide = (n: number) =>
      `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: wide}\ndata:\n  blob: "${"値".repeat(n)}"\n`;
    const under = wide(300);
    const limit = new TextEncoder().encode(under).length;
    expect(
      loadManifests([{ name: "f.yaml", text: under }], { maxDocumentBytes: limit }),
    ).toMatchObject({ diagnostics: [], manifests: [{ name: "wide" }] });
    // One character more: 3 bytes over, while its length in units is still far under the limit.
    const over = wide(301);
    expect(over.length).toBeLessThan(limit);
    const r = loadManifests([{ name: "f.yaml", text: over }], { maxDocumentBytes: limit });
    expect(r.manifests).toEqual([]);
    expect(r.diagnostics).toMatchObject([{ code: "yaml.document-too-large", line: 1, column: 1 }]);
    expect(r.diagnostics[0]?.message).toContain(
      `This YAML document is ${limit + 3} bytes, over the ${limit} bytes limit`,
    );
  });

  test("the default limit refuses a real 6 MiB document", () => {
    const text = `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: big}\ndata:\n  blob: "${"x".repeat(6 * 1024 * 1024)}"\n`;
    const r = load(text);
    expect(r.diagnostics.map((d) => d.code)).toEqual(["yaml.document-too-large"]);
    expect(r.diagnostics[0]?.message).toContain("over the 5.0 MiB limit");
  });

  test("deeply nested input gives a diagnostic, not a crash", () => {
    const deep = `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: deep}\ndata: ${"[".repeat(200_000)}${"]".repeat(200_000)}\n---\napiVersion: v1\nkind: Service\nmetadata: {name: ok}\n`;
    const r = load(deep);
    expect(r.diagnostics.map((d) => [d.code, d.line])).toEqual([["yaml.nesting-limit", 4]]);
    expect(r.manifests.map((m) => m.name)).toEqual(["ok"]);
  });

  test("a long run of block indicators on one line is refused before parsing", () => {
    const r = load(
      `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata:\n  a: ${"- ".repeat(1_000_000)}x\n---\napiVersion: v1\nkind: Service\nmetadata: {name: ok}\n`,
    );
    expect(r.diagnostics.map((d) => [d.code, d.line])).toEqual([["yaml.nesting-limit", 5]]);
    expect(r.manifests.map((m) => m.name)).toEqual(["ok"]);
  });

  test("collection keys are refused (they are not JSON, and nested ones convert in super-linear time)", () => {
    const nested = (n: number) =>
      Array.from({ length: n }, (_, i) => `${" ".repeat(i)}?`).join("\n");
    const r = load(
      `${nested(500)} x\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata:\n  ? [a, b]\n  : c\n---\n${nested(3000)} x\n---\napiVersion: v1\nkind: Service\nmetadata: {name: ok}\n`,
    );
    expect(r.diagnostics.map((d) => [d.code, d.line])).toEqual([
      // 3000 levels would overflow the parser's stack: refused before parsing, where indentation passes 1000.
      ["yaml.nesting-limit", 1509],
      ["yaml.complex-key", 2],
      ["yaml.complex-key", 506],
    ]);
    expect(r.manifests.map((m) => m.name)).toEqual(["ok"]);
  });

  test("a Helm template value that YAML reads as a mapping key says to render the chart", () => {
    const r = load(
      "apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  ports:\n    - port: {{ .Values.port }}\n",
    );
    expect(r.diagnostics.map((d) => [d.code, d.line])).toEqual([["yaml.complex-key", 6]]);
    expect(r.diagnostics[0]?.message).toContain("Go template syntax");
    expect(r.diagnostics[0]?.hint).toContain("helm template");
  });

  test("keys inside !!pairs and !!omap are keys too: a collection there is refused, located", () => {
    const r = load(
      "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: p}\ndata: !!pairs\n  - ? [a]\n    : 1\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: o}\ndata: !!omap\n  - {a: 1}\n  - ? {b: 2}\n    : 3\n",
    );
    expect(r.diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([
      ["yaml.complex-key", 5, 7],
      ["yaml.complex-key", 13, 7],
    ]);
    expect(r.manifests).toEqual([]);
  });

  test("the yaml library never writes to the console (a CLI user's terminal, the browser's console)", () => {
    const emitWarning = vi.spyOn(process, "emitWarning").mockImplementation(() => undefined);
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    try {
      // A `!!binary` key converts to text lossily; the library warns about it by default.
      const r = load(
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\n  ? !!binary aGVsbG8=\n  : x\n",
      );
      expect(r.manifests.map((m) => m.name)).toEqual(["b"]);
      expect(emitWarning).not.toHaveBeenCalled();
      expect(warn).not.toHaveBeenCalled();
    } finally {
      emitWarning.mockRestore();
      warn.mockRestore();
    }
  });

  test("brackets inside quoted strings and after apostrophes are counted correctly", () => {
    const r = loadManifests(
      [
        {
          name: "q",
          text: `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: q}\ndata:\n  a: "${"[".repeat(50)}"\n  b: don't\n  c: '${"{".repeat(50)}'\n`,
        },
      ],
      { maxNestingDepth: 10 },
    );
    expect(r.diagnostics).toEqual([]);
    // An apostrophe inside a plain scalar must not hide the brackets after it.
    const hidden = loadManifests(
      [{ name: "h", text: `a: don't ${"[".repeat(20)}${"]".repeat(20)}\n` }],
      { maxNestingDepth: 10 },
    );
    expect(hidden.diagnostics.map((d) => d.code)).toEqual(["yaml.nesting-limit"]);
  });

  test("kind: List items become objects with listIndex", () => {
    const r = load(
      `apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Service\n  metadata: {name: a}\n- apiVersion: gateway.networking.k8s.io/v1\n  kind: HTTPRoute\n  metadata: {name: r, namespace: n}\n`,
    );
    expect(r.diagnostics).toEqual([]);
    expect(
      r.manifests.map((m) => [m.key, m.source.listIndex, m.source.line, m.source.endLine]),
    ).toEqual([
      ["Service/default/a", 0, 4, 6],
      ["HTTPRoute/n/r", 1, 7, 9],
    ]);
    expect(r.locator.locate(r.manifests[1]!, ["metadata", "namespace"])).toMatchObject({
      line: 9,
      column: 34,
    });
  });

  test("of two duplicates in one List, the nested List's item wins, as kubectl applies it last", () => {
    // cli-runtime FlattenListVisitor expands lists breadth-first: the outer Service is applied
    // first, the one in the nested List (on an earlier line) second, and stays.
    const r = load(
      "apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: List\n  items:\n  - apiVersion: v1\n    kind: Service\n    metadata: {name: a}\n    spec: {ports: [{port: 81}]}\n- apiVersion: v1\n  kind: Service\n  metadata: {name: a}\n  spec: {ports: [{port: 80}]}\n",
    );
    expect(r.manifests.map((m) => [m.key, m.source.line, m.body.spec])).toEqual([
      ["Service/default/a", 7, { ports: [{ port: 81 }] }],
    ]);
    expect(r.diagnostics.map((d) => [d.code, d.line, d.message])).toEqual([
      [
        "object.duplicate",
        9,
        "Service default/a is defined again (also at in.yaml:11); this definition wins: it is in a nested List, whose items kubectl applies after the List's own items.",
      ],
    ]);
  });

  test("a List nested in a List is flattened, as kubectl's resource builder does", () => {
    const r = load(
      `apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Service\n  metadata: {name: a}\n- apiVersion: v1\n  kind: List\n  items:\n  - apiVersion: gateway.networking.k8s.io/v1\n    kind: HTTPRouteList\n    items:\n    - metadata: {name: r, namespace: n}\n  - apiVersion: v1\n    kind: Service\n    metadata: {name: b}\n`,
    );
    expect(r.diagnostics).toEqual([]);
    expect(
      r.manifests.map((m) => [m.key, m.source.listIndex, m.source.line, m.source.endLine]),
    ).toEqual([
      ["Service/default/a", 0, 4, 6],
      ["Service/default/b", 1, 14, 16],
      ["HTTPRoute/n/r", 2, 13, 13],
    ]);
    expect(r.locator.locate(r.manifests[2]!, ["metadata", "namespace"])).toMatchObject({
      line: 13,
      column: 38,
    });
  });

  test("a null or scalar List item is named as a List item, by its place in the List", () => {
    const r = load(
      "apiVersion: v1\nkind: List\nitems:\n-\n- 3\n- apiVersion: v1\n  kind: List\n  items:\n  - null\n  - hello\n",
    );
    expect(r.diagnostics.map((d) => [d.code, d.line, d.column, d.message, d.hint])).toEqual([
      [
        "yaml.not-an-object",
        4,
        2,
        "List item items[0] is empty, not a Kubernetes object; it was skipped.",
        expect.stringContaining("Each item of a List must be a Kubernetes object"),
      ],
      [
        "yaml.not-an-object",
        5,
        3,
        "List item items[1] is the scalar 3, not a Kubernetes object; it was skipped.",
        expect.stringContaining("item of a List"),
      ],
      [
        "yaml.not-an-object",
        9,
        5,
        "List item items[2].items[0] is empty, not a Kubernetes object; it was skipped.",
        expect.stringContaining("item of a List"),
      ],
      [
        "yaml.not-an-object",
        10,
        5,
        'List item items[2].items[1] is the scalar "hello", not a Kubernetes object; it was skipped.',
        expect.stringContaining("item of a List"),
      ],
    ]);
  });

  test("a List whose items is not a list says so, instead of asking for a name", () => {
    const r = load(
      "apiVersion: v1\nkind: List\nitems: 5\n---\napiVersion: v1\nkind: List\n---\napiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: List\n  items: {a: 1}\n---\napiVersion: x/v1\nkind: AllowList\nspec: {}\n",
    );
    expect(r.diagnostics.map((d) => [d.code, d.line, d.column, d.message])).toEqual([
      [
        "schema.type",
        3,
        8,
        "List items: must be a list of objects, got the number 5; the List was not loaded.",
      ],
      [
        "schema.type",
        5,
        1,
        "List items: must be a list of objects, it has none; the List was not loaded.",
      ],
      [
        "schema.type",
        13,
        3,
        "List items: must be a list of objects, got a mapping; the List was not loaded.",
      ],
      ["object.missing-name", 15, 1, "AllowList has no `metadata.name`; it was not loaded."],
    ]);
  });

  test("a name or namespace longer than the API server accepts refuses the object, located", () => {
    const doc = (kind: string, name: string, namespace: string) =>
      `apiVersion: v1\nkind: ${kind}\nmetadata:\n  name: ${name}\n  namespace: ${namespace}\n`;
    const r = load(
      [
        doc("Service", "a".repeat(253), "b".repeat(63)),
        doc("Service", "c".repeat(254), "app"),
        doc("ConfigMap", "d", "/".repeat(64)),
        // A cluster-scoped kind has no namespace: what is written there is not its identity.
        doc("Namespace", "e", "f".repeat(300)),
      ].join("---\n"),
    );
    expect(r.manifests.map((m) => m.name.length)).toEqual([253, 1]);
    expect(r.manifests[1]?.key).toBe("Namespace//e");
    expect(
      r.diagnostics.map((d) => [d.code, d.severity, d.line, d.column, d.path, d.message]),
    ).toEqual([
      [
        "object.name-too-long",
        "error",
        10,
        9,
        "metadata.name",
        "This Service's `metadata.name` is 254 characters long; the API server refuses names over 253 characters, so the object was not loaded.",
      ],
      [
        "object.name-too-long",
        "error",
        17,
        14,
        "metadata.namespace",
        "This ConfigMap's `metadata.namespace` is 64 characters long; the API server refuses namespaces over 63 characters, so the object was not loaded.",
      ],
    ]);
  });

  test("a / in a kind, namespace or name refuses the object: keys split one way only", () => {
    const doc = (kind: string, name: string, namespace: string) =>
      `apiVersion: v1\nkind: ${kind}\nmetadata:\n  name: "${name}"\n  namespace: "${namespace}"\n`;
    // Both were the key "Service/a/b/c": the second replaced the first as a duplicate.
    const r = load(
      [
        doc("Service", "c", "a/b"),
        doc("Service", "b/c", "a"),
        doc("Foo/Bar", "r", "a"),
        doc("Service", "ok", "a"),
        // A cluster-scoped kind has no namespace: what is written there is not its identity.
        doc("Namespace", "e", "x/y"),
      ].join("---\n"),
    );
    expect(r.manifests.map((m) => m.key)).toEqual(["Service/a/ok", "Namespace//e"]);
    for (const m of r.manifests)
      expect(parseResourceKey(m.key)).toEqual(
        m.namespace === undefined
          ? { kind: m.kind, name: m.name }
          : { kind: m.kind, namespace: m.namespace, name: m.name },
      );
    expect(r.diagnostics.map((d) => [d.code, d.line, d.path, d.message])).toEqual([
      [
        "object.slash-in-identity",
        5,
        "metadata.namespace",
        'This Service\'s `metadata.namespace` "a/b" contains "/"; the API server refuses it (a namespace is a DNS label), so the object was not loaded.',
      ],
      [
        "object.slash-in-identity",
        10,
        "metadata.name",
        'This Service\'s `metadata.name` "b/c" contains "/"; the API server refuses it (a name may not contain \'/\'), so the object was not loaded.',
      ],
      [
        "object.slash-in-identity",
        14,
        "kind",
        'This object\'s `kind` "Foo/Bar" contains "/"; the API server refuses it (no resource has such a kind), so the object was not loaded.',
      ],
    ]);
  });

  test("typed lists give their items the list kind", () => {
    const r = load(
      `apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRouteList\nitems:\n- metadata: {name: a}\n`,
    );
    expect(r.manifests.map((m) => m.key)).toEqual(["HTTPRoute/default/a"]);
  });

  test("YAML that is not an object at all (Helm values) is named, not told to add a kind", () => {
    const values =
      "# defaults\nreplicaCount: 1\nimage: {repository: nginx}\nservice: {port: 80}\ngateway: {}\n";
    const helm = load(values, "charts/app/values-prod.yaml");
    expect(helm.manifests).toEqual([]);
    expect(helm.diagnostics).toHaveLength(1);
    expect(helm.diagnostics[0]).toMatchObject({
      code: "object.missing-kind",
      severity: "error",
      line: 2,
      column: 1,
    });
    expect(helm.diagnostics[0]?.message).toContain(
      'no apiVersion, kind or metadata (top-level keys "replicaCount", "image", "service", …): it looks like Helm chart values',
    );
    expect(helm.diagnostics[0]?.hint).toContain("helm template");
    const other = load("stages: [build]\n", "ci.yaml");
    expect(other.diagnostics[0]?.message).toContain("it is not a Kubernetes object but other YAML");
    // An object that has metadata is a manifest missing its kind: the old advice stands.
    // A source without a name (a library caller's mistake) must not throw.
    const unnamed = loadManifests([{ text: "replicaCount: 1\n" } as unknown as SourceFile]);
    expect(unnamed.diagnostics[0]?.message).toContain("not a Kubernetes object but other YAML");
    const object = load("metadata: {name: a}\nspec: {}\n", "values.yaml");
    expect(object.diagnostics[0]?.message).toContain("The object has no `apiVersion` or `kind`");
  });

  test("the pre-v0.4 group networking.x-k8s.io is named, not kept silently", () => {
    // gke-networking-recipes multi-cluster-gateway: v1alpha1 routes with forwardTo loaded with no
    // word at all, and no status either.
    const r = load(
      "kind: HTTPRoute\napiVersion: networking.x-k8s.io/v1alpha1\nmetadata: {name: r, namespace: store}\nspec:\n  rules:\n  - forwardTo: [{serviceName: s, port: 80}]\n---\napiVersion: networking.x-k8s.io/v1alpha1\nkind: BackendPolicy\nmetadata: {name: b}\n",
    );
    expect(r.manifests.map((m) => [m.key, m.modelled])).toEqual([
      ["HTTPRoute/store/r", false],
      ["BackendPolicy/default/b", false],
    ]);
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]).toMatchObject({
      code: "object.unserved-version",
      severity: "warning",
      line: 2,
      objectKey: "HTTPRoute/store/r",
    });
    expect(r.diagnostics[0]?.message).toContain("is the Gateway API before v0.4.0");
    expect(r.diagnostics[0]?.hint).toContain("forwardTo becomes backendRefs");
  });

  test("a kustomization file is build configuration: a note, or a warning when it rewrites objects", () => {
    // Every folder of a GitOps repository holds one; it was an error "has no metadata.name".
    const plain = load(
      "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - ./envoy.yaml\n",
      "app/kustomization.yaml",
    );
    expect(plain.manifests).toEqual([]);
    expect(plain.diagnostics).toHaveLength(1);
    expect(plain.diagnostics[0]).toMatchObject({
      code: "object.kustomize-config",
      severity: "info",
      line: 2,
      column: 7,
    });
    expect(plain.diagnostics[0]?.message).toContain("kustomize build configuration");
    expect(plain.diagnostics[0]?.hint).toContain("kubectl kustomize");
    const rewriting = load(
      `apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\nnamespace: network\nnamePrefix: a-\nimages: []\npatches: []\nlabels: []\n---\n${ROUTE}`,
    );
    expect(rewriting.manifests.map((m) => m.key)).toEqual(["HTTPRoute/app/web"]);
    expect(rewriting.diagnostics).toHaveLength(1);
    expect(rewriting.diagnostics[0]).toMatchObject({
      code: "object.kustomize-config",
      severity: "warning",
    });
    expect(rewriting.diagnostics[0]?.message).toContain(
      "It changes the objects it builds (namespace, namePrefix, patches, labels, …)",
    );
  });

  test("missing kind or name: located diagnostic, object not produced", () => {
    const r = load(
      `metadata: {name: a}\nspec: {}\n---\napiVersion: v1\nkind: Service\nmetadata:\n  labels: {a: b}\n---\n- 1\n`,
    );
    expect(r.manifests).toEqual([]);
    expect(r.diagnostics.map((d) => [d.code, d.line])).toEqual([
      ["object.missing-kind", 1],
      ["object.missing-name", 6],
      ["yaml.not-an-object", 9],
    ]);
    expect(r.diagnostics[0]?.message).toContain("it was not loaded");
    expect(r.diagnostics[1]?.message).toContain("it was not loaded");
    // A whole object is marked on its first line only, not underlined from top to bottom.
    expect(r.diagnostics[0]).toMatchObject({ line: 1, column: 1, endLine: 1, endColumn: 20 });
  });

  test("duplicates: warning on the later one, the later one wins", () => {
    const r = loadManifests([
      {
        name: "a.yaml",
        text: `apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: {x: 1}\n`,
      },
      {
        name: "b.yaml",
        text: `apiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec: {x: 2}\n`,
      },
    ]);
    expect(r.manifests.map((m) => m.spec)).toEqual([{ x: 2 }]);
    expect(r.diagnostics).toMatchObject([
      { code: "object.duplicate", file: "b.yaml", line: 4, column: 9 },
    ]);
    expect(r.diagnostics[0]?.message).toContain("first at a.yaml:1");
  });

  test("with a parse cache, a keystroke that makes a duplicate (or unmakes one) is seen", () => {
    const cache = createParseCache();
    const doc = (name: string, x: number) =>
      `apiVersion: v1\nkind: Service\nmetadata: {name: ${name}}\nspec: {x: ${x}}\n`;
    const text = (second: string, x = 2) => [doc("s", 1), doc(second, x)].join("---\n");
    const load = (t: string) => loadManifests([{ name: "a.yaml", text: t }], {}, cache);
    expect(load(text("t")).manifests.map((m) => m.name)).toEqual(["s", "t"]);
    // Same keys at every position, one object re-read: no duplicate, nothing dropped.
    expect(load(text("t", 3)).manifests.map((m) => m.spec)).toEqual([{ x: 1 }, { x: 3 }]);
    const dup = load(text("s"));
    expect(dup.manifests.map((m) => m.spec)).toEqual([{ x: 2 }]);
    expect(dup.diagnostics.map((d) => d.code)).toEqual(["object.duplicate"]);
    // The duplicate edited again: still reported (the last load was not unique).
    const again = load(text("s", 4));
    expect(again.manifests.map((m) => m.spec)).toEqual([{ x: 4 }]);
    expect(again.diagnostics.map((d) => d.code)).toEqual(["object.duplicate"]);
    expect(load(text("u")).manifests.map((m) => m.name)).toEqual(["s", "u"]);
  });

  test("the locator finds exact fields and falls back to the nearest ancestor", () => {
    const r = load(ROUTE);
    const route = r.manifests[0]!;
    expect(r.locator.locate(route, ["spec", "rules", 0, "matches", 0, "path", "type"])).toEqual({
      file: "in.yaml",
      line: 12,
      column: 19,
      endLine: 12,
      endColumn: 29,
    });
    // A missing field points at its parent's key.
    expect(r.locator.locate(route, ["spec", "parentRefs", 0, "port"])).toMatchObject({
      line: 8,
      column: 9 - 2,
    });
    expect(r.locator.locate(route, ["spec", "hostnames"])).toMatchObject({
      line: 6,
      column: 1,
      endLine: 6,
      endColumn: 5,
    });
    expect(
      r.locator.locateKey(route, ["spec", "rules", 0, "matches", 0, "path", "type"]),
    ).toMatchObject({ line: 12, column: 13, endColumn: 17 });
  });
});

describe("labels and annotations", () => {
  test("objects without any share one empty, frozen, prototype-less map", () => {
    const r = load(
      `${ROUTE}---\napiVersion: v1\nkind: Service\nmetadata:\n  name: s\n  labels: {}\n  annotations: ~\n`,
    );
    const [route, service] = r.manifests;
    expect(route?.labels).toBe(service?.labels);
    expect(route?.annotations).toBe(route?.labels);
    expect(Object.getPrototypeOf(route?.labels)).toBeNull();
    expect(Object.isFrozen(route?.labels)).toBe(true);
    expect(Object.keys(service?.annotations ?? { x: 1 })).toEqual([]);
  });

  test("objects with labels get a map of their own, prototype-less, values as text", () => {
    const r = load(
      `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: a\n  labels: {team: x, n: 1, "on": true, bad: [1]}\n---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: b\n  labels: {team: y}\n`,
    );
    const [a, b] = r.manifests;
    expect({ ...a?.labels }).toEqual({ team: "x", n: "1", on: "true" });
    expect({ ...b?.labels }).toEqual({ team: "y" });
    expect(a?.labels).not.toBe(b?.labels);
    expect(Object.getPrototypeOf(a?.labels)).toBeNull();
    expect(Object.isFrozen(a?.labels)).toBe(false);
  });
});

// kubectl reads manifests with go-yaml v2 (sigs.k8s.io/yaml), which resolves `<<` merge keys.
describe("YAML merge keys", () => {
  test("a merged metadata.namespace places the object where kubectl does", () => {
    const text = `apiVersion: v1
kind: Service
metadata:
  <<: {namespace: app}
  name: r
spec: {ports: [{port: 80}]}
---
apiVersion: v1
kind: Service
metadata:
  <<: [{namespace: shop}, {namespace: ignored, labels: {a: b}}]
  name: s
spec: {ports: [{port: 80}]}
`;
    const result = loadManifests([{ name: "m.yaml", text }]);
    expect(result.manifests.map((m) => m.key)).toEqual(["Service/app/r", "Service/shop/s"]);
    expect(result.manifests[1]?.labels).toEqual({ a: "b" });
    expect(result.diagnostics).toEqual([]);
  });
});
