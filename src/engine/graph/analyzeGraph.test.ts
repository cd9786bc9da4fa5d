import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { analyze } from "../analyze";
import type { GraphEdge, SemanticGraph } from "./types";

// The whole pipeline on YAML: the graph shows exactly what status/ and routing decided.
const example = (name: string) =>
  readFileSync(new URL(`../../../fixtures/examples/${name}.yaml`, import.meta.url), "utf8");
const graphOf = (text: string): SemanticGraph => analyze([{ name: "in.yaml", text }]).graph;
const edge = (g: SemanticGraph, id: string): GraphEdge | undefined =>
  g.edges.find((e) => e.id === id);

describe("the semantic graph of analyzed YAML", () => {
  test("shared-gateway-two-teams: every route on both listeners, weights as shares of their rule", () => {
    const g = graphOf(example("shared-gateway-two-teams"));
    expect(
      g.nodes
        .filter((n) => !n.ghost && n.category !== "other")
        .map((n) => n.id)
        .sort(),
    ).toEqual([
      "Gateway/infra/shared",
      "GatewayClass//envoy",
      "HTTPRoute/team-a/store",
      "HTTPRoute/team-b/shop",
      "Service/team-a/store-api",
      "Service/team-a/store-static",
      "Service/team-a/store-web",
      "Service/team-b/shop-v1",
      "Service/team-b/shop-v2",
    ]);
    expect(g.nodes.every((n) => n.status === "ok")).toBe(true);
    const parents = g.edges
      .filter((e) => e.kind === "parent")
      .map((e) => [e.id, e.status, e.targetListener]);
    expect(parents).toEqual([
      ["parent:HTTPRoute/team-a/store:0:http", "ok", "http"],
      ["parent:HTTPRoute/team-a/store:0:https", "ok", "https"],
      ["parent:HTTPRoute/team-b/shop:0:http", "ok", "http"],
      ["parent:HTTPRoute/team-b/shop:0:https", "ok", "https"],
    ]);
    expect(
      g.edges
        .filter((e) => e.source === "HTTPRoute/team-b/shop" && e.kind === "backend")
        .map((e) => [e.target, e.weightPercent]),
    ).toEqual([
      ["Service/team-b/shop-v2", 100],
      ["Service/team-b/shop-v1", 90],
      ["Service/team-b/shop-v2", 10],
    ]);
    const gw = g.nodes.find((n) => n.id === "Gateway/infra/shared");
    expect(
      gw?.details.category === "gateway" &&
        gw.details.listeners.map((l) => [l.name, l.attachedRoutes, l.ready]),
    ).toEqual([
      ["http", 2, true],
      ["https", 2, true],
    ]);
    expect(g.nodes.find((n) => n.category === "other")?.details).toMatchObject({
      items: [{ kind: "Secret", name: "wildcard-example-com" }],
    });
  });

  test("from: Same on the listeners: the routes in other namespaces get one red edge with the reason", () => {
    const g = graphOf(
      example("shared-gateway-two-teams").replaceAll("from: Selector", "from: Same"),
    );
    expect(edge(g, "parent:HTTPRoute/team-b/shop:0")).toMatchObject({
      source: "HTTPRoute/team-b/shop",
      target: "Gateway/infra/shared",
      status: "error",
      reason: "NotAllowedByListeners",
    });
    expect(edge(g, "parent:HTTPRoute/team-b/shop:0:http")).toBeUndefined();
    expect(g.nodes.find((n) => n.id === "HTTPRoute/team-b/shop")).toMatchObject({
      status: "error",
      reason: "NotAllowedByListeners",
    });
  });

  test("a sectionName that names a listener puts the rejected edge on that listener", () => {
    const text = example("shared-gateway-two-teams")
      .replaceAll("from: Selector", "from: Same")
      .replace(
        "    - name: shared\n      namespace: infra\n  hostnames:\n    - shop.example.com",
        "    - name: shared\n      namespace: infra\n      sectionName: https\n  hostnames:\n    - shop.example.com",
      );
    expect(edge(graphOf(text), "parent:HTTPRoute/team-b/shop:0")).toMatchObject({
      targetListener: "https",
      status: "error",
    });
  });

  test("cross-namespace backend: permitted by the grant, and a missing Service becomes a ghost", () => {
    const text = example("cross-namespace-backend-with-referencegrant");
    const g = graphOf(text);
    expect(edge(g, "backend:HTTPRoute/frontend/app:0:0")).toMatchObject({
      target: "Service/backend/api",
      status: "ok",
    });
    expect(g.edges.find((e) => e.kind === "grant")).toMatchObject({
      source: "ReferenceGrant/backend/allow-frontend-routes",
      target: "Namespace//frontend",
    });

    const withoutGrant = graphOf(text.replace("kind: ReferenceGrant", "kind: NotAGrant"));
    expect(edge(withoutGrant, "backend:HTTPRoute/frontend/app:0:0")).toMatchObject({
      status: "error",
      reason: "RefNotPermitted",
    });

    const missing = graphOf(
      text.replace("  name: api\n  namespace: backend", "  name: api-gone\n  namespace: backend"),
    );
    expect(edge(missing, "backend:HTTPRoute/frontend/app:0:0")).toMatchObject({
      status: "error",
      reason: "BackendNotFound",
      target: "Service/backend/api",
    });
    expect(missing.nodes.find((n) => n.id === "Service/backend/api")).toMatchObject({
      ghost: true,
      status: "missing",
    });
  });

  test("a GAMMA route gets a parent edge to its Service, not to a listener", () => {
    const text = [
      "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  namespace: app\nspec:\n  ports:\n    - name: http\n      port: 80",
      "apiVersion: v1\nkind: Service\nmetadata:\n  name: web-v2\n  namespace: app\nspec:\n  ports:\n    - port: 80",
      'apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata:\n  name: mesh\n  namespace: app\nspec:\n  parentRefs:\n    - group: ""\n      kind: Service\n      name: web\n      port: 80\n  rules:\n    - backendRefs:\n        - name: web-v2\n          port: 80',
    ].join("\n---\n");
    const g = graphOf(text);
    expect(edge(g, "parent:HTTPRoute/app/mesh:0")).toMatchObject({
      kind: "parent",
      target: "Service/app/web",
      status: "ok",
    });
    expect(edge(g, "parent:HTTPRoute/app/mesh:0")?.targetListener).toBeUndefined();
    expect(edge(g, "backend:HTTPRoute/app/mesh:0:0")).toMatchObject({
      target: "Service/app/web-v2",
      status: "ok",
      weightPercent: 100,
    });
  });

  test("a ListenerSet is its own node with its listeners; routes attach to its listener rows", () => {
    const text = [
      "apiVersion: gateway.networking.k8s.io/v1\nkind: GatewayClass\nmetadata:\n  name: gc\nspec:\n  controllerName: gwsim.dev/controller",
      "apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata:\n  name: gw\n  namespace: infra\nspec:\n  gatewayClassName: gc\n  allowedListeners:\n    namespaces:\n      from: Same\n  listeners:\n    - name: http\n      protocol: HTTP\n      port: 80",
      "apiVersion: gateway.networking.k8s.io/v1\nkind: ListenerSet\nmetadata:\n  name: extra\n  namespace: infra\nspec:\n  parentRef:\n    name: gw\n  listeners:\n    - name: extra-http\n      protocol: HTTP\n      port: 8080",
      "apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata:\n  name: r\n  namespace: infra\nspec:\n  parentRefs:\n    - group: gateway.networking.k8s.io\n      kind: ListenerSet\n      name: extra\n  rules:\n    - backendRefs:\n        - name: svc\n          port: 80",
    ].join("\n---\n");
    const g = graphOf(text);
    const ls = g.nodes.find((n) => n.id === "ListenerSet/infra/extra");
    expect(ls?.details).toMatchObject({
      category: "listenerSet",
      gateway: "Gateway/infra/gw",
      listeners: [{ name: "extra-http", port: 8080, ready: true }],
    });
    const gw = g.nodes.find((n) => n.id === "Gateway/infra/gw");
    expect(gw?.details.category === "gateway" && gw.details.listeners.map((l) => l.name)).toEqual([
      "http",
    ]);
    expect(edge(g, "listenerset:ListenerSet/infra/extra")).toMatchObject({
      source: "ListenerSet/infra/extra",
      target: "Gateway/infra/gw",
    });
    expect(edge(g, "parent:HTTPRoute/infra/r:0:extra-http")).toMatchObject({
      target: "ListenerSet/infra/extra",
      targetListener: "extra-http",
      status: "ok",
    });
  });
});

describe("assumed objects in the graph", () => {
  test("gitops-slice: the class and the Services are assumed ghosts, ok, with their edges drawn; closed draws them missing", () => {
    const text = example("gitops-slice");
    const g = graphOf(text);
    const assumed = g.nodes.filter((n) => n.assumed === true).map((n) => [n.id, n.status, n.ghost]);
    expect(assumed).toEqual([
      ["GatewayClass//platform", "ok", true],
      ["Service/shop/api", "ok", true],
      ["Service/shop/storefront-v1", "ok", true],
      ["Service/shop/storefront-v2", "ok", true],
    ]);
    expect(g.edges.filter((e) => e.kind === "backend").map((e) => [e.target, e.status])).toEqual([
      ["Service/shop/api", "ok"],
      ["Service/shop/storefront-v1", "ok"],
      ["Service/shop/storefront-v2", "ok"],
    ]);
    const closed = analyze([{ name: "in.yaml", text }], { world: "closed" }).graph;
    expect(closed.nodes.filter((n) => n.assumed === true)).toEqual([]);
    expect(closed.nodes.find((n) => n.id === "Service/shop/api")?.status).toBe("missing");
  });

  test("a parent Gateway not in the workspace: an assumed node with status unknown and an unknown edge", () => {
    const g = graphOf(`apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: r, namespace: app}
spec: {parentRefs: [{name: edge, namespace: edge-system}]}
`);
    expect(g.nodes.find((n) => n.id === "Gateway/edge-system/edge")).toMatchObject({
      assumed: true,
      status: "unknown",
      reason: "Assumed",
    });
    expect(edge(g, "parent:HTTPRoute/app/r:0")).toMatchObject({
      status: "unknown",
      label: "status unknown",
    });
  });

  test("a route whose only parent is assumed is not rejected: status unknown, as its edge and Problems say; beside an accepted parent it is ok; the closed world still rejects it", () => {
    const route = (parents: string) => `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: r, namespace: app}
spec: {parentRefs: [${parents}]}
`;
    const lone = graphOf(route("{name: edge, namespace: edge-system}"));
    const r = lone.nodes.find((n) => n.id === "HTTPRoute/app/r");
    expect(r?.status).toBe("unknown");
    expect(r?.reason).toBeUndefined();
    expect(r?.message).toMatch(/^unknown: Gateway edge-system\/edge is not in the workspace/);
    const withAccepted = graphOf(
      `${example("shared-gateway-two-teams")}\n---\n${route("{name: shared, namespace: infra}, {name: edge, namespace: edge-system}").replace("namespace: app", "namespace: team-a")}`,
    );
    expect(withAccepted.nodes.find((n) => n.id === "HTTPRoute/team-a/r")?.status).toBe("ok");
    const closed = analyze(
      [{ name: "in.yaml", text: route("{name: edge, namespace: edge-system}") }],
      {
        world: "closed",
      },
    ).graph;
    expect(closed.nodes.find((n) => n.id === "HTTPRoute/app/r")?.status).toBe("error");
  });
});
