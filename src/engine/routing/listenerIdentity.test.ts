import { describe, expect, test } from "vitest";
import { analyze } from "../analyze";
import { resourceKey } from "../api/keys";
import { routeRequest } from "../simulate/routeRequest";
import { traceRequest } from "../simulate/traceRequest";
import { aGateway, anHTTPRoute } from "../../test-utils/routingModels";
import { compileRouter } from "./compileRouter";
import { compileRouteTable } from "./compileRouteTable";

// Listener names are unique only per Gateway or per ListenerSet: a Gateway listener and a
// ListenerSet listener may both be called "web". Routes must stay on the listener they attached to.
const YAML = `apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: gwsim}
spec: {controllerName: gwsim.dev/controller}
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: parent, namespace: infra}
spec:
  gatewayClassName: gwsim
  allowedListeners:
    namespaces: {from: Same}
  listeners:
    - {name: web, port: 80, protocol: HTTP}
---
apiVersion: gateway.networking.k8s.io/v1
kind: ListenerSet
metadata: {name: extra, namespace: infra}
spec:
  parentRef: {name: parent}
  listeners:
    - {name: web, port: 8080, protocol: HTTP}
---
apiVersion: v1
kind: Service
metadata: {name: gateway-svc, namespace: infra}
spec:
  ports: [{port: 8080}]
---
apiVersion: v1
kind: Service
metadata: {name: set-svc, namespace: infra}
spec:
  ports: [{port: 8080}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: via-gateway, namespace: infra}
spec:
  parentRefs: [{name: parent, sectionName: web}]
  rules:
    - matches: [{path: {type: PathPrefix, value: /gw}}]
      backendRefs: [{name: gateway-svc, port: 8080}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: via-set, namespace: infra}
spec:
  parentRefs: [{kind: ListenerSet, name: extra, sectionName: web}]
  rules:
    - matches: [{path: {type: PathPrefix, value: /set}}]
      backendRefs: [{name: set-svc, port: 8080}]
`;

describe("a Gateway listener and a ListenerSet listener with the same name", () => {
  const analysis = analyze([{ name: "same-name.yaml", text: YAML }]);
  const router = compileRouter(analysis);
  const req = (port: number, path: string) => ({
    gateway: "infra/parent",
    scheme: "http" as const,
    port,
    host: "example.com",
    path,
  });

  test("the status stage attaches each route to its own listener, with its owner", () => {
    const owners = analysis.attachments.map((a) => [a.route, a.listener, a.owner]);
    expect(owners).toEqual(
      expect.arrayContaining([
        ["HTTPRoute/infra/via-gateway", "web", "Gateway/infra/parent"],
        ["HTTPRoute/infra/via-set", "web", "ListenerSet/infra/extra"],
      ]),
    );
  });

  test("each listener serves only the routes attached to it", () => {
    expect(routeRequest(router, req(80, "/gw/x"))).toMatchObject({
      status: 200,
      route: "HTTPRoute/infra/via-gateway",
      backend: "infra/gateway-svc:8080",
    });
    expect(routeRequest(router, req(80, "/set/x")).status).toBe(404);
    expect(routeRequest(router, req(8080, "/set/x"))).toMatchObject({
      status: 200,
      route: "HTTPRoute/infra/via-set",
      backend: "infra/set-svc:8080",
    });
    expect(routeRequest(router, req(8080, "/gw/x")).status).toBe(404);
  });

  test("the trace and the printed table agree, and the trace names the owner", () => {
    const trace = traceRequest(router, req(8080, "/set/x"));
    expect(trace.winner?.route).toBe("HTTPRoute/infra/via-set");
    expect(trace.listener).toEqual({
      gateway: "Gateway/infra/parent",
      owner: "ListenerSet/infra/extra",
      name: "web",
    });
    expect(traceRequest(router, req(80, "/gw/x")).listener).toEqual({
      gateway: "Gateway/infra/parent",
      name: "web",
    });
    const routesByListener = router.table.listeners.map((l) => [
      l.owner,
      l.port,
      l.virtualHosts.flatMap((v) => v.entries.map((e) => e.route)),
    ]);
    expect(routesByListener).toEqual([
      ["Gateway/infra/parent", 80, ["HTTPRoute/infra/via-gateway"]],
      ["ListenerSet/infra/extra", 8080, ["HTTPRoute/infra/via-set"]],
    ]);
  });
});

describe("collectCandidates keys listeners by (gateway, owner, name)", () => {
  test("attachments with an owner reach only that owner’s listener", () => {
    const gw = aGateway("ns", "gw", [
      { name: "web", port: 80, protocol: "HTTP" },
      { name: "web", port: 8080, protocol: "HTTP" },
    ]);
    const setKey = resourceKey("ListenerSet", "ns", "set");
    const second = gw.listeners[1];
    if (second === undefined) throw new Error("fixture");
    second.owner = setKey;
    const a = anHTTPRoute("ns", "a", { rules: [{ backends: [{ name: "a" }] }] });
    const b = anHTTPRoute("ns", "b", { rules: [{ backends: [{ name: "b" }] }] });
    const attachments = [
      {
        route: a.key,
        parentRefIndex: 0,
        gateway: gw.key,
        listener: "web",
        owner: gw.key,
        hostnames: ["*"],
      },
      {
        route: b.key,
        parentRefIndex: 0,
        gateway: gw.key,
        listener: "web",
        owner: setKey,
        hostnames: ["*"],
      },
    ];
    const table = compileRouteTable([gw], [a, b], attachments);
    expect(
      table.listeners.map((l) => [
        l.owner,
        l.port,
        l.virtualHosts.flatMap((v) => v.entries.map((e) => e.route)),
      ]),
    ).toEqual([
      [gw.key, 80, [a.key]],
      [setKey, 8080, [b.key]],
    ]);
  });
});
