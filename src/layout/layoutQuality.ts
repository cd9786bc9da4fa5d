/**
 * Figures for comparing two layouts of one graph (bench/ui/compareLayouts.ts) and for the layout
 * tests: edge crossings, overlapping nodes, overlapping namespace frames, and the area drawn.
 * Edges are taken as straight segments from the source's east side to the target's west side (in
 * traffic order), at the listener row when the edge attaches to one, as the canvas draws them
 * modulo curvature.
 */
import type { GraphNode, SemanticGraph } from "../engine";
import { FRAME_PADDING, type Positions } from "./layeredLayout";
import { HEADER_HEIGHT, LISTENER_ROW_HEIGHT, nodeSize } from "./nodeSize";

export interface LayoutQuality {
  /** Pairs of edges whose segments cross (edges sharing an endpoint never count). */
  crossings: number;
  /** Pairs of nodes whose boxes overlap. */
  nodeOverlaps: number;
  /** Pairs of namespace frames (members' bounds plus the canvas's padding) that overlap. */
  frameOverlaps: number;
  /** Width × height of the bounding box of all nodes, in px². */
  area: number;
  width: number;
  height: number;
}

interface Rect {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

export function layoutQuality(graph: SemanticGraph, positions: Readonly<Positions>): LayoutQuality {
  const rects = new Map<string, Rect>();
  const nodes = new Map<string, GraphNode>();
  for (const n of graph.nodes) {
    const p = positions[n.id];
    if (!p) continue;
    rects.set(n.id, { id: n.id, x: p.x, y: p.y, ...nodeSize(n) });
    nodes.set(n.id, n);
  }
  const all = [...rects.values()];
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const r of all) {
    minX = Math.min(minX, r.x);
    minY = Math.min(minY, r.y);
    maxX = Math.max(maxX, r.x + r.width);
    maxY = Math.max(maxY, r.y + r.height);
  }
  const width = all.length === 0 ? 0 : maxX - minX;
  const height = all.length === 0 ? 0 : maxY - minY;
  return {
    crossings: countCrossings(graph, rects, nodes),
    nodeOverlaps: countOverlaps(all),
    frameOverlaps: countOverlaps(frames(graph, rects)),
    area: width * height,
    width,
    height,
  };
}

/** Overlapping pairs, by a sweep over x so 1,000 boxes do not cost a million comparisons. */
export function countOverlaps(rects: readonly Rect[]): number {
  const sorted = [...rects].sort((a, b) => a.x - b.x);
  let count = 0;
  for (let i = 0; i < sorted.length; i++) {
    const a = sorted[i]!;
    for (let j = i + 1; j < sorted.length; j++) {
      const b = sorted[j]!;
      if (b.x >= a.x + a.width) break;
      if (a.y < b.y + b.height && b.y < a.y + a.height) count++;
    }
  }
  return count;
}

function frames(graph: SemanticGraph, rects: Map<string, Rect>): Rect[] {
  const out: Rect[] = [];
  for (const g of graph.namespaces) {
    const members = g.members.map((m) => rects.get(m)).filter((r): r is Rect => r !== undefined);
    if (members.length === 0) continue;
    const left = members.reduce((v, m) => Math.min(v, m.x), Infinity) - FRAME_PADDING.side;
    const top = members.reduce((v, m) => Math.min(v, m.y), Infinity) - FRAME_PADDING.top;
    const right =
      members.reduce((v, m) => Math.max(v, m.x + m.width), -Infinity) + FRAME_PADDING.side;
    const bottom =
      members.reduce((v, m) => Math.max(v, m.y + m.height), -Infinity) + FRAME_PADDING.bottom;
    out.push({ id: g.id, x: left, y: top, width: right - left, height: bottom - top });
  }
  return out;
}

interface Segment {
  a: string;
  b: string;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

function countCrossings(
  graph: SemanticGraph,
  rects: Map<string, Rect>,
  nodes: Map<string, GraphNode>,
): number {
  const segments: Segment[] = [];
  for (const e of graph.edges) {
    if (e.kind === "grant") continue;
    // Traffic order: parent and listenerSet edges run from the gateway (target) to the route.
    const reversed = e.kind === "parent" || e.kind === "listenerSet";
    const from = reversed ? e.target : e.source;
    const to = reversed ? e.source : e.target;
    const s = rects.get(from);
    const t = rects.get(to);
    if (!s || !t || from === to) continue;
    const rowY =
      reversed && e.targetListener !== undefined
        ? listenerRowY(nodes.get(from), e.targetListener)
        : undefined;
    segments.push({
      a: from,
      b: to,
      x1: s.x + s.width,
      y1: s.y + (rowY ?? s.height / 2),
      x2: t.x,
      y2: t.y + t.height / 2,
    });
  }
  // Sweep over x: only segments whose x ranges overlap can cross.
  const sorted = segments
    .map((s) => ({ s, lo: Math.min(s.x1, s.x2), hi: Math.max(s.x1, s.x2) }))
    .sort((p, q) => p.lo - q.lo);
  let count = 0;
  for (let i = 0; i < sorted.length; i++) {
    const p = sorted[i]!;
    for (let j = i + 1; j < sorted.length; j++) {
      const q = sorted[j]!;
      if (q.lo > p.hi) break;
      if (p.s.a === q.s.a || p.s.a === q.s.b || p.s.b === q.s.a || p.s.b === q.s.b) continue;
      if (cross(p.s, q.s)) count++;
    }
  }
  return count;
}

function listenerRowY(node: GraphNode | undefined, listener: string): number | undefined {
  const d = node?.details;
  if (!d || (d.category !== "gateway" && d.category !== "listenerSet")) return undefined;
  const index = d.listeners.findIndex((l) => l.name === listener);
  return index < 0
    ? undefined
    : HEADER_HEIGHT + index * LISTENER_ROW_HEIGHT + LISTENER_ROW_HEIGHT / 2;
}

/** Proper intersection of two segments (touching at an end does not count). */
function cross(p: Segment, q: Segment): boolean {
  const d1 = orient(q.x1, q.y1, q.x2, q.y2, p.x1, p.y1);
  const d2 = orient(q.x1, q.y1, q.x2, q.y2, p.x2, p.y2);
  const d3 = orient(p.x1, p.y1, p.x2, p.y2, q.x1, q.y1);
  const d4 = orient(p.x1, p.y1, p.x2, p.y2, q.x2, q.y2);
  return d1 * d2 < 0 && d3 * d4 < 0;
}

function orient(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  return Math.sign((bx - ax) * (cy - ay) - (by - ay) * (cx - ax));
}
