import { describe, expect, it } from "vitest";
import { analyze } from "../analyze";
import type { RouteStatus } from "../types";

/**
 * Every diagnostic names the document it is in and, when it is about an object, that object's
 * key; route status parents name their parentRef's index. These tie a finding to the graph node,
 * the editor's document and the status entry without re-deriving them from file and line.
 */
const GATEWAY = `apiVersion: gateway.networking.k8s.io/v1
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
    - { name: http, protocol: HTTP, port: 80, allowedRoutes: { namespaces: { from: All } } }
`;

describe("diagnostics carry their document and object", () => {
  it("from validation, status and lint, each in its own document", () => {
    const text = `${GATEWAY}---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: { name: typo, namespace: app }
spec:
  parentRefs: [{ name: web, namespace: infra }]
  rules: [{ matches: [{ path: { type: Prefix, value: / } }] }]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: { name: missing, namespace: app }
spec:
  parentRefs: [{ name: web, namespace: infra }, { name: nowhere, namespace: infra }]
  rules: [{ backendRefs: [{ name: gone, port: 80 }] }]
`;
    const a = analyze([{ name: "w.yaml", text }], { world: "closed" });
    const enumError = a.diagnostics.find((d) => d.code === "schema.enum");
    expect(enumError).toMatchObject({ docIndex: 2, objectKey: "HTTPRoute/app/typo" });
    const notFound = a.diagnostics.filter((d) => d.code === "ref.not-found");
    expect(notFound.length).toBeGreaterThan(0);
    for (const d of notFound)
      expect(d).toMatchObject({ docIndex: 3, objectKey: "HTTPRoute/app/missing" });
    for (const d of a.diagnostics)
      if (d.object !== undefined)
        expect(d.objectKey).toBe(
          `${d.object.kind}/${d.object.namespace === undefined ? "" : `${d.object.namespace}/`}${d.object.name}`,
        );
    for (const f of a.lint) expect(f.diagnostic.docIndex, f.diagnostic.code).toBeTypeOf("number");
  });

  it("a syntax error names the document it broke, and the documents after it keep their own index", () => {
    const text = `${GATEWAY}---
kind: [oops
---
apiVersion: v1
kind: Service
metadata: { name: svc, namespace: app }
spec: { ports: [{ port: 80 }] }
---
apiVersion: v1
kind: Service
metadata: { name: svc, namespace: app }
spec: { ports: [{ port: 80 }] }
`;
    const a = analyze([{ name: "w.yaml", text }]);
    expect(a.diagnostics.find((d) => d.code === "yaml.syntax")).toMatchObject({ docIndex: 2 });
    expect(a.diagnostics.find((d) => d.code === "object.duplicate")).toMatchObject({
      docIndex: 4,
      objectKey: "Service/app/svc",
    });
  });

  it("status drift names the document of the object whose status disagrees", () => {
    const text = `${GATEWAY}---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: { name: r, namespace: app, generation: 1 }
spec:
  parentRefs: [{ name: web, namespace: infra }]
status:
  parents:
    - parentRef: { name: web, namespace: infra }
      controllerName: gwsim.dev/controller
      conditions:
        - { type: Accepted, status: "False", reason: NotAllowedByListeners, observedGeneration: 1 }
`;
    const drift = analyze([{ name: "w.yaml", text }]).diagnostics.filter(
      (d) => d.code === "status.controller-disagrees",
    );
    expect(drift.length).toBeGreaterThan(0);
    for (const d of drift) expect(d).toMatchObject({ docIndex: 2, objectKey: "HTTPRoute/app/r" });
  });
});

describe("route status parents carry their parentRef index", () => {
  it("in spec order, skipping none, so a parent ties to its explain entry", () => {
    const text = `${GATEWAY}---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: { name: r, namespace: app }
spec:
  parentRefs: [{ name: web, namespace: infra, sectionName: nope }, { name: web, namespace: infra }]
`;
    const a = analyze([{ name: "w.yaml", text }]);
    const parents = (a.status["HTTPRoute/app/r"] as RouteStatus).parents;
    expect(parents.map((p) => [p.parentRefIndex, p.parentRef.sectionName])).toEqual([
      [0, "nope"],
      [1, undefined],
    ]);
    expect(
      a.explain.filter((e) => e.route === "HTTPRoute/app/r").map((e) => e.parentRefIndex),
    ).toEqual([0, 1]);
  });
});
