import { describe, expect, test } from "vitest";
import type { GraphEdge, GraphNode, ResourceKey, SemanticGraph } from "../../engine";
import { connectionToIntent, edgeDeleteIntent, referrersOf } from "./canvasIntents";
import { intentsToEditOps } from "./intentToEditOps";

const key = (s: string) => s as ResourceKey;
const gateway: GraphNode = {
  id: key("Gateway/infra/shared"),
  kind: "Gateway",
  category: "gateway",
  name: "shared",
  namespace: "infra",
  status: "ok",
  ghost: false,
  details: {
    category: "gateway",
    className: "envoy",
    listeners: [
      {
        name: "http",
        protocol: "HTTP",
        port: 80,
        attachedRoutes: 0,
        ready: true,
        conflicted: false,
      },
    ],
  },
};
const route: GraphNode = {
  id: key("HTTPRoute/team-b/shop"),
  kind: "HTTPRoute",
  category: "route",
  name: "shop",
  namespace: "team-b",
  status: "ok",
  ghost: false,
  details: { category: "route", hostnames: [], ruleCount: 2, parents: [] },
};
const localSvc: GraphNode = {
  id: key("Service/team-b/shop-v3"),
  kind: "Service",
  category: "backend",
  name: "shop-v3",
  namespace: "team-b",
  status: "ok",
  ghost: false,
  details: { category: "backend", ports: [{ name: "http", port: 8080 }, { port: 9090 }] },
};
const remoteSvc: GraphNode = {
  ...localSvc,
  id: key("Service/team-a/web"),
  name: "web",
  namespace: "team-a",
  details: { category: "backend", ports: [] },
};
const backendEdge: GraphEdge = {
  id: "b",
  kind: "backend",
  source: route.id,
  target: localSvc.id,
  status: "ok",
  ruleIndex: 1,
  backendRefIndex: 0,
};
const graph: SemanticGraph = {
  nodes: [gateway, route, localSvc, remoteSvc],
  edges: [
    backendEdge,
    {
      id: "p",
      kind: "parent",
      source: route.id,
      target: gateway.id,
      status: "ok",
      parentRefIndex: 0,
      targetListener: "http",
    },
  ],
  namespaces: [],
};

describe("connectionToIntent → EditOps", () => {
  test("a listener handle dragged onto a route adds a parentRef with that sectionName, namespace only when it differs", () => {
    const r = connectionToIntent(graph, {
      source: gateway.id,
      sourceHandle: "listener:http",
      target: route.id,
      targetHandle: "in",
    });
    expect(r.ok && intentsToEditOps([r.intent])).toEqual([
      {
        op: "addParentRef",
        target: { kind: "HTTPRoute", namespace: "team-b", name: "shop" },
        parentRef: { name: "shared", namespace: "infra", sectionName: "http" },
      },
    ]);
  });

  test("a route dragged onto a Service adds a backendRef to its last rule with the first port", () => {
    const r = connectionToIntent(graph, {
      source: route.id,
      sourceHandle: "out",
      target: localSvc.id,
      targetHandle: "in",
    });
    expect(r.ok && intentsToEditOps([r.intent])).toEqual([
      {
        op: "addBackendRef",
        target: { kind: "HTTPRoute", namespace: "team-b", name: "shop" },
        ruleIndex: 1,
        backendRef: { name: "shop-v3", port: 8080 },
      },
    ]);
    // Dragged the other way round, from the Service to the route, it means the same.
    const back = connectionToIntent(graph, {
      source: remoteSvc.id,
      sourceHandle: "out",
      target: route.id,
      targetHandle: "in",
    });
    expect(back.ok && intentsToEditOps([back.intent])).toEqual([
      {
        op: "addBackendRef",
        target: { kind: "HTTPRoute", namespace: "team-b", name: "shop" },
        ruleIndex: 1,
        backendRef: { name: "web", namespace: "team-a" },
      },
    ]);
  });

  test("connections that mean nothing are refused with a reason", () => {
    expect(connectionToIntent(graph, { source: gateway.id, target: localSvc.id })).toEqual({
      ok: false,
      why: "Connect a route to a listener or to a Service.",
    });
    expect(connectionToIntent(graph, { source: route.id, target: route.id })).toMatchObject({
      ok: false,
    });
  });

  test("deleting edges removes their references, highest index first so indexes stay valid", () => {
    const intents = [
      edgeDeleteIntent({ ...backendEdge, backendRefIndex: 0 })!,
      edgeDeleteIntent({ ...backendEdge, backendRefIndex: 2 })!,
      { type: "removeObject" as const, key: localSvc.id },
      edgeDeleteIntent(graph.edges[1]!)!,
    ];
    expect(
      intentsToEditOps(intents).map((op) => [
        op.op,
        "backendIndex" in op ? op.backendIndex : "index" in op ? op.index : undefined,
      ]),
    ).toEqual([
      ["removeBackendRef", 2],
      ["removeBackendRef", 0],
      ["removeParentRef", 0],
      ["removeObject", undefined],
    ]);
    expect(
      edgeDeleteIntent({
        id: "c",
        kind: "class",
        source: gateway.id,
        target: gateway.id,
        status: "ok",
      }),
    ).toBeUndefined();
  });

  test("referrers of a Service are the routes pointing at it", () => {
    expect(referrersOf(graph, localSvc.id).map((n) => n.id)).toEqual([route.id]);
    expect(referrersOf(graph, remoteSvc.id)).toEqual([]);
  });
});
