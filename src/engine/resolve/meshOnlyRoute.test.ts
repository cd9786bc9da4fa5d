/**
 * GEP-1294 "Namespace boundaries": a mesh route reaches backendRefs in any namespace without a
 * ReferenceGrant. The first case is conformance MeshConsumerRoute's manifest
 * (kubernetes-sigs/gateway-api conformance/tests/mesh/mesh-consumer-route.yaml, Apache-2.0), which
 * expects 200 from echo-v1 with no grant in the cluster.
 */
import { describe, expect, test } from "vitest";
import { analyze } from "../analyze";
import { compileRouter } from "../routing/compileRouter";
import { traceRequest } from "../simulate/traceRequest";
import type { RouteStatus } from "../types";
import { bindsOnlyServices } from "./meshOnlyRoute";

const CLUSTER = `apiVersion: v1
kind: Service
metadata: {name: echo-v1, namespace: gateway-conformance-mesh}
spec:
  ports: [{name: http, port: 80}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: c}
spec: {controllerName: example.com/c}
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw, namespace: gateway-conformance-mesh-consumer}
spec:
  gatewayClassName: c
  listeners: [{name: http, port: 80, protocol: HTTP}]
`;

function consumerRoute(extraParent = ""): string {
  return `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: mesh-echo-add-header
  namespace: gateway-conformance-mesh-consumer
spec:
  parentRefs:
  - group: ""
    kind: Service
    name: echo-v1
    namespace: gateway-conformance-mesh
${extraParent}  rules:
  - filters:
    - type: ResponseHeaderModifier
      responseHeaderModifier:
        set:
        - name: X-Header-Set
          value: set
    backendRefs:
    - name: echo-v1
      namespace: gateway-conformance-mesh
      port: 80
`;
}

function analyzeClosed(route: string) {
  return analyze([{ name: "mesh.yaml", text: `${CLUSTER}---\n${route}` }], { world: "closed" });
}

function resolvedRefs(route: string): string[] {
  const status = analyzeClosed(route).status[
    "HTTPRoute/gateway-conformance-mesh-consumer/mesh-echo-add-header"
  ] as RouteStatus;
  return status.parents.map((p) => {
    const c = p.conditions.find((x) => x.type === "ResolvedRefs");
    return `${p.parentRef.kind ?? "Gateway"} ${p.parentRef.name}: ${c?.status}/${c?.reason}`;
  });
}

describe("mesh routes and ReferenceGrants (GEP-1294)", () => {
  test("a consumer route sends to the producer's Service in another namespace without a grant", () => {
    expect(resolvedRefs(consumerRoute())).toEqual(["Service echo-v1: True/ResolvedRefs"]);
    const router = compileRouter(analyzeClosed(consumerRoute()));
    const trace = traceRequest(router, {
      scheme: "http",
      port: 80,
      path: "/",
      mesh: {
        clientNamespace: "gateway-conformance-mesh-consumer",
        service: "gateway-conformance-mesh/echo-v1",
      },
    });
    expect(trace.outcome.kind).toBe("forwarded");
    expect(trace.outcome.backend?.target).toBe("gateway-conformance-mesh/echo-v1:80");
  });

  test("a route that also binds a Gateway exposes the backend north-south: the grant is needed", () => {
    const gatewayParent = `  - name: gw\n`;
    expect(resolvedRefs(consumerRoute(gatewayParent))).toEqual([
      "Service echo-v1: False/RefNotPermitted",
      "Gateway gw: False/RefNotPermitted",
    ]);
  });

  test("only parentRefs that spell out the core group and kind Service make a mesh route", () => {
    const svc = { group: "", kind: "Service", name: "a" };
    expect(bindsOnlyServices({ parentRefs: [svc, { ...svc, name: "b", port: 80 }] })).toBe(true);
    // ParentReference defaults: group gateway.networking.k8s.io, kind Gateway.
    expect(bindsOnlyServices({ parentRefs: [{ kind: "Service", name: "a" }] })).toBe(false);
    expect(bindsOnlyServices({ parentRefs: [svc, { name: "gw" }] })).toBe(false);
    expect(bindsOnlyServices({ parentRefs: [] })).toBe(false);
    expect(bindsOnlyServices({})).toBe(false);
  });
});
