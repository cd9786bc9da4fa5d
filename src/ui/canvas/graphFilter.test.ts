import { describe, expect, test } from "vitest";
import { analyze } from "../../test-utils/engineRoundTrip";
import { filterChoices, isFilterActive, matchingNodes, neighbourhood } from "./graphFilter";

// Two Gateways; team-a's route goes to one, team-b's two routes share the other; one Service is missing.
const YAML = `# world: closed
apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: { name: eg }
spec: { controllerName: example.com/gc }
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: { name: a, namespace: infra }
spec:
  gatewayClassName: eg
  listeners: [{ name: http, port: 80, protocol: HTTP, allowedRoutes: { namespaces: { from: All } } }]
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: { name: b, namespace: infra }
spec:
  gatewayClassName: eg
  listeners: [{ name: http, port: 80, protocol: HTTP, allowedRoutes: { namespaces: { from: All } } }]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: { name: store, namespace: team-a }
spec:
  parentRefs: [{ name: a, namespace: infra }]
  rules: [{ backendRefs: [{ name: store-svc, port: 80 }] }]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: { name: shop, namespace: team-b }
spec:
  parentRefs: [{ name: b, namespace: infra }]
  rules: [{ backendRefs: [{ name: shop-v1, port: 80 }] }]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: { name: blog, namespace: team-b }
spec:
  parentRefs: [{ name: b, namespace: infra }]
  rules: [{ backendRefs: [{ name: blog-svc, port: 80 }] }]
---
apiVersion: v1
kind: Service
metadata: { name: store-svc, namespace: team-a }
spec: { ports: [{ port: 80 }] }
---
apiVersion: v1
kind: Service
metadata: { name: shop-v1, namespace: team-b }
spec: { ports: [{ port: 80 }] }
`;

const graph = analyze([{ name: "w.yaml", text: YAML }], { world: "closed" }).graph;
const ids = (s: Set<string>) => [...s].sort();

describe("matchingNodes", () => {
  test("an empty filter keeps every node and is not active", () => {
    expect(isFilterActive({ text: "  " })).toBe(false);
    expect(matchingNodes(graph, { text: "" }).size).toBe(graph.nodes.length);
  });

  test("free text matches name, kind and namespace; every word must match", () => {
    expect(ids(matchingNodes(graph, { text: "shop" }))).toEqual([
      "HTTPRoute/team-b/shop",
      "Service/team-b/shop-v1",
    ]);
    expect(ids(matchingNodes(graph, { text: "httproute TEAM-B" }))).toEqual([
      "HTTPRoute/team-b/blog",
      "HTTPRoute/team-b/shop",
    ]);
    expect(ids(matchingNodes(graph, { text: "team-a/store" }))).toEqual([
      "HTTPRoute/team-a/store",
      "Service/team-a/store-svc",
    ]);
    expect(ids(matchingNodes(graph, { text: "store", kind: "HTTPRoute" }))).toEqual([
      "HTTPRoute/team-a/store",
    ]);
  });

  test("kind, namespace and status filters combine", () => {
    expect(ids(matchingNodes(graph, { text: "", kind: "Gateway" }))).toEqual([
      "Gateway/infra/a",
      "Gateway/infra/b",
    ]);
    expect(ids(matchingNodes(graph, { text: "", kind: "Service", namespace: "team-b" }))).toEqual([
      "Service/team-b/blog-svc",
      "Service/team-b/shop-v1",
    ]);
    // The missing Service is a ghost with status "missing"; the status words on the card match too.
    expect(ids(matchingNodes(graph, { text: "", status: "missing" }))).toEqual([
      "Service/team-b/blog-svc",
    ]);
    expect(ids(matchingNodes(graph, { text: "not in input" }))).toEqual([
      "Service/team-b/blog-svc",
    ]);
  });

  test("the choices offered are the values present", () => {
    const c = filterChoices(graph);
    expect(c.kinds).toEqual(["Gateway", "GatewayClass", "HTTPRoute", "Service"]);
    expect(c.namespaces).toEqual(["infra", "team-a", "team-b"]);
    expect(c.statuses).toContain("missing");
  });
});

describe("neighbourhood", () => {
  test("a route: its Gateway and class upstream, its backend downstream, no sibling routes", () => {
    expect(ids(neighbourhood(graph, "HTTPRoute/team-b/shop"))).toEqual([
      "Gateway/infra/b",
      "GatewayClass//eg",
      "HTTPRoute/team-b/shop",
      "Service/team-b/shop-v1",
    ]);
  });

  test("a Gateway: its class, every route attached to it and their backends; not the other Gateway", () => {
    expect(ids(neighbourhood(graph, "Gateway/infra/b"))).toEqual([
      "Gateway/infra/b",
      "GatewayClass//eg",
      "HTTPRoute/team-b/blog",
      "HTTPRoute/team-b/shop",
      "Service/team-b/blog-svc",
      "Service/team-b/shop-v1",
    ]);
  });

  test("a Service: the routes that send to it and the Gateways in front of them", () => {
    expect(ids(neighbourhood(graph, "Service/team-a/store-svc"))).toEqual([
      "Gateway/infra/a",
      "GatewayClass//eg",
      "HTTPRoute/team-a/store",
      "Service/team-a/store-svc",
    ]);
  });

  test("an unknown id is its own neighbourhood only if present", () => {
    expect(neighbourhood(graph, "Service/x/none").size).toBe(0);
  });
});
