import { describe, expect, test } from "vitest";
import type { GraphNode, ResourceKey, SemanticGraph } from "../../engine";
import { nodeSize } from "../../layout/nodeSize";
import type { GraphFlowNode, NamespaceFlowNode } from "./flowTypes";
import { frameHandles, graphNodeHandles } from "./nodeHandles";
import { LaneCache } from "./laneCache";
import { reuseUnchanged, toFlowElements } from "./toFlowElements";

const resourceKey = (kind: string, ns: string | undefined, name: string) =>
  `${kind}/${ns ?? ""}/${name}` as ResourceKey;
const GW = resourceKey("Gateway", "infra", "shared");
const ROUTE = resourceKey("HTTPRoute", "team-b", "shop");
const SVC = resourceKey("Service", "team-b", "shop-v1");
const GHOST = resourceKey("Service", "team-b", "gone");

const gateway: GraphNode = {
  id: GW,
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
  id: ROUTE,
  kind: "HTTPRoute",
  category: "route",
  name: "shop",
  namespace: "team-b",
  status: "error",
  reason: "NotAllowedByListeners",
  ghost: false,
  details: { category: "route", hostnames: ["shop.example.com"], ruleCount: 1, parents: [] },
};
const svc: GraphNode = {
  id: SVC,
  kind: "Service",
  category: "backend",
  name: "shop-v1",
  namespace: "team-b",
  status: "ok",
  ghost: false,
  details: { category: "backend", ports: [{ port: 8080 }] },
};
const ghost: GraphNode = { ...svc, id: GHOST, name: "gone", status: "missing", ghost: true };

const graph: SemanticGraph = {
  nodes: [gateway, route, svc, ghost],
  edges: [
    {
      id: `parent:${ROUTE}:0`,
      kind: "parent",
      source: ROUTE,
      target: GW,
      targetListener: "http",
      status: "error",
      reason: "NotAllowedByListeners",
      label: "NotAllowedByListeners",
      parentRefIndex: 0,
    },
    {
      id: `backend:${ROUTE}:0:0`,
      kind: "backend",
      source: ROUTE,
      target: SVC,
      status: "ok",
      ruleIndex: 0,
      backendRefIndex: 0,
      weight: 90,
      weightPercent: 90,
      label: "rule 0 · 90%",
    },
  ],
  namespaces: [
    {
      id: resourceKey("Namespace", undefined, "infra"),
      namespace: "infra",
      declared: true,
      members: [GW],
    },
    {
      id: resourceKey("Namespace", undefined, "team-b"),
      namespace: "team-b",
      declared: false,
      members: [ROUTE, SVC, GHOST],
    },
  ],
};

const base = {
  graph,
  positions: {},
  autoPositions: {},
  selected: undefined,
  stale: new Set<string>(),
};
const graphNodes = (nodes: ReturnType<typeof toFlowElements>["nodes"]) =>
  nodes.filter((n): n is GraphFlowNode => n.type === "graphNode");
const frames = (nodes: ReturnType<typeof toFlowElements>["nodes"]) =>
  nodes.filter((n): n is NamespaceFlowNode => n.type === "namespaceFrame");

describe("toFlowElements", () => {
  test("user positions win over the layout, and the layout over the fallback columns", () => {
    const { nodes } = toFlowElements({
      ...base,
      positions: { [ROUTE]: { x: 5, y: 6 } },
      autoPositions: { [ROUTE]: { x: 100, y: 100 }, [GW]: { x: 300, y: 40 } },
    });
    const byId = new Map(graphNodes(nodes).map((n) => [n.id, n]));
    expect(byId.get(ROUTE)?.position).toEqual({ x: 5, y: 6 });
    expect(byId.get(GW)?.position).toEqual({ x: 300, y: 40 });
    // Without any layout yet, nodes fall into one column per category, in traffic order.
    expect(byId.get(SVC)!.position.x).toBeGreaterThan(byId.get(ROUTE)!.position.x);
  });

  test("nodes are drawn at the size the layout packed them with, carrying selection and staleness", () => {
    const { nodes } = toFlowElements({ ...base, selected: ROUTE, stale: new Set([SVC]) });
    const r = graphNodes(nodes).find((n) => n.id === ROUTE)!;
    expect([r.width, r.height]).toEqual([nodeSize(route).width, nodeSize(route).height]);
    expect(r.selected).toBe(true);
    expect(r.data).toMatchObject({ selected: true, stale: false, node: route });
    expect(graphNodes(nodes).find((n) => n.id === SVC)?.data.stale).toBe(true);
    // Edges touching a stale node are drawn from the last good analysis too, and say so.
    const { edges } = toFlowElements({ ...base, stale: new Set([SVC]) });
    expect(edges.map((e) => e.data?.stale)).toEqual([false, true]);
    // A ghost is a reference, not a document: nothing to delete.
    expect(graphNodes(nodes).find((n) => n.id === GHOST)?.deletable).toBe(false);
  });

  test("every node carries its handles, so React Flow need not mount it to draw its edges", () => {
    const { nodes } = toFlowElements({ ...base, autoPositions: { [SVC]: { x: 800, y: 50 } } });
    const gw = graphNodes(nodes).find((n) => n.id === GW)!;
    expect(gw.handles).toEqual(graphNodeHandles(gateway, nodeSize(gateway)));
    expect(gw.handles?.map((h) => h.id)).toEqual(["in", "listener:http", "out"]);
    for (const f of frames(nodes))
      expect(f.handles).toEqual(frameHandles({ width: f.width!, height: f.height! }));
  });

  test("route → listener edges are drawn from the listener handle to the route, in traffic direction", () => {
    const { edges } = toFlowElements(base);
    expect(edges[0]).toMatchObject({
      source: GW,
      sourceHandle: "listener:http",
      target: ROUTE,
      targetHandle: "in",
      type: "status",
      deletable: true,
    });
    expect(edges[0]?.data).toMatchObject({ status: "error", label: "NotAllowedByListeners" });
    expect(edges[1]).toMatchObject({
      source: ROUTE,
      sourceHandle: "out",
      target: SVC,
      targetHandle: "in",
    });
    expect(edges[1]?.data?.label).toBe("rule 0 · 90%");
  });

  test("namespace frames enclose their members, come first (painted below), and cannot be dragged", () => {
    const { nodes } = toFlowElements({
      ...base,
      autoPositions: {
        [ROUTE]: { x: 400, y: 100 },
        [SVC]: { x: 800, y: 50 },
        [GHOST]: { x: 800, y: 300 },
        [GW]: { x: 0, y: 0 },
      },
    });
    const teamB = frames(nodes).find((f) => f.data.namespace === "team-b")!;
    expect(nodes[0]?.type).toBe("namespaceFrame");
    expect(teamB).toMatchObject({
      draggable: false,
      selectable: false,
      position: { x: 380, y: 10 },
    });
    const ghostBottom = 300 + nodeSize(ghost).height;
    expect(teamB.height).toBe(ghostBottom + 20 - 10);
    expect(teamB.width).toBe(800 + nodeSize(svc).width + 20 - 380);
  });
});

describe("reuseUnchanged", () => {
  test("selecting one node changes only that node (and the previously selected one)", () => {
    const first = toFlowElements({ ...base, selected: ROUTE });
    const second = toFlowElements({ ...base, selected: SVC });
    const kept = reuseUnchanged(first.nodes, second.nodes);
    const changed = kept.filter((n, i) => n !== first.nodes[i]).map((n) => n.id);
    expect(changed.sort()).toEqual([ROUTE, SVC].sort());
    expect(kept.find((n) => n.id === SVC)?.selected).toBe(true);
    // Nothing changed at all: the very same array comes back.
    expect(reuseUnchanged(first.edges, second.edges)).toBe(first.edges);
  });

  test("a node React Flow has measured stays the same object when its content did not change", () => {
    const first = toFlowElements({ ...base, selected: ROUTE });
    // What useNodeDrag's applyNodeChanges leaves after React Flow measured the nodes.
    const measured = first.nodes.map((n) => ({ ...n, measured: { width: 200, height: 80 } }));
    const again = toFlowElements({ ...base, selected: ROUTE });
    expect(reuseUnchanged(measured, again.nodes)).toBe(measured);
    const moved = toFlowElements({ ...base, selected: SVC });
    const kept = reuseUnchanged(measured, moved.nodes);
    expect(
      kept
        .filter((n, i) => n !== measured[i])
        .map((n) => n.id)
        .sort(),
    ).toEqual([ROUTE, SVC].sort());
  });

  test("a node whose handles moved is a new object (a listener added to a gateway)", () => {
    const first = toFlowElements(base);
    const more: GraphNode = {
      ...gateway,
      details: {
        category: "gateway",
        className: "envoy",
        listeners: [
          ...(gateway.details.category === "gateway" ? gateway.details.listeners : []),
          {
            name: "https",
            protocol: "HTTPS",
            port: 443,
            attachedRoutes: 0,
            ready: true,
            conflicted: false,
          },
        ],
      },
    };
    const second = toFlowElements({
      ...base,
      graph: { ...graph, nodes: graph.nodes.map((n) => (n.id === GW ? more : n)) },
    });
    // Everything else as before (the data and the size also changed; they are compared anyway):
    // only the handles differ here.
    const before = first.nodes.find((f) => f.id === GW)!;
    const sameData = second.nodes.map((n) =>
      n.id === GW ? { ...n, data: before.data, height: before.height } : n,
    ) as typeof second.nodes;
    const kept = reuseUnchanged(first.nodes, sameData);
    expect(kept.find((n) => n.id === GW)).not.toBe(first.nodes.find((n) => n.id === GW));
    expect(kept.find((n) => n.id === GW)?.handles?.map((h) => h.id)).toContain("listener:https");
  });
});

describe("an analysis that shares its unchanged parts (analysisReceiver)", () => {
  const laidOut = {
    ...base,
    autoPositions: {
      [GW]: { x: 0, y: 0 },
      [ROUTE]: { x: 400, y: 0 },
      [SVC]: { x: 800, y: 0 },
      [GHOST]: { x: 800, y: 300 },
    },
  };

  test("gives back the same objects for unchanged nodes and edges, and new ones for the rest", () => {
    const first = toFlowElements(laidOut);
    const fixedRoute: GraphNode = { ...route, status: "ok" };
    const [parentEdge, backendEdge] = graph.edges;
    const fixedParent = { ...parentEdge!, status: "ok" as const };
    const second = toFlowElements({
      ...laidOut,
      graph: {
        ...graph,
        nodes: graph.nodes.map((n) => (n === route ? fixedRoute : n)),
        edges: [fixedParent, backendEdge!],
      },
    });
    const before = new Map(first.nodes.map((n) => [n.id, n]));
    for (const n of graphNodes(second.nodes))
      if (n.id === ROUTE) expect(n).not.toBe(before.get(ROUTE));
      else expect(n).toBe(before.get(n.id));
    expect(graphNodes(second.nodes).find((n) => n.id === ROUTE)?.data.node.status).toBe("ok");
    expect(second.edges[0]).not.toBe(first.edges[0]);
    expect(second.edges[0]?.data?.status).toBe("ok");
    expect(second.edges[1]).toBe(first.edges[1]);
  });

  test("builds a node again when where or how it is drawn changes", () => {
    const first = graphNodes(toFlowElements(laidOut).nodes).find((n) => n.id === ROUTE)!;
    const moved = graphNodes(
      toFlowElements({ ...laidOut, positions: { [ROUTE]: { x: 400, y: 1 } } }).nodes,
    ).find((n) => n.id === ROUTE)!;
    expect(moved.position).toEqual({ x: 400, y: 1 });
    const stale = graphNodes(toFlowElements({ ...laidOut, stale: new Set([ROUTE]) }).nodes).find(
      (n) => n.id === ROUTE,
    )!;
    expect(stale.data.stale).toBe(true);
    const faded = graphNodes(toFlowElements({ ...laidOut, matches: new Set([GW]) }).nodes).find(
      (n) => n.id === ROUTE,
    )!;
    expect(faded.data.dimmed).toBe(true);
    const again = graphNodes(toFlowElements(laidOut).nodes).find((n) => n.id === ROUTE)!;
    expect(again.data.stale).toBe(false);
    expect(again.data.dimmed).toBeUndefined();
    expect(again.position).toEqual(first.position);
  });
});

describe("edges around unrelated nodes", () => {
  const A = resourceKey("HTTPRoute", "x", "a");
  const B = resourceKey("Service", "x", "b");
  const C = resourceKey("Service", "x", "c");
  const routeA: GraphNode = { ...route, id: A, name: "a", namespace: "x", status: "ok" };
  const svcB: GraphNode = { ...svc, id: B, name: "b", namespace: "x" };
  const svcC: GraphNode = { ...svc, id: C, name: "c", namespace: "x" };
  const edge = {
    id: "backend:a:0:0",
    kind: "backend" as const,
    source: A,
    target: C,
    status: "ok" as const,
    ruleIndex: 0,
    backendRefIndex: 0,
  };
  const g: SemanticGraph = { nodes: [routeA, svcB, svcC], edges: [edge], namespaces: [] };
  const flow = (bY: number) =>
    toFlowElements({
      ...base,
      graph: g,
      positions: { [A]: { x: 0, y: 0 }, [B]: { x: 400, y: bY }, [C]: { x: 800, y: 0 } },
    });

  test("an edge whose straight course crosses a node bends into a clear lane", () => {
    const { nodes, edges } = flow(0);
    const lane = edges[0]?.data?.lane ?? 0;
    expect(lane).not.toBe(0);
    // The bent curve's middle clears the node in the way.
    const b = graphNodes(nodes).find((n) => n.id === B)!;
    const mid = nodeSize(routeA).height / 2 + ((lane * 24) / 0.75) * 0.75;
    expect(mid < b.position.y - 6 || mid > b.position.y + (b.height ?? 0) + 6).toBe(true);
  });

  test("an edge with nothing in its way keeps its course", () => {
    expect(flow(600).edges[0]?.data?.lane).toBeUndefined();
  });
});

describe("edges across analyses that share node and edge objects", () => {
  const A = resourceKey("HTTPRoute", "x", "a");
  const B = resourceKey("Service", "x", "b");
  const C = resourceKey("Service", "x", "c");
  const D = resourceKey("Service", "x", "d");
  const routeA: GraphNode = { ...route, id: A, name: "a", namespace: "x", status: "ok" };
  const svcB: GraphNode = { ...svc, id: B, name: "b", namespace: "x" };
  const svcC: GraphNode = { ...svc, id: C, name: "c", namespace: "x" };
  const svcD: GraphNode = { ...svc, id: D, name: "d", namespace: "x" };
  const backend = (target: ResourceKey, index: number) => ({
    id: `backend:a:0:${index}`,
    kind: "backend" as const,
    source: A,
    target,
    status: "ok" as const,
    ruleIndex: 0,
    backendRefIndex: index,
  });
  // A → C runs straight through B; A → D runs far below everything.
  const g: SemanticGraph = {
    nodes: [routeA, svcB, svcC, svcD],
    edges: [backend(C, 0), backend(D, 1)],
    namespaces: [],
  };
  const at = (bY: number) => ({
    [A]: { x: 0, y: 0 },
    [B]: { x: 400, y: bY },
    [C]: { x: 800, y: 0 },
    [D]: { x: 800, y: 3000 },
  });

  /** A LaneCache that counts the lanes asked of it (each builds the edge's key and looks it up). */
  class CountingCache extends LaneCache {
    asked = 0;
    override laneAnswer(...args: Parameters<LaneCache["laneAnswer"]>) {
      this.asked++;
      return super.laneAnswer(...args);
    }
  }

  test("asks the lane cache only for edges whose ends or lane answer changed", () => {
    const laneCache = new CountingCache();
    const first = toFlowElements({ ...base, graph: g, autoPositions: at(0), laneCache });
    expect(laneCache.asked).toBe(2);
    expect(first.edges[0]?.data?.lane).not.toBeUndefined();

    // The next analysis: the same graph objects, the same positions (new objects, equal values).
    const again = toFlowElements({ ...base, graph: g, autoPositions: at(0), laneCache });
    expect(laneCache.asked).toBe(2);
    expect(again.edges[0]).toBe(first.edges[0]);
    expect(again.edges[1]).toBe(first.edges[1]);

    // B moves out of A → C's way: that answer is forgotten and asked again (now straight);
    // A → D, far from where B was and is, is still drawn from before.
    const moved = toFlowElements({ ...base, graph: g, autoPositions: at(-1500), laneCache });
    expect(laneCache.asked).toBe(3);
    expect(moved.edges[0]?.data?.lane).toBeUndefined();
    expect(moved.edges[1]).toBe(first.edges[1]);
    // As drawn with no cache at all.
    const fresh = toFlowElements({ ...base, graph: g, autoPositions: at(-1500) });
    expect(moved.edges.map((e) => e.data?.lane)).toEqual(fresh.edges.map((e) => e.data?.lane));

    // Back in the way: bent again, as a fresh drawing bends it.
    const back = toFlowElements({ ...base, graph: g, autoPositions: at(0), laneCache });
    expect(back.edges[0]?.data?.lane).toBe(first.edges[0]?.data?.lane);
  });

  test("a node whose object changed (its size) asks again for the edges at it", () => {
    const laneCache = new CountingCache();
    toFlowElements({ ...base, graph: g, autoPositions: at(0), laneCache });
    const taller: GraphNode = { ...svcD, status: "error" };
    const next: SemanticGraph = { ...g, nodes: [routeA, svcB, svcC, taller] };
    toFlowElements({ ...base, graph: next, autoPositions: at(0), laneCache });
    // Only A → D: its target is another node object (even though its box may be the same).
    expect(laneCache.asked).toBe(3);
  });
});

describe("namespace frames across analyses", () => {
  test("keeps a frame's object while its members' nodes are the same objects, and redraws it when one changes", () => {
    const first = frames(toFlowElements(base).nodes);
    const again = frames(toFlowElements(base).nodes);
    expect(again[0]).toBe(first[0]);
    expect(again[1]).toBe(first[1]);
    // The route (in team-b) moves: team-b's frame follows it, infra's stays the same object.
    const moved = frames(
      toFlowElements({ ...base, positions: { [ROUTE]: { x: 5000, y: 5000 } } }).nodes,
    );
    expect(moved[0]).toBe(first[0]);
    expect(moved[1]).not.toBe(first[1]);
    expect(moved[1]!.width).toBeGreaterThan(first[1]!.width!);
  });
});
