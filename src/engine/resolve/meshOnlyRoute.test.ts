/**
 * GEP-1294 "Namespace boundaries": a mesh route reaches backendRefs in any namespace without a
 * ReferenceGrant. The first case is conformance MeshConsumerRoute's manifest
 * (kubernetes-sigs/gateway-api conformance/tests/mesh/mesh-consumer-route.yaml, Apache-2.0), which
 * expects 200 from echo-v1 with no grant in the cluster.
 */
import { describe, expect, test } from "vitest";
import { analyze, analyzeRevision } from "../analyze";
import { reanalyze } from "../incremental/reanalyze";
import { createParseCache } from "../load/parseCache";
import { loadValidated } from "../validate/loadValidated";
import { compileRouter } from "../routing/compileRouter";
import { traceRequest } from "../simulate/traceRequest";
import type { RouteStatus } from "../types";
import { bindsOnlyServices, parentScope } from "./meshOnlyRoute";

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

  test("a route that also binds a Gateway: its Gateway parent needs the grant, its Service parent not", () => {
    // Istio converts such a route once per kind of parent and enforces grants only for Gateways.
    const mixed = consumerRoute(`  - name: gw\n`);
    expect(resolvedRefs(mixed)).toEqual([
      "Service echo-v1: True/ResolvedRefs",
      "Gateway gw: False/RefNotPermitted",
    ]);
    const analysis = analyzeClosed(mixed);
    const router = compileRouter(analysis);
    const mesh = traceRequest(router, {
      scheme: "http",
      port: 80,
      path: "/",
      mesh: {
        clientNamespace: "gateway-conformance-mesh-consumer",
        service: "gateway-conformance-mesh/echo-v1",
      },
    });
    expect(mesh.outcome.kind).toBe("forwarded");
    expect(mesh.outcome.backend?.target).toBe("gateway-conformance-mesh/echo-v1:80");
    // North-south traffic through the Gateway still meets the refused reference: 500.
    const north = traceRequest(router, {
      scheme: "http",
      host: "any.example",
      port: 80,
      path: "/",
      gateway: "gateway-conformance-mesh-consumer/gw",
    });
    expect(north.outcome.status).toBe(500);
    // The route table (Gateway traffic) keeps one route per key: the grant-checked one.
    const route = analysis.routes.find((r) => r.name === "mesh-echo-add-header");
    expect(route?.rules[0]?.backendRefs[0]?.reason).toBe("RefNotPermitted");
    expect(analysis.mesh.routes?.map((r) => r.rules[0]?.backendRefs[0]?.valid)).toEqual([true]);
  });

  test("a mixed route the grant does not refuse resolves once, for every parent", () => {
    const grant = `apiVersion: gateway.networking.k8s.io/v1beta1
kind: ReferenceGrant
metadata: {name: g, namespace: gateway-conformance-mesh}
spec:
  from: [{group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: gateway-conformance-mesh-consumer}]
  to: [{group: "", kind: Service}]
---
`;
    const analysis = analyzeClosed(`${grant}${consumerRoute(`  - name: gw\n`)}`);
    expect(analysis.mesh.routes).toBeUndefined();
    const status = analysis.status[
      "HTTPRoute/gateway-conformance-mesh-consumer/mesh-echo-add-header"
    ] as RouteStatus;
    expect(status.parents.map((p) => p.conditions[1]?.reason)).toEqual([
      "ResolvedRefs",
      "ResolvedRefs",
    ]);
  });

  test("a refused backend missing from the input is reported to the Service parents", () => {
    const route = consumerRoute(`  - name: gw\n`).replace(
      /name: echo-v1\n(\s+)namespace: gateway-conformance-mesh\n(\s+)port/,
      "name: echo-v9\n$1namespace: gateway-conformance-mesh\n$2port",
    );
    expect(resolvedRefs(route)).toEqual([
      "Service echo-v1: False/BackendNotFound",
      "Gateway gw: False/RefNotPermitted",
    ]);
    const found = analyzeClosed(route).diagnostics.filter((d) => d.code === "ref.not-found");
    expect(found.map((d) => d.message)).toEqual([
      "Service gateway-conformance-mesh/echo-v9 is not in the input, so the route reports BackendNotFound for it to its Service parents.",
    ]);
  });

  test("an edit to such a route is analysed afresh (the mesh model holds its second resolution)", () => {
    const files = (text: string) => [{ name: "mesh.yaml", text: `${CLUSTER}---\n${text}` }];
    const before = consumerRoute(`  - name: gw\n`);
    const after = before.replace("value: set", "value: changed");
    const cache = createParseCache();
    const options = { world: "closed" as const, parseCache: cache };
    const previous = analyzeRevision(files(before), options);
    const result = reanalyze(previous, files(after), options, loadValidated(files(after), cache));
    expect(result.fallback).toMatch(/Service parents/);
  });

  test("only parentRefs that spell out the core group and kind Service make a mesh route", () => {
    const svc = { group: "", kind: "Service", name: "a" };
    expect(bindsOnlyServices({ parentRefs: [svc, { ...svc, name: "b", port: 80 }] })).toBe(true);
    // ParentReference defaults: group gateway.networking.k8s.io, kind Gateway.
    expect(bindsOnlyServices({ parentRefs: [{ kind: "Service", name: "a" }] })).toBe(false);
    expect(bindsOnlyServices({ parentRefs: [svc, { name: "gw" }] })).toBe(false);
    expect(bindsOnlyServices({ parentRefs: [] })).toBe(false);
    expect(bindsOnlyServices({})).toBe(false);
    expect(parentScope({ parentRefs: [svc, { name: "gw" }] })).toBe("mixed");
    expect(parentScope({ parentRefs: [{ name: "gw" }] })).toBe("gateway");
    expect(parentScope({})).toBe("gateway");
  });
});
