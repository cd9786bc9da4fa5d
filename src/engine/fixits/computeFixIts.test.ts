import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { analyze, analyzeRevision } from "../analyze";
import type { Analysis } from "../analysisTypes";
import { applyEdits } from "../edit/applyEdits";
import type { RouteStatus, SourceFile } from "../types";
import { computeFixIts } from "./computeFixIts";
import type { FixIt } from "./fixItTypes";
import { previewFixIt } from "./previewFixIt";
import { buildListenerAdmissionFixes } from "./buildListenerAdmissionFixes";
import { verifyFixIt } from "./verifyFixIt";
import { loadManifests } from "../load/loadManifests";
import { indexResources } from "../resolve/indexResources";

const CLOCK = { clock: () => "2026-01-01T00:00:00Z" };
/** The fix-its offered for the sources, from their analysed revision. */
const fixItsOf = (sources: SourceFile[]): FixIt[] => computeFixIts(analyzeRevision(sources, CLOCK));
const example = (name: string): SourceFile => ({
  name,
  text: readFileSync(new URL(`../../../fixtures/examples/${name}`, import.meta.url), "utf8"),
});

function applyFix(source: SourceFile, fix: FixIt): { text: string; after: Analysis } {
  const result = applyEdits(source.text, fix.edits);
  expect(result.failed).toEqual([]);
  return { text: result.text, after: analyze([{ name: source.name, text: result.text }], CLOCK) };
}

/** Diagnostics compared without their location: an edit may move later lines. */
function problems(a: Analysis): string[] {
  return a.diagnostics
    .map(
      (d) =>
        `${d.code} ${d.object ? `${d.object.kind}/${d.object.namespace ?? ""}/${d.object.name}` : "-"} ${d.path ?? ""} ${d.message}`,
    )
    .sort();
}

function routeParent(a: Analysis, key: string): RouteStatus["parents"][number] | undefined {
  return (a.status[key] as RouteStatus | undefined)?.parents[0];
}

function condition(a: Analysis, key: string, type: string): string | undefined {
  const c = routeParent(a, key)?.conditions.find((x) => x.type === type);
  return c === undefined ? undefined : `${c.status} ${c.reason}`;
}

/** Every status entry except `changed` is identical, and the problems differ exactly by `gone`. */
function expectOnlyChange(
  before: Analysis,
  after: Analysis,
  changed: readonly string[],
  gone: readonly string[],
): void {
  for (const [key, status] of Object.entries(before.status)) {
    if (!changed.includes(key)) expect(after.status[key], key).toEqual(status);
  }
  const expected = problems(before).filter((p) => !gone.some((g) => p.startsWith(g)));
  expect(problems(after)).toEqual(expected);
}

describe("fix-its on broken-on-purpose.yaml", () => {
  const source = example("broken-on-purpose.yaml");
  const before = analyze([source], CLOCK);
  const fixes = fixItsOf([source]);

  it("offers exactly the ReferenceGrant and the PathPrefix correction", () => {
    expect(fixes.map((f) => f.title)).toEqual([
      "Change spec.rules[0].matches[0].path.type to PathPrefix",
      "Add ReferenceGrant payments/allow-httproutes-from-shop-to-checkout",
    ]);
  });

  it("the ReferenceGrant resolves RefNotPermitted and changes nothing else", () => {
    const fix = fixes.find((f) => f.kind === "reference-grant");
    if (fix === undefined) throw new Error("no ReferenceGrant fix");
    expect(condition(before, "HTTPRoute/shop/orders", "ResolvedRefs")).toBe(
      "False RefNotPermitted",
    );
    const { after } = applyFix(source, fix);
    expect(condition(after, "HTTPRoute/shop/orders", "ResolvedRefs")).toBe("True ResolvedRefs");
    expectOnlyChange(before, after, ["HTTPRoute/shop/orders"], []);
    expect(
      fixItsOf([{ name: source.name, text: applyFix(source, fix).text }]).some(
        (f) => f.kind === "reference-grant",
      ),
    ).toBe(false);
  });

  it("the grant names only the referenced Service", () => {
    const fix = fixes.find((f) => f.kind === "reference-grant");
    expect(fix?.edits).toEqual([
      {
        op: "addObject",
        object: {
          apiVersion: "gateway.networking.k8s.io/v1beta1",
          kind: "ReferenceGrant",
          metadata: { name: "allow-httproutes-from-shop-to-checkout", namespace: "payments" },
          spec: {
            from: [{ group: "gateway.networking.k8s.io", kind: "HTTPRoute", namespace: "shop" }],
            to: [{ group: "", kind: "Service", name: "checkout" }],
          },
        },
      },
    ]);
  });

  it("Prefix → PathPrefix makes the route valid and changes nothing else", () => {
    const fix = fixes.find((f) => f.kind === "suggested-value");
    if (fix === undefined) throw new Error("no suggested-value fix");
    const { text, after } = applyFix(source, fix);
    expect(text).toBe(
      source.text.replace("            type: Prefix\n", "            type: PathPrefix\n"),
    );
    expect(condition(after, "HTTPRoute/shop/legacy", "Accepted")).toBe("True Accepted");
    expectOnlyChange(
      before,
      after,
      ["HTTPRoute/shop/legacy", "Gateway/shop/public"],
      ["schema.enum HTTPRoute/shop/legacy"],
    );
  });

  it("previews a fix as a unified diff of the file", () => {
    const fix = fixes.find((f) => f.kind === "suggested-value");
    if (fix === undefined) throw new Error("no suggested-value fix");
    const preview = previewFixIt([source], fix);
    expect(preview?.failed).toEqual([]);
    expect(preview?.diff).toContain("-            type: Prefix\n+            type: PathPrefix\n");
    expect(
      preview?.diff.startsWith("--- a/broken-on-purpose.yaml\n+++ b/broken-on-purpose.yaml\n@@ -"),
    ).toBe(true);
  });
});

describe("fix-its for NotAllowedByListeners", () => {
  const shared = example("shared-gateway-two-teams.yaml");
  const newcomer = `---
apiVersion: v1
kind: Namespace
metadata:
  name: team-c
  labels:
    owner: c
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: blog
  namespace: team-c
spec:
  parentRefs:
    - name: shared
      namespace: infra
      sectionName: https
  hostnames: [blog.example.com]
  rules:
    - backendRefs: [{ name: blog, port: 80 }]
`;
  it("labels a declared Namespace that the listener selector does not match", () => {
    const source = { name: "shared.yaml", text: shared.text + newcomer };
    const before = analyze([source], CLOCK);
    expect(condition(before, "HTTPRoute/team-c/blog", "Accepted")).toBe(
      "False NotAllowedByListeners",
    );
    const fixes = fixItsOf([source]).filter((f) => f.fixes === "NotAllowedByListeners");
    expect(fixes.map((f) => f.title)).toEqual([
      "Label namespace team-c with shared-gateway-access=true",
    ]);
    const fix = fixes[0];
    if (fix === undefined) throw new Error("no fix");
    expect(fix.edits).toEqual([
      {
        op: "setField",
        target: { kind: "Namespace", name: "team-c" },
        path: ["metadata", "labels", "shared-gateway-access"],
        value: "true",
      },
    ]);
    const { after } = applyFix(source, fix);
    expect(condition(after, "HTTPRoute/team-c/blog", "Accepted")).toBe("True Accepted");
    expectOnlyChange(before, after, ["HTTPRoute/team-c/blog", "Gateway/infra/shared"], []);
  });

  it("adds the Namespace with the label when it is not declared", () => {
    const source = {
      name: "shared.yaml",
      text:
        shared.text +
        newcomer.replace(/^---\napiVersion: v1\nkind: Namespace\n[\s\S]*?owner: c\n/, ""),
    };
    const fix = fixItsOf([source]).find((f) => f.kind === "namespace-label");
    expect(fix?.edits).toEqual([
      {
        op: "addObject",
        object: {
          apiVersion: "v1",
          kind: "Namespace",
          metadata: { name: "team-c", labels: { "shared-gateway-access": "true" } },
        },
      },
    ]);
    if (fix === undefined) return;
    const { after } = applyFix(source, fix);
    expect(condition(after, "HTTPRoute/team-c/blog", "Accepted")).toBe("True Accepted");
  });

  it("widens a Same listener to exactly the two namespaces", () => {
    const text = `apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: { name: example }
spec: { controllerName: gwsim.dev/controller }
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: { name: web, namespace: infra }
spec:
  gatewayClassName: example
  listeners:
    - name: http
      protocol: HTTP
      port: 80
      allowedRoutes:
        kinds: [{ kind: GRPCRoute }]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: { name: r, namespace: app }
spec:
  parentRefs: [{ name: web, namespace: infra }]
  rules: [{ backendRefs: [{ name: svc, port: 80 }] }]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: { name: other, namespace: elsewhere }
spec:
  parentRefs: [{ name: web, namespace: infra }]
  rules: [{ backendRefs: [{ name: svc, port: 80 }] }]
`;
    const source = { name: "same.yaml", text };
    const fixes = fixItsOf([source]).filter((f) => f.object.name === "r");
    // Namespace and kind both refuse the route: either edit alone leaves it refused, so only the pair is offered.
    expect(fixes.map((f) => f.title)).toEqual([
      "Allow HTTPRoute from app on listener http of Gateway infra/web",
    ]);
    let current = text;
    for (const f of fixes) current = applyEdits(current, f.edits).text;
    const after = analyze([{ name: "same.yaml", text: current }], CLOCK);
    expect(condition(after, "HTTPRoute/app/r", "Accepted")).toBe("True Accepted");
    expect(condition(after, "HTTPRoute/elsewhere/other", "Accepted")).toBe(
      "False NotAllowedByListeners",
    );
    expect(current).toContain("values:\n                  - infra\n                  - app");
  });
});

describe("fix-it for a Service backendRef without port", () => {
  const text = (ports: string) => `apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: { name: example }
spec: { controllerName: gwsim.dev/controller }
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: { name: web, namespace: app }
spec:
  gatewayClassName: example
  listeners: [{ name: http, protocol: HTTP, port: 80 }]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: { name: r, namespace: app }
spec:
  parentRefs: [{ name: web }]
  rules:
    - backendRefs:
        - name: svc
---
apiVersion: v1
kind: Service
metadata: { name: svc, namespace: app }
spec:
  ports: ${ports}
`;
  it("sets the only port of the Service, which clears the CRD error", () => {
    const source = { name: "port.yaml", text: text("[{ port: 8080 }]") };
    const before = analyze([source], CLOCK);
    expect(before.diagnostics.map((d) => d.code)).toContain("schema.rule");
    const fix = fixItsOf([source]).find((f) => f.kind === "backend-port");
    expect(fix?.title).toBe("Set port 8080 on backendRef svc (rule 0)");
    if (fix === undefined) return;
    const { text: fixed, after } = applyFix(source, fix);
    expect(fixed).toContain("        - name: svc\n          port: 8080\n");
    expect(after.diagnostics.map((d) => d.code)).not.toContain("schema.rule");
    expectOnlyChange(before, after, ["HTTPRoute/app/r"], ["schema.rule HTTPRoute/app/r"]);
  });
  it("offers nothing when the Service has several ports", () => {
    const source = { name: "port.yaml", text: text("[{ port: 8080 }, { port: 9090 }]") };
    expect(fixItsOf([source]).filter((f) => f.kind === "backend-port")).toEqual([]);
  });
});

describe("fix-its the validator suggests", () => {
  const validateCase = (name: string): SourceFile => ({
    name,
    text: readFileSync(new URL(`../testdata/validate/${name}`, import.meta.url), "utf8"),
  });

  it('every "did you mean" enum value of the validator test case is fixed, and only those lines change', () => {
    const source = validateCase("path-type-prefix-suggests-pathprefix.in.yaml");
    const fixes = fixItsOf([source]).filter((f) => f.kind === "suggested-value");
    expect(fixes.map((f) => f.title)).toEqual([
      "Change spec.rules[0].matches[0].path.type to PathPrefix",
      "Change spec.rules[1].matches[0].path.type to Exact",
      "Change spec.rules[1].matches[1].method to GET",
    ]);
    const fixed = applyEdits(
      source.text,
      fixes.flatMap((f) => f.edits),
    );
    expect(fixed.failed).toEqual([]);
    expect(
      analyze([{ name: source.name, text: fixed.text }], CLOCK).diagnostics.filter(
        (d) => d.code === "schema.enum",
      ),
    ).toEqual([]);
    const changed = source.text.split("\n").filter((line, i) => line !== fixed.text.split("\n")[i]);
    expect(changed).toHaveLength(3);
  });

  it("a filter type spelt as the Go type name becomes RequestHeaderModifier", () => {
    const source = validateCase(
      "filter-type-httpheadermodifier-suggests-requestheadermodifier.in.yaml",
    );
    const fix = fixItsOf([source]).find((f) => f.kind === "suggested-value");
    expect(fix?.edits).toEqual([
      {
        op: "setField",
        target: { kind: "HTTPRoute", namespace: "default", name: "headers" },
        path: ["spec", "rules", 0, "filters", 0, "type"],
        value: "RequestHeaderModifier",
      },
    ]);
  });

  it("a misspelt field moves its value under the suggested key, and the route then attaches", () => {
    const text = `apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: { name: example }
spec: { controllerName: gwsim.dev/controller }
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: { name: web, namespace: app }
spec:
  gatewayClassName: example
  listeners: [{ name: http, protocol: HTTP, port: 80 }]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: { name: r, namespace: app }
spec:
  parentRef:
    - name: web
  rules:
    - backendRefs: [{ name: svc, port: 80 }]
`;
    const source = { name: "typo.yaml", text };
    const before = analyze([source], CLOCK);
    expect(before.status["HTTPRoute/app/r"]).toBeUndefined();
    const fix = fixItsOf([source]).find((f) => f.kind === "renamed-field");
    expect(fix?.title).toBe("Rename parentRef to parentRefs");
    if (fix === undefined) return;
    const { after } = applyFix(source, fix);
    expect(condition(after, "HTTPRoute/app/r", "Accepted")).toBe("True Accepted");
    expect(after.diagnostics.map((d) => d.code)).not.toContain("schema.unknown-field");
  });
});

describe("fix-its on the external-vs-internal template", () => {
  it("a label that would admit ledger on the public listener but cut it off the internal one is not offered", () => {
    const source = example("external-vs-internal-isolation.yaml");
    const before = analyze([source], CLOCK);
    const index = indexResources(loadManifests([source]).manifests);
    const proposed = buildListenerAdmissionFixes(before.explain, index);
    expect(proposed.map((f) => f.title)).toEqual([
      "Label namespace ledger with exposure=external (replaces exposure=internal)",
    ]);
    const fix = proposed[0];
    if (fix === undefined) return;
    const { after } = applyFix(source, fix);
    expect(condition(after, "HTTPRoute/ledger/ledger-on-public", "Accepted")).toBe("True Accepted");
    expect(condition(after, "HTTPRoute/ledger/ledger", "Accepted")).toBe(
      "False NotAllowedByListeners",
    );
    expect(verifyFixIt(analyzeRevision([source], CLOCK), fix)).toBe(false);
    expect(fixItsOf([source])).toEqual([]);
  });
});

describe("every fix-it is proven by re-analysis", () => {
  it("an HTTPRoute refused by a TCP listener that accepts only TCPRoute gets no fix-it that widens access", () => {
    const text = `apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: { name: example }
spec: { controllerName: gwsim.dev/controller }
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: { name: edge, namespace: infra }
spec:
  gatewayClassName: example
  listeners:
    - name: tcp
      protocol: TCP
      port: 5432
      allowedRoutes:
        kinds: [{ kind: TCPRoute }]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: { name: web, namespace: apps }
spec:
  parentRefs: [{ name: edge, namespace: infra, sectionName: tcp }]
  rules: [{ backendRefs: [{ name: svc, port: 80 }] }]
`;
    const source = { name: "tcp.yaml", text };
    const before = analyze([source], CLOCK);
    expect(condition(before, "HTTPRoute/apps/web", "Accepted")).toBe("False NotAllowedByListeners");
    const index = indexResources(loadManifests([source]).manifests);
    // The generator proposes opening the namespace; applied, the route would still be refused.
    const proposed = buildListenerAdmissionFixes(before.explain, index);
    expect(proposed.map((f) => f.kind)).toEqual(["allowed-routes"]);
    const { after } = applyFix(source, proposed[0]!);
    expect(condition(after, "HTTPRoute/apps/web", "Accepted")).toBe("False NotAllowedByListeners");
    expect(fixItsOf([source])).toEqual([]);
  });

  const cases: SourceFile[] = [
    ...readdirSync(new URL("../../../fixtures/examples/", import.meta.url))
      .filter((n) => n.endsWith(".yaml"))
      .map((n) => example(n)),
    ...readdirSync(new URL("../testdata/validate/", import.meta.url))
      .filter((n) => n.endsWith(".in.yaml"))
      .map((n) => ({
        name: n,
        text: readFileSync(new URL(`../testdata/validate/${n}`, import.meta.url), "utf8"),
      })),
  ];
  it.each(cases.map((c) => [c.name, c] as const))(
    "%s: each offered fix-it, applied alone, removes a problem and adds none",
    (_name, source) => {
      const before = analyze([source], CLOCK);
      for (const fix of fixItsOf([source])) {
        const { after } = applyFix(source, fix);
        const gone = problems(before).filter((p) => !problems(after).includes(p));
        const added = problems(after).filter((p) => !problems(before).includes(p));
        const refusedBefore = JSON.stringify(before.status).split('"status":"False"').length;
        const refusedAfter = JSON.stringify(after.status).split('"status":"False"').length;
        expect(added, fix.title).toEqual([]);
        expect(
          gone.length > 0 || refusedAfter < refusedBefore,
          `${fix.title} resolves something`,
        ).toBe(true);
      }
    },
  );
});
