import ELK from 'elkjs/lib/elk.bundled.js';
import { describe, expect, test } from 'vitest';
import { resourceKey } from '../engine';
import type { GraphEdge, GraphNode, GraphNodeCategory, SemanticGraph } from '../engine';
import { layoutGraph } from './layoutGraph';
import { nodeSize } from './nodeSize';

function node(kind: string, category: GraphNodeCategory, ns: string | undefined, name: string): GraphNode {
  const details: GraphNode['details'] =
    category === 'gateway' ? { category, className: 'envoy', listeners: [
      { name: 'http', protocol: 'HTTP', port: 80, attachedRoutes: 2, ready: true, conflicted: false },
      { name: 'https', protocol: 'HTTPS', port: 443, attachedRoutes: 0, ready: true, conflicted: false },
    ] }
      : category === 'route' ? { category, hostnames: ['a.example.com'], ruleCount: 1, parents: [] }
        : category === 'class' ? { category }
          : { category: 'backend', ports: [{ port: 80 }] };
  return { id: resourceKey(kind, ns, name), kind, category, name, ...(ns ? { namespace: ns } : {}), status: 'ok', ghost: false, details };
}
const edge = (kind: GraphEdge['kind'], source: GraphNode, target: GraphNode): GraphEdge =>
  ({ id: `${kind}:${source.id}:${target.id}`, kind, source: source.id, target: target.id, status: 'ok' });

// Deliberately listed in reverse traffic order, so input order cannot explain the result.
const cls = node('GatewayClass', 'class', undefined, 'envoy');
const gw = node('Gateway', 'gateway', 'infra', 'shared');
const store = node('HTTPRoute', 'route', 'team-a', 'store');
const shop = node('HTTPRoute', 'route', 'team-b', 'shop');
const api = node('Service', 'backend', 'team-a', 'store-api');
const web = node('Service', 'backend', 'team-a', 'store-web');
const v1 = node('Service', 'backend', 'team-b', 'shop-v1');
const v2 = node('Service', 'backend', 'team-b', 'shop-v2');
const graph: SemanticGraph = {
  nodes: [v2, v1, web, api, shop, store, gw, cls],
  edges: [
    edge('backend', shop, v1), edge('backend', shop, v2), edge('backend', store, api), edge('backend', store, web),
    { ...edge('parent', shop, gw), targetListener: 'http' }, { ...edge('parent', store, gw), targetListener: 'http' },
    edge('class', cls, gw),
  ],
  namespaces: [
    { id: resourceKey('Namespace', undefined, 'infra'), namespace: 'infra', declared: true, members: [gw.id] },
    { id: resourceKey('Namespace', undefined, 'team-a'), namespace: 'team-a', declared: true, members: [store.id, api.id, web.id] },
    { id: resourceKey('Namespace', undefined, 'team-b'), namespace: 'team-b', declared: true, members: [shop.id, v1.id, v2.id] },
  ],
};

describe('layoutGraph', () => {
  test('places classes, gateways, routes and backends left to right', async () => {
    const p = await layoutGraph(graph, new ELK());
    const x = (n: GraphNode) => p[n.id]?.x ?? Number.NaN;
    expect(x(cls)).toBeLessThan(x(gw));
    for (const r of [store, shop]) expect(x(gw)).toBeLessThan(x(r));
    for (const [r, s] of [[store, api], [store, web], [shop, v1], [shop, v2]] as const) expect(x(r)).toBeLessThan(x(s));
  });

  test('gives every node a position and no two nodes overlap', async () => {
    const p = await layoutGraph(graph, new ELK());
    expect(Object.keys(p).sort()).toEqual(graph.nodes.map((n) => n.id).sort());
    const boxes = graph.nodes.map((n) => ({ id: n.id, ...p[n.id]!, ...nodeSize(n) }));
    for (const a of boxes) {
      for (const b of boxes) {
        if (a.id >= b.id) continue;
        const apart = a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
        expect(apart, `${a.id} overlaps ${b.id}`).toBe(true);
      }
    }
  });

  test('keeps a namespace together: its members sit closer to each other than to other teams', async () => {
    const p = await layoutGraph(graph, new ELK());
    const ys = (nodes: GraphNode[]) => nodes.map((n) => p[n.id]!.y);
    const a = ys([store, api, web]);
    const b = ys([shop, v1, v2]);
    const separated = Math.max(...a) < Math.min(...b) || Math.max(...b) < Math.min(...a);
    expect(separated).toBe(true);
  });

  test('a large graph (the faster elk setting) still orders by kind and never overlaps', async () => {
    const nodes: GraphNode[] = [cls, gw];
    const edges: GraphEdge[] = [edge('class', cls, gw)];
    const namespaces: SemanticGraph['namespaces'] = [{ id: resourceKey('Namespace', undefined, 'infra'), namespace: 'infra', declared: true, members: [gw.id] }];
    for (let t = 0; t < 70; t++) {
      const ns = `team-${t}`;
      const r = node('HTTPRoute', 'route', ns, 'web');
      const a = node('Service', 'backend', ns, 'api');
      const w = node('Service', 'backend', ns, 'web');
      nodes.push(r, a, w);
      edges.push({ ...edge('parent', r, gw), targetListener: 'http' }, edge('backend', r, a), edge('backend', r, w));
      namespaces.push({ id: resourceKey('Namespace', undefined, ns), namespace: ns, declared: true, members: [r.id, a.id, w.id] });
    }
    expect(nodes.length).toBeGreaterThan(200);
    const p = await layoutGraph({ nodes, edges, namespaces }, new ELK());
    const boxes = nodes.map((n) => ({ n, ...p[n.id]!, ...nodeSize(n) })).sort((a, b) => a.x - b.x);
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length && boxes[j]!.x < boxes[i]!.x + boxes[i]!.width; j++) {
        const a = boxes[i]!;
        const b = boxes[j]!;
        expect(a.y + a.height <= b.y || b.y + b.height <= a.y, `${a.n.id} overlaps ${b.n.id}`).toBe(true);
      }
    }
    const minX = (category: string) => Math.min(...boxes.filter((b) => b.n.category === category).map((b) => b.x));
    const maxX = (category: string) => Math.max(...boxes.filter((b) => b.n.category === category).map((b) => b.x));
    expect(maxX('class')).toBeLessThan(minX('gateway'));
    expect(maxX('gateway')).toBeLessThan(minX('route'));
    expect(maxX('route')).toBeLessThan(minX('backend'));
  });

  test('routes line up in the order of the listener rows they attach to', async () => {
    const attach = async (first: GraphNode, second: GraphNode) => {
      const p = await layoutGraph(
        {
          nodes: [gw, store, shop],
          edges: [{ ...edge('parent', first, gw), targetListener: 'https' }, { ...edge('parent', second, gw), targetListener: 'http' }],
          namespaces: [],
        },
        new ELK(),
      );
      return p[second.id]!.y < p[first.id]!.y;
    };
    // Whichever route is listed first, the one on "http" (the first row) sits above.
    expect(await attach(store, shop)).toBe(true);
    expect(await attach(shop, store)).toBe(true);
  });

  test('an empty graph lays out to no positions', async () => {
    expect(await layoutGraph({ nodes: [], edges: [], namespaces: [] }, new ELK())).toEqual({});
  });
});
