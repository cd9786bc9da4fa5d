import { describe, expect, test } from "vitest";
import { resourceKey } from "../engine";
import type { GraphEdge, GraphNode, GraphNodeCategory, SemanticGraph } from "../engine";
import { layeredLayout, type Positions } from "./layeredLayout";
import { layoutQuality } from "./layoutQuality";
import { nodeSize } from "./nodeSize";

function node(
  kind: string,
  category: GraphNodeCategory,
  ns: string | undefined,
  name: string,
): GraphNode {
  const details: GraphNode["details"] =
    category === "gateway"
      ? {
          category,
          className: "envoy",
          listeners: [
            {
              name: "http",
              protocol: "HTTP",
              port: 80,
              attachedRoutes: 2,
              ready: true,
              conflicted: false,
            },
            {
              name: "https",
              protocol: "HTTPS",
              port: 443,
              attachedRoutes: 0,
              ready: true,
              conflicted: false,
            },
          ],
        }
      : category === "route"
        ? { category, hostnames: ["a.example.com"], ruleCount: 1, parents: [] }
        : category === "class"
          ? { category }
          : { category: "backend", ports: [{ port: 80 }] };
  return {
    id: resourceKey(kind, ns, name),
    kind,
    category,
    name,
    ...(ns ? { namespace: ns } : {}),
    status: "ok",
    ghost: false,
    details,
  };
}
const edge = (kind: GraphEdge["kind"], source: GraphNode, target: GraphNode): GraphEdge => ({
  id: `${kind}:${source.id}:${target.id}`,
  kind,
  source: source.id,
  target: target.id,
  status: "ok",
});
const nsGroup = (ns: string, members: GraphNode[]): SemanticGraph["namespaces"][number] => ({
  id: resourceKey("Namespace", undefined, ns),
  namespace: ns,
  declared: true,
  members: members.map((m) => m.id),
});

// Deliberately listed in reverse traffic order, so input order cannot explain the result.
const cls = node("GatewayClass", "class", undefined, "envoy");
const gw = node("Gateway", "gateway", "infra", "shared");
const store = node("HTTPRoute", "route", "team-a", "store");
const shop = node("HTTPRoute", "route", "team-b", "shop");
const api = node("Service", "backend", "team-a", "store-api");
const web = node("Service", "backend", "team-a", "store-web");
const v1 = node("Service", "backend", "team-b", "shop-v1");
const v2 = node("Service", "backend", "team-b", "shop-v2");
const graph: SemanticGraph = {
  nodes: [v2, v1, web, api, shop, store, gw, cls],
  edges: [
    edge("backend", shop, v1),
    edge("backend", shop, v2),
    edge("backend", store, api),
    edge("backend", store, web),
    { ...edge("parent", shop, gw), targetListener: "http" },
    { ...edge("parent", store, gw), targetListener: "http" },
    edge("class", cls, gw),
  ],
  namespaces: [
    nsGroup("infra", [gw]),
    nsGroup("team-a", [store, api, web]),
    nsGroup("team-b", [shop, v1, v2]),
  ],
};

/**
 * A platform: one class, three gateways in infra, `teams` namespaces of routes and their Services.
 * Team t's routes attach to gateway t % 3 (so name order interleaves gateways); `mixed` spreads
 * each team over gateways and listeners instead (crossings are then unavoidable).
 */
function platform(
  teams: number,
  routesPerTeam: number,
  { mixed = true, prefix = "team" } = {},
): SemanticGraph {
  const c = node("GatewayClass", "class", undefined, "bench");
  const gateways = [0, 1, 2].map((g) => node("Gateway", "gateway", "infra", `gw-${g}`));
  const nodes: GraphNode[] = [c, ...gateways];
  const edges: GraphEdge[] = gateways.map((g) => edge("class", c, g));
  const namespaces: SemanticGraph["namespaces"] = [nsGroup("infra", gateways)];
  for (let t = 0; t < teams; t++) {
    const members: GraphNode[] = [];
    for (let r = 0; r < routesPerTeam; r++) {
      const route = node("HTTPRoute", "route", `${prefix}-${t}`, `route-${r}`);
      const svc = node("Service", "backend", `${prefix}-${t}`, `svc-${r}`);
      members.push(route, svc);
      const parent = mixed
        ? { gateway: gateways[(t + r) % 3]!, listener: r % 2 === 0 ? "http" : "https" }
        : { gateway: gateways[t % 3]!, listener: "http" };
      edges.push(
        { ...edge("parent", route, parent.gateway), targetListener: parent.listener },
        edge("backend", route, svc),
      );
    }
    for (const m of members) nodes.push(m);
    namespaces.push(nsGroup(`${prefix}-${t}`, members));
  }
  return { nodes, edges, namespaces };
}

function expectNoOverlaps(g: SemanticGraph, p: Positions): void {
  const q = layoutQuality(g, p);
  expect(q.nodeOverlaps).toBe(0);
}

describe("layeredLayout", () => {
  test("places classes, gateways, routes and backends in columns, left to right", () => {
    const p = layeredLayout(graph);
    const x = (n: GraphNode) => p[n.id]?.x ?? Number.NaN;
    expect(x(cls)).toBeLessThan(x(gw));
    for (const r of [store, shop]) expect(x(gw) + nodeSize(gw).width).toBeLessThan(x(r));
    for (const [r, s] of [
      [store, api],
      [store, web],
      [shop, v1],
      [shop, v2],
    ] as const)
      expect(x(r) + nodeSize(r).width).toBeLessThan(x(s));
    // One column per category: every route shares one x, every backend another.
    expect(x(store)).toBe(x(shop));
    expect(new Set([api, web, v1, v2].map(x)).size).toBe(1);
  });

  test("gives every node a position; no two nodes overlap and no two namespace frames overlap", () => {
    const p = layeredLayout(graph);
    expect(Object.keys(p).sort()).toEqual(graph.nodes.map((n) => n.id).sort());
    const q = layoutQuality(graph, p);
    expect(q.nodeOverlaps).toBe(0);
    expect(q.frameOverlaps).toBe(0);
  });

  test("keeps a namespace together: its members lie in a band no other team enters", () => {
    const p = layeredLayout(graph);
    const band = (nodes: GraphNode[]) => ({
      top: Math.min(...nodes.map((n) => p[n.id]!.y)),
      bottom: Math.max(...nodes.map((n) => p[n.id]!.y + nodeSize(n).height)),
    });
    const a = band([store, api, web]);
    const b = band([shop, v1, v2]);
    expect(a.bottom < b.top || b.bottom < a.top).toBe(true);
  });

  test("a gateway-only namespace sits beside the teams instead of above them", () => {
    const p = layeredLayout(graph);
    // The infra frame spans only the gateway column, so the first team starts at the same height.
    expect(Math.min(p[store.id]!.y, p[shop.id]!.y)).toBeLessThanOrEqual(
      p[gw.id]!.y + nodeSize(gw).height,
    );
  });

  test("a namespace's other objects sit below its members in its rightmost column, not in a far column", () => {
    const secret: GraphNode = {
      id: resourceKey("Other", "infra", "objects"),
      kind: "Other",
      category: "other",
      name: "1 other object",
      namespace: "infra",
      status: "ok",
      ghost: false,
      details: {
        category: "other",
        items: [{ key: resourceKey("Secret", "infra", "tls"), kind: "Secret", name: "tls" }],
      },
    };
    const g: SemanticGraph = {
      nodes: [...graph.nodes, secret],
      edges: graph.edges,
      namespaces: graph.namespaces.map((n) =>
        n.namespace === "infra" ? { ...n, members: [...n.members, secret.id] } : n,
      ),
    };
    const p = layeredLayout(g);
    expect(p[secret.id]!.x).toBe(p[gw.id]!.x);
    expect(p[secret.id]!.y).toBeGreaterThanOrEqual(p[gw.id]!.y + nodeSize(gw).height);
    expect(layoutQuality(g, p).frameOverlaps).toBe(0);
  });

  test("a backend sits level with its only route", () => {
    const g: SemanticGraph = {
      nodes: [gw, store, api],
      edges: [
        { ...edge("parent", store, gw), targetListener: "https" },
        edge("backend", store, api),
      ],
      namespaces: [nsGroup("team-a", [store, api])],
    };
    const p = layeredLayout(g);
    const centre = (n: GraphNode) => p[n.id]!.y + nodeSize(n).height / 2;
    expect(Math.abs(centre(store) - centre(api))).toBeLessThanOrEqual(1);
  });

  test("routes line up in the order of the listener rows they attach to", () => {
    const attach = (first: GraphNode, second: GraphNode) => {
      const p = layeredLayout({
        nodes: [gw, store, shop],
        edges: [
          { ...edge("parent", first, gw), targetListener: "https" },
          { ...edge("parent", second, gw), targetListener: "http" },
        ],
        namespaces: [],
      });
      return p[second.id]!.y < p[first.id]!.y;
    };
    // Whichever route is listed (or named) first, the one on "http" (the first row) sits above.
    expect(attach(store, shop)).toBe(true);
    expect(attach(shop, store)).toBe(true);
  });

  test("is deterministic: the same graph in any input order lays out identically", () => {
    const g = platform(6, 4);
    const reversed: SemanticGraph = {
      nodes: [...g.nodes].reverse(),
      edges: [...g.edges].reverse(),
      namespaces: [...g.namespaces].reverse(),
    };
    expect(layeredLayout(reversed)).toEqual(layeredLayout(g));
  });

  test("a large platform: no overlapping nodes or frames, columns in traffic order", () => {
    const g = platform(60, 6);
    expect(g.nodes.length).toBeGreaterThan(700);
    const p = layeredLayout(g);
    const q = layoutQuality(g, p);
    expect(q.nodeOverlaps).toBe(0);
    expect(q.frameOverlaps).toBe(0);
    const xs = (c: GraphNodeCategory) =>
      g.nodes.filter((n) => n.category === c).map((n) => p[n.id]!.x);
    expect(Math.max(...xs("class"))).toBeLessThan(Math.min(...xs("gateway")));
    expect(Math.max(...xs("gateway"))).toBeLessThan(Math.min(...xs("route")));
    expect(Math.max(...xs("route"))).toBeLessThan(Math.min(...xs("backend")));
  });

  test("orders teams by the gateway they attach to, so a graph that can be drawn without crossings is", () => {
    // By name the teams alternate gateways 0, 1, 2, 0, …: that order would cross edges everywhere.
    const g = platform(12, 3, { mixed: false });
    expect(layoutQuality(g, layeredLayout(g)).crossings).toBe(0);
  });

  test("an empty graph lays out to no positions", () => {
    expect(layeredLayout({ nodes: [], edges: [], namespaces: [] })).toEqual({});
  });
});

describe("layeredLayout across edits", () => {
  test("a node that exists in both revisions keeps its position; a new one overlaps nothing", () => {
    const before = platform(5, 3);
    const p1 = layeredLayout(before);
    const route = node("HTTPRoute", "route", "team-2", "added");
    const svc = node("Service", "backend", "team-2", "added-svc");
    const after: SemanticGraph = {
      nodes: [route, svc, ...before.nodes],
      edges: [
        ...before.edges,
        { ...edge("parent", route, before.nodes[1]!), targetListener: "http" },
        edge("backend", route, svc),
      ],
      namespaces: before.namespaces.map((g) =>
        g.namespace === "team-2" ? { ...g, members: [...g.members, route.id, svc.id] } : g,
      ),
    };
    const p2 = layeredLayout(after, p1);
    for (const n of before.nodes) expect(p2[n.id], n.id).toEqual(p1[n.id]);
    expect(p2[route.id]).toBeDefined();
    expect(p2[svc.id]).toBeDefined();
    expectNoOverlaps(after, p2);
    // The new objects join their columns.
    expect(p2[route.id]!.x).toBe(p1[before.nodes.find((n) => n.category === "route")!.id]!.x);
    expect(p2[svc.id]!.x).toBe(p1[before.nodes.find((n) => n.category === "backend")!.id]!.x);
  });

  test("removing a node moves no other node", () => {
    const before = platform(4, 3);
    const p1 = layeredLayout(before);
    const gone = before.nodes[5]!;
    const after: SemanticGraph = {
      nodes: before.nodes.filter((n) => n !== gone),
      edges: before.edges.filter((e) => e.source !== gone.id && e.target !== gone.id),
      namespaces: before.namespaces.map((g) => ({
        ...g,
        members: g.members.filter((m) => m !== gone.id),
      })),
    };
    const p2 = layeredLayout(after, p1);
    for (const n of after.nodes) expect(p2[n.id]).toEqual(p1[n.id]);
  });

  test("a replaced workspace (few nodes in common) is laid out afresh", () => {
    const before = platform(4, 3);
    const p1 = layeredLayout(before);
    // Only the class survives, moved somewhere odd: the new picture must not inherit that.
    const moved = { ...p1, [before.nodes[0]!.id]: { x: 5000, y: 5000 } };
    const other = platform(9, 2, { prefix: "squad" });
    expect(layeredLayout(other, moved)).toEqual(layeredLayout(other));
  });
});

describe("layoutQuality", () => {
  test("counts a crossing of two edges, not edges that share a node", () => {
    const a = node("HTTPRoute", "route", "ns", "a");
    const b = node("HTTPRoute", "route", "ns", "b");
    const s1 = node("Service", "backend", "ns", "s1");
    const s2 = node("Service", "backend", "ns", "s2");
    const g: SemanticGraph = {
      nodes: [a, b, s1, s2],
      edges: [edge("backend", a, s2), edge("backend", b, s1)],
      namespaces: [],
    };
    const straight = {
      [a.id]: { x: 0, y: 0 },
      [b.id]: { x: 0, y: 200 },
      [s1.id]: { x: 400, y: 0 },
      [s2.id]: { x: 400, y: 200 },
    };
    expect(layoutQuality(g, straight).crossings).toBe(1);
    const untangled = { ...straight, [s1.id]: { x: 400, y: 200 }, [s2.id]: { x: 400, y: 0 } };
    expect(layoutQuality(g, untangled).crossings).toBe(0);
    expect(layoutQuality(g, { ...straight, [b.id]: { x: 10, y: 10 } }).nodeOverlaps).toBe(1);
  });
});
