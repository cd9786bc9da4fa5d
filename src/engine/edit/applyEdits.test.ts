import { describe, expect, test } from "vitest";
import { parseDocument } from "yaml";
import { applyEdits } from "./applyEdits";
import type { EditOp } from "./editOps";

const ROUTE = `# routes for the shop
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: web   # main route
  namespace: app
spec:
  parentRefs:
  - name: gw     # the shared gateway
    namespace: infra

  rules:
    - matches:
        - path: {type: PathPrefix, value: "/"}
      backendRefs:
        - name: web
          port: 80
          weight: 90
        # canary
        - name: web-canary
          port: 80
          weight: 10
---
apiVersion: v1
kind: Service
metadata: {name: svc, namespace: app}
spec:
  ports: [{port: 80}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: bare
  namespace: app
`;
const web = { kind: "HTTPRoute", namespace: "app", name: "web" };
const bare = { kind: "HTTPRoute", namespace: "app", name: "bare" };
const svc = { kind: "Service", namespace: "app", name: "svc" };

/** The text with lines [from, to] (1-based, inclusive) replaced by `lines`. */
function withLines(text: string, from: number, to: number, lines: string[]): string {
  const all = text.split("\n");
  all.splice(from - 1, to - from + 1, ...lines);
  return all.join("\n");
}

function edit(...ops: EditOp[]) {
  const result = applyEdits(ROUTE, ops);
  expect(result.failed).toEqual([]);
  return result;
}

describe("applyEdits", () => {
  test("no edits: the text is returned unchanged", () => {
    expect(applyEdits(ROUTE, [])).toEqual({ text: ROUTE, changedLines: [], failed: [] });
  });

  test("addParentRef appends in the list style already used (unindented dash), keeping the blank line", () => {
    const r = edit({
      op: "addParentRef",
      target: web,
      parentRef: { name: "gw2", sectionName: "https" },
    });
    expect(r.text).toBe(withLines(ROUTE, 11, 10, ["  - name: gw2", "    sectionName: https"]));
    expect(r.changedLines).toEqual([{ startLine: 11, endLine: 12 }]);
  });

  test("addParentRef creates spec and parentRefs when absent", () => {
    const r = edit({
      op: "addParentRef",
      target: bare,
      parentRef: { name: "gw", namespace: "infra", port: 8080 },
    });
    expect(r.text).toBe(
      `${ROUTE}spec:\n  parentRefs:\n    - name: gw\n      namespace: infra\n      port: 8080\n`,
    );
    expect(r.changedLines).toEqual([{ startLine: 35, endLine: 39 }]);
  });

  test("addBackendRef appends to an existing rule, after the last item", () => {
    const r = edit({
      op: "addBackendRef",
      target: web,
      ruleIndex: 0,
      backendRef: { name: "v3", port: 8080, weight: 0 },
    });
    expect(r.text).toBe(
      withLines(ROUTE, 23, 22, [
        "        - name: v3",
        "          port: 8080",
        "          weight: 0",
      ]),
    );
  });

  test("addBackendRef with ruleIndex = rule count adds a rule", () => {
    const r = edit({
      op: "addBackendRef",
      target: bare,
      ruleIndex: 0,
      backendRef: { name: "x", port: 80 },
    });
    expect(r.text).toBe(
      `${ROUTE}spec:\n  rules:\n    - backendRefs:\n        - name: x\n          port: 80\n`,
    );
  });

  test("addBackendRef past the end fails without touching the text", () => {
    const r = applyEdits(ROUTE, [
      { op: "addBackendRef", target: web, ruleIndex: 3, backendRef: { name: "x", port: 80 } },
    ]);
    expect(r.text).toBe(ROUTE);
    expect(r.failed).toMatchObject([
      { index: 0, reason: "rule 3 does not exist (the route has 1)" },
    ]);
  });

  test("setBackendWeight replaces just the number", () => {
    const r = edit({
      op: "setBackendWeight",
      target: web,
      ruleIndex: 0,
      backendIndex: 1,
      weight: 50,
    });
    expect(r.text).toBe(ROUTE.replace("weight: 10", "weight: 50"));
    expect(r.changedLines).toEqual([{ startLine: 22, endLine: 22 }]);
  });

  test("setBackendWeight adds the field when the backendRef has none, and fails for a missing backendRef", () => {
    const text =
      "apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata: {name: r}\nspec:\n  rules:\n  - backendRefs:\n    - name: a\n      port: 80\n";
    const r = applyEdits(text, [
      {
        op: "setBackendWeight",
        target: { kind: "HTTPRoute", name: "r" },
        ruleIndex: 0,
        backendIndex: 0,
        weight: 5,
      },
      {
        op: "setBackendWeight",
        target: { kind: "HTTPRoute", name: "r" },
        ruleIndex: 0,
        backendIndex: 1,
        weight: 5,
      },
    ]);
    expect(r.text).toBe(`${text}      weight: 5\n`);
    expect(r.failed.map((f) => f.index)).toEqual([1]);
  });

  test("removeBackendRef takes the comment lines written above the item with it", () => {
    const r = edit({ op: "removeBackendRef", target: web, ruleIndex: 0, backendIndex: 1 });
    expect(r.text).toBe(withLines(ROUTE, 19, 22, []));
    const first = edit({ op: "removeBackendRef", target: web, ruleIndex: 0, backendIndex: 0 });
    expect(first.text).toBe(withLines(ROUTE, 16, 18, []));
  });

  test("removing the only parentRef leaves an explicit empty list", () => {
    const r = edit({ op: "removeParentRef", target: web, index: 0 });
    expect(r.text).toBe(withLines(ROUTE, 8, 10, ["  parentRefs: []"]));
  });

  test("removeObject drops one document; the first one takes the next marker with it", () => {
    const r = edit({ op: "removeObject", target: svc });
    expect(r.text).toBe(withLines(ROUTE, 24, 29, []));
    const first = edit({ op: "removeObject", target: web });
    expect(first.text).toBe(ROUTE.slice(ROUTE.indexOf("---\n") + 4));
  });

  test("removeObject drops one item of a kind: List", () => {
    const list =
      "apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Service\n  metadata:\n    name: a\n- apiVersion: v1\n  kind: Service\n  metadata:\n    name: b\n";
    const r = applyEdits(list, [{ op: "removeObject", target: { kind: "Service", name: "a" } }]);
    expect(r.text).toBe(
      "apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Service\n  metadata:\n    name: b\n",
    );
  });

  test("removeObject and renameObject reach an item of a List nested in a List", () => {
    const list =
      "apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: List\n  items:\n  - apiVersion: v1\n    kind: Service\n    metadata:\n      name: a\n  - apiVersion: v1\n    kind: Service\n    metadata:\n      name: b\n";
    const removed = applyEdits(list, [
      { op: "removeObject", target: { kind: "Service", name: "a" } },
    ]);
    expect(removed.text).toBe(
      "apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: List\n  items:\n  - apiVersion: v1\n    kind: Service\n    metadata:\n      name: b\n",
    );
    const renamed = applyEdits(list, [
      { op: "renameObject", target: { kind: "Service", name: "b" }, name: "c" },
    ]);
    expect(renamed.text).toBe(list.replace("name: b", "name: c"));
  });

  test("renameObject keeps the flow style and quoting; namespace is added when absent", () => {
    const r = edit({ op: "renameObject", target: svc, name: "svc2", namespace: "other" });
    expect(r.text).toBe(
      ROUTE.replace("{name: svc, namespace: app}", "{name: svc2, namespace: other}"),
    );
    const quoted = applyEdits('kind: Service\napiVersion: v1\nmetadata:\n  name: "a"\n', [
      { op: "renameObject", target: { kind: "Service", name: "a" }, name: "b", namespace: "n" },
    ]);
    expect(quoted.text).toBe(
      'kind: Service\napiVersion: v1\nmetadata:\n  name: "b"\n  namespace: n\n',
    );
    expect(quoted.changedLines).toEqual([{ startLine: 4, endLine: 5 }]);
  });

  test("addObject appends a document in conventional key order", () => {
    const r = edit({
      op: "addObject",
      object: {
        spec: { ports: [{ port: 80 }] },
        metadata: { namespace: "n", name: "z" },
        kind: "Service",
        apiVersion: "v1",
      },
    });
    expect(r.text).toBe(
      `${ROUTE}---\napiVersion: v1\nkind: Service\nmetadata:\n  name: z\n  namespace: n\nspec:\n  ports:\n    - port: 80\n`,
    );
    expect(
      applyEdits("", [{ op: "addObject", object: { kind: "A", apiVersion: "v1" } }]).text,
    ).toBe("apiVersion: v1\nkind: A\n");
    expect(applyEdits("a: 1\n---\n", [{ op: "addObject", object: { kind: "A" } }]).text).toBe(
      "a: 1\n---\nkind: A\n",
    );
  });

  test("setField writes into flow collections and creates missing mappings", () => {
    expect(
      edit({ op: "setField", target: svc, path: ["spec", "ports", 0, "name"], value: "http" }).text,
    ).toBe(ROUTE.replace("[{port: 80}]", "[{port: 80, name: http}]"));
    expect(
      edit({
        op: "setField",
        target: web,
        path: ["spec", "rules", 0, "timeouts", "request"],
        value: "5s",
      }).text,
    ).toBe(withLines(ROUTE, 23, 22, ["      timeouts:", "        request: 5s"]));
    expect(
      edit({
        op: "setField",
        target: web,
        path: ["spec", "rules", 0, "matches", 0, "path", "value"],
        value: "/x",
      }).text,
    ).toBe(ROUTE.replace('value: "/"', 'value: "/x"'));
    expect(
      edit({
        op: "setField",
        target: web,
        path: ["metadata", "labels"],
        value: { app: "web", "x/y": "1" },
      }).text,
    ).toBe(withLines(ROUTE, 7, 6, ["  labels:", "    app: web", '    x/y: "1"']));
  });

  test("setField quotes values YAML would otherwise misread", () => {
    const r = edit({
      op: "setField",
      target: web,
      path: ["metadata", "annotations", "note"],
      value: "yes: no",
    });
    expect(r.text).toContain('  annotations:\n    note: "yes: no"\n');
  });

  test("removeField removes an entry; the first key of a list item pulls the next one up", () => {
    expect(edit({ op: "removeField", target: web, path: ["metadata", "namespace"] }).text).toBe(
      withLines(ROUTE, 6, 6, []),
    );
    expect(edit({ op: "removeField", target: svc, path: ["metadata", "namespace"] }).text).toBe(
      ROUTE.replace("{name: svc, namespace: app}", "{name: svc}"),
    );
    expect(
      edit({ op: "removeField", target: web, path: ["spec", "parentRefs", 0, "name"] }).text,
    ).toBe(withLines(ROUTE, 9, 10, ["  - namespace: infra"]));
  });

  test("edits in sequence see each other, and changed lines are reported in the final text", () => {
    const r = edit(
      { op: "addParentRef", target: web, parentRef: { name: "gw2" } },
      { op: "setBackendWeight", target: web, ruleIndex: 0, backendIndex: 1, weight: 1 },
    );
    expect(r.text).toBe(
      withLines(ROUTE.replace("weight: 10", "weight: 1"), 11, 10, ["  - name: gw2"]),
    );
    expect(r.changedLines).toEqual([
      { startLine: 11, endLine: 11 },
      { startLine: 23, endLine: 23 },
    ]);
  });

  test("an unknown object is reported, not guessed", () => {
    const r = applyEdits(ROUTE, [
      { op: "removeObject", target: { kind: "HTTPRoute", name: "web" } },
    ]);
    expect(r.text).toBe(ROUTE);
    expect(r.failed[0]?.reason).toBe("HTTPRoute web is not in the text");
  });

  test("empty and flow collections are filled in flow style; a null list becomes a block", () => {
    const text =
      "apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata: {name: r}\nspec:\n  parentRefs: []\n  hostnames: [a.com]\n  rules:\n";
    const r = applyEdits(text, [
      {
        op: "addParentRef",
        target: { kind: "HTTPRoute", name: "r" },
        parentRef: { name: "gw", port: 80 },
      },
      {
        op: "setField",
        target: { kind: "HTTPRoute", name: "r" },
        path: ["spec", "hostnames", 1],
        value: "b.com",
      },
      {
        op: "addBackendRef",
        target: { kind: "HTTPRoute", name: "r" },
        ruleIndex: 0,
        backendRef: { name: "s", port: 80 },
      },
      {
        op: "setField",
        target: { kind: "HTTPRoute", name: "r" },
        path: ["metadata", "labels"],
        value: { a: "b" },
      },
    ]);
    expect(r.failed).toEqual([]);
    expect(r.text).toBe(
      "apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata: {name: r, labels: {a: b}}\nspec:\n  parentRefs: [{name: gw, port: 80}]\n  hostnames: [a.com, b.com]\n  rules:\n    - backendRefs:\n        - name: s\n          port: 80\n",
    );
  });

  test("CRLF files keep CRLF in the lines an edit adds", () => {
    const crlf = ROUTE.replace(/\n/g, "\r\n");
    const r = edit({
      op: "addParentRef",
      target: web,
      parentRef: { name: "gw2", sectionName: "https" },
    });
    const c = applyEdits(crlf, [
      { op: "addParentRef", target: web, parentRef: { name: "gw2", sectionName: "https" } },
    ]);
    expect(c.failed).toEqual([]);
    expect(c.text).toBe(r.text.replace(/\n/g, "\r\n"));
    const removed = applyEdits(crlf, [
      { op: "removeBackendRef", target: web, ruleIndex: 0, backendIndex: 1 },
    ]);
    expect(removed.text).toBe(withLines(ROUTE, 19, 22, []).replace(/\n/g, "\r\n"));
  });

  test("unknown kinds and unknown fields round-trip untouched around an edit", () => {
    const text = `apiVersion: example.com/v1\nkind: Widget   # not modelled\nmetadata: {name: w}\nspec:\n  gizmo: !custom [1, 2]\n  x-unknown: &a {deep: {er: true}}\n  y: *a\n---\napiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata:\n  name: r\nspec:\n  madeUp: 1   # unknown field\n  rules:\n  - backendRefs:\n    - {name: a, port: 80}\n`;
    const r = applyEdits(text, [
      {
        op: "setBackendWeight",
        target: { kind: "HTTPRoute", name: "r" },
        ruleIndex: 0,
        backendIndex: 0,
        weight: 7,
      },
    ]);
    expect(r.text).toBe(text.replace("{name: a, port: 80}", "{name: a, port: 80, weight: 7}"));
    const w = applyEdits(text, [
      { op: "setField", target: { kind: "Widget", name: "w" }, path: ["spec", "size"], value: 3 },
    ]);
    expect(w.text).toBe(text.replace("  y: *a\n", "  y: *a\n  size: 3\n"));
  });
});

describe("hostile but valid YAML", () => {
  const target = { kind: "HTTPRoute", namespace: "app", name: "r" };
  const aliased = `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: r, namespace: app}
spec:
  rules:
    - backendRefs:
        - &b {name: s, port: 80, weight: 1}
    - backendRefs:
        - *b
`;

  test("refuses to remove a node whose anchor an alias still uses, and leaves the text as it was", () => {
    const r = applyEdits(aliased, [
      { op: "removeBackendRef", target, ruleIndex: 0, backendIndex: 0 },
    ]);
    expect(r.text).toBe(aliased);
    expect(r.failed.map((f) => f.reason)).toEqual([
      "the edit removes the anchor &b that the alias *b elsewhere in this document refers to; write the aliased value out in full first",
    ]);
  });

  test("still removes the alias itself, and anchors no alias uses", () => {
    const r = applyEdits(aliased, [
      { op: "removeBackendRef", target, ruleIndex: 1, backendIndex: 0 },
      { op: "removeBackendRef", target, ruleIndex: 0, backendIndex: 0 },
    ]);
    expect(r.failed).toEqual([]);
    expect(parseDocument(r.text).toJS()).toMatchObject({
      spec: { rules: [{ backendRefs: [] }, { backendRefs: [] }] },
    });
  });

  test("refuses to change a value an alias repeats (the alias would change too)", () => {
    const shared = aliased.replace(
      "namespace: app}",
      "namespace: app, annotations: &ann {a: x}, labels: *ann}",
    );
    for (const op of [
      { op: "setBackendWeight", target, ruleIndex: 0, backendIndex: 0, weight: 5 },
      { op: "setField", target, path: ["metadata", "annotations", "b"], value: "y" },
    ] as const) {
      const r = applyEdits(shared, [op]);
      expect(r.text).toBe(shared);
      expect(r.failed[0]?.reason).toMatch(
        /^the edit changes the value anchored as &(b|ann), which/,
      );
    }
    const renamed = applyEdits(shared, [{ op: "renameObject", target, name: "r2" }]);
    expect(renamed.failed).toEqual([]);
  });

  test("finds an object whose name is written with escapes while another document names it", () => {
    const text = `apiVersion: v1
kind: Service
metadata: {name: "r\\u002dx", namespace: app}
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: q, namespace: app}
spec:
  rules: [{backendRefs: [{name: r-x, port: 80}]}]
`;
    const r = applyEdits(text, [
      {
        op: "renameObject",
        target: { kind: "Service", namespace: "app", name: "r-x" },
        name: "r-y",
      },
    ]);
    expect(r.failed).toEqual([]);
    expect(r.text.split("---")[1]).toBe(text.split("---")[1]);
    expect(parseDocument(r.text.split("---")[0] ?? "").toJS()).toMatchObject({
      metadata: { name: "r-y", namespace: "app" },
    });
  });
});

describe("removing a document with directives, an end marker or a byte-order mark", () => {
  const target = { kind: "HTTPRoute", namespace: "app", name: "r" };
  const route =
    "apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata: {name: r, namespace: app}\n";
  const service = "apiVersion: v1\nkind: Service\nmetadata: {name: a, namespace: app}\n";
  const remove = (text: string) => applyEdits(text, [{ op: "removeObject", target }]).text;

  test("takes the document's %YAML directive and its ... marker along", () => {
    expect(remove(`%YAML 1.2\n---\n${route}...\n---\n${service}`)).toBe(service);
    expect(remove(`${service}...\n%YAML 1.2\n---\n${route}...\n`)).toBe(`${service}...\n`);
    const crlf = `%YAML 1.2\n---\n${route}...\n---\n${service}`.replace(/\n/g, "\r\n");
    expect(remove(crlf)).toBe(service.replace(/\n/g, "\r\n"));
  });

  test("keeps the file's byte-order mark when its first document goes", () => {
    expect(remove(`\uFEFF${route}---\n${service}`)).toBe(`\uFEFF${service}`);
    expect(remove(`\uFEFF%YAML 1.2\n---\n${route}---\n${service}`)).toBe(`\uFEFF${service}`);
  });
});
