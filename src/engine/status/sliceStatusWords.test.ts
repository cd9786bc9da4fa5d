/**
 * A route whose Gateway no controller reconciles gets no status; the words say which of the two
 * causes it is, what gwsim assumed, and so what to do. Before, every case read "its GatewayClass
 * X is missing or not accepted", even when the class was simply not in a slice of the cluster.
 */
import { describe, expect, test } from "vitest";
import { analyze } from "../analyze";
import type { WorldMode } from "../resolve/world";

const gatewayAndRoute = `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: edge, namespace: infra}
spec:
  gatewayClassName: eg
  listeners: [{name: http, port: 80, protocol: HTTP, allowedRoutes: {namespaces: {from: All}}}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: web, namespace: shop}
spec:
  parentRefs: [{name: edge, namespace: infra}]
`;

function noStatusReason(text: string, world: WorldMode): string | undefined {
  const analysis = analyze([{ name: "in.yaml", text }], { world });
  return analysis.explain.find((e) => e.route === "HTTPRoute/shop/web")?.noStatusReason;
}

describe("why a route's Gateway is not reconciled", () => {
  test("closed world, no class of that name: the input is the whole cluster", () => {
    expect(noStatusReason(gatewayAndRoute, "closed")).toBe(
      "Gateway infra/edge is not reconciled: its GatewayClass eg is not in the input (closed world: the input is the whole cluster); no controller writes status for it",
    );
  });

  test("auto world beside another class: the input is taken to hold every class", () => {
    const other = `apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: other}
spec: {controllerName: example.com/other}
---
`;
    expect(noStatusReason(other + gatewayAndRoute, "auto")).toBe(
      "Gateway infra/edge is not reconciled: its GatewayClass eg is not in the input (the workspace declares other GatewayClass objects in the input, so a missing one is not assumed); no controller writes status for it",
    );
  });

  test("a class in the input that is not accepted: its own status says why", () => {
    const refused = `apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: eg}
spec:
  controllerName: example.com/eg
  parametersRef: {group: example.com, kind: Params, name: missing}
---
`;
    const reason = noStatusReason(refused + gatewayAndRoute, "closed");
    expect(reason).toBe(
      "Gateway infra/edge is not reconciled: its GatewayClass eg is not accepted (see the GatewayClass's status); no controller writes status for it",
    );
  });
});

describe("RefNotPermitted on a slice of a cluster", () => {
  const route = `apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: eg}
spec: {controllerName: example.com/eg}
---
${gatewayAndRoute}  rules: [{backendRefs: [{name: api, namespace: backend, port: 80}]}]
---
apiVersion: v1
kind: Service
metadata: {name: api, namespace: backend}
spec: {ports: [{port: 80}]}
`;
  function refusal(text: string, world: WorldMode): string | undefined {
    const analysis = analyze([{ name: "in.yaml", text }], { world });
    const status = analysis.status["HTTPRoute/shop/web"] as
      { parents?: { conditions: { type: string; message: string }[] }[] } | undefined;
    return status?.parents?.[0]?.conditions.find((c) => c.type === "ResolvedRefs")?.message;
  }
  const denied =
    "backendRef Service backend/api:80: no ReferenceGrant in namespace backend allows HTTPRoute from namespace shop to reference Service backend/api";

  test("auto world: the namespace is in the input, so its grants are taken to be too", () => {
    expect(refusal(route, "auto")).toBe(
      `${denied} (the input holds other objects of namespace backend, so gwsim takes its ReferenceGrants to be in the input too); add one there that allows it`,
    );
  });

  test("closed world: the input holds every grant", () => {
    expect(refusal(route, "closed")).toBe(
      `${denied} (closed world: the input holds every ReferenceGrant there is); add one there that allows it`,
    );
  });

  test("a grant in the namespace that allows something else: no word about the world", () => {
    const grant = `---
apiVersion: gateway.networking.k8s.io/v1beta1
kind: ReferenceGrant
metadata: {name: g, namespace: backend}
spec:
  from: [{group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: elsewhere}]
  to: [{group: "", kind: Service}]
`;
    expect(refusal(route + grant, "auto")).toBe(`${denied}; add one there that allows it`);
  });
});
