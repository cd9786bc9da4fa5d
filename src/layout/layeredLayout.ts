/**
 * Our own layered layout of the semantic graph. We know the columns in advance (classes, gateways,
 * listener sets, routes, policies, backends, grants, other objects, in traffic order) and that
 * each namespace is drawn as a frame around its members, so a general-purpose layered layout
 * (elkjs) does more work than needed: no layer assignment, no cycle breaking, one ordering sweep.
 * On a 1,000-resource workspace this takes milliseconds where ELK took seconds (bench/ui/README.md).
 *
 * How it works:
 * 1. Every node gets a column by category (a namespace's Secrets, grants and other objects join
 *    its rightmost column); empty columns take no room.
 * 2. One barycenter sweep left → right orders each column: a node sits at the mean rank of its
 *    neighbours in columns to its left (a route attached to a listener counts that listener's row,
 *    so routes line up in listener order). Nodes with no such neighbour go last, by id.
 * 3. Nodes are grouped by namespace (the frame the canvas draws); a cluster-scoped node is a group
 *    of its own without a frame. Groups are packed top → bottom in the order of their mean rank:
 *    a group spanning columns a..b goes below whatever already occupies any of those columns, so
 *    frames never overlap, yet a gateway-only namespace and a routes-and-backends namespace sit
 *    side by side.
 * 4. Inside a group each column is stacked in order, each node as close as it can get to the mean
 *    height of its already placed neighbours (so a backend sits level with its route).
 *
 * Stability: given the previous positions, every node that had one keeps it exactly; only new
 * nodes are placed (in their column, below their namespace's members, in the first free gap).
 * Everything is deterministic: same graph (and previous positions), same picture.
 */
import type { GraphEdge, GraphNode, GraphNodeCategory, SemanticGraph } from "../engine";
import { HEADER_HEIGHT, LISTENER_ROW_HEIGHT, nodeSize } from "./nodeSize";

export type Positions = Record<string, { x: number; y: number }>;

/** Traffic order; the canvas's fallback positions use the same order. */
export const LAYOUT_COLUMN: Readonly<Record<GraphNodeCategory, number>> = {
  class: 0,
  gateway: 1,
  listenerSet: 2,
  route: 3,
  policy: 4,
  backend: 5,
  grant: 6,
  other: 7,
};
const COLUMN_COUNT = 8;

/** The canvas draws a namespace frame this far outside its members (toFlowElements FRAME_PADDING). */
export const FRAME_PADDING = { top: 40, side: 20, bottom: 20 } as const;
/** Vertical gap between two nodes of one column, and between two packed groups. */
export const NODE_GAP = 24;
const GROUP_GAP = 24;
/** Horizontal room for edges between two columns, on top of the frames' side padding. */
const EDGE_ROOM = 70;
/** Room reserved for the widest edge label between two columns, at most this much. */
const MAX_LABEL_ROOM = 160;
/**
 * When fewer than this share of the new graph's nodes had a position, the workspace was replaced
 * (an opened file, an example): keeping a few stray positions would only scatter the picture.
 */
const MIN_KEPT_SHARE = 0.5;

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Neighbour of a node for ordering, with the vertical offset inside it the edge attaches at. */
interface Link {
  other: string;
  /** 0..1: where on the neighbour the edge attaches (a listener row), 0.5 for the middle. */
  at: number;
}

export function layeredLayout(graph: SemanticGraph, previous?: Readonly<Positions>): Positions {
  const fresh = freshLayout(graph);
  if (!previous) return fresh;
  const kept = graph.nodes.filter((n) => previous[n.id] !== undefined);
  if (kept.length === 0 || kept.length < graph.nodes.length * MIN_KEPT_SHARE) return fresh;
  return placeNewNodes(graph, previous, fresh);
}

function freshLayout(graph: SemanticGraph): Positions {
  const nodes = [...graph.nodes].sort((a, b) => compareIds(a.id, b.id));
  const byId = new Map<string, GraphNode>(nodes.map((n) => [n.id as string, n]));
  const size = new Map(nodes.map((n) => [n.id as string, nodeSize(n)]));
  const column = assignColumns(graph, byId);
  const columnOf = (id: string): number => column.get(id) ?? LAYOUT_COLUMN.other;
  const links = neighbourLinks(graph.edges, byId);

  const rank = orderColumns(nodes, links, columnOf);
  const columnX = columnPositions(nodes, graph.edges, byId, size, columnOf);
  const groups = groupByNamespace(graph, nodes, rank, columnOf);

  const positions: Positions = {};
  const centreY = new Map<string, number>();
  const skyline = new Array<number>(COLUMN_COUNT).fill(0);
  for (const group of groups) {
    const pad = group.framed ? FRAME_PADDING : { top: 0, side: 0, bottom: 0 };
    let top = 0;
    for (let c = group.first; c <= group.last; c++) top = Math.max(top, skyline[c] ?? 0);
    const contentTop = top + pad.top;
    let bottom = contentTop;
    for (const column of group.columns) {
      let next = contentTop;
      for (const id of column) {
        const s = size.get(id) ?? { width: 1, height: 1 };
        const wanted = wantedTop(id, links, centreY, positions, size, s.height);
        const y = Math.max(next, wanted ?? next);
        positions[id] = { x: columnX[columnOf(id)] ?? 0, y: Math.round(y) };
        centreY.set(id, y + s.height / 2);
        next = y + s.height + NODE_GAP;
        bottom = Math.max(bottom, y + s.height);
      }
    }
    const groupBottom = bottom + pad.bottom + GROUP_GAP;
    for (let c = group.first; c <= group.last; c++) skyline[c] = groupBottom;
  }
  return positions;
}

/** Categories without traffic edges: they sit with their namespace instead of in a far column. */
const SIDE_CATEGORIES: ReadonlySet<GraphNodeCategory> = new Set(["other", "grant"]);

/**
 * Each node's column by category, except that a namespace's grants and other objects (Secrets,
 * ConfigMaps…) join the rightmost traffic column of that namespace, below its members: in columns
 * of their own they would stretch the namespace frame across the whole picture.
 */
function assignColumns(graph: SemanticGraph, byId: Map<string, GraphNode>): Map<string, number> {
  const column = new Map<string, number>();
  for (const [id, n] of byId) column.set(id, LAYOUT_COLUMN[n.category]);
  for (const g of graph.namespaces) {
    let last: number | undefined;
    for (const m of g.members) {
      const n = byId.get(m);
      if (n && !SIDE_CATEGORIES.has(n.category))
        last = Math.max(last ?? 0, LAYOUT_COLUMN[n.category]);
    }
    if (last === undefined) continue;
    for (const m of g.members) {
      const n = byId.get(m);
      if (n && SIDE_CATEGORIES.has(n.category)) column.set(m, last);
    }
  }
  return column;
}

/** Links in both directions, so a node is ordered by whichever of its neighbours sit left of it. */
function neighbourLinks(
  edges: readonly GraphEdge[],
  byId: Map<string, GraphNode>,
): Map<string, Link[]> {
  const links = new Map<string, Link[]>();
  const add = (from: string, link: Link) => {
    const list = links.get(from);
    if (list) list.push(link);
    else links.set(from, [link]);
  };
  for (const e of edges) {
    // Grants point at namespace frames: as ordering constraints they would only tangle the picture.
    if (e.kind === "grant") continue;
    if (!byId.has(e.source) || !byId.has(e.target) || e.source === e.target) continue;
    const target = byId.get(e.target);
    const at =
      target && e.targetListener !== undefined ? listenerRowAt(target, e.targetListener) : 0.5;
    add(e.source, { other: e.target, at });
    add(e.target, { other: e.source, at: 0.5 });
  }
  return links;
}

/** Where the listener row sits on its node, as a share of the node's height. */
function listenerRowAt(node: GraphNode, listener: string): number {
  const d = node.details;
  if (d.category !== "gateway" && d.category !== "listenerSet") return 0.5;
  const index = d.listeners.findIndex((l) => l.name === listener);
  if (index < 0) return 0.5;
  const height = nodeSize(node).height;
  return (HEADER_HEIGHT + index * LISTENER_ROW_HEIGHT + LISTENER_ROW_HEIGHT / 2) / height;
}

/**
 * One barycenter sweep: each column, left to right, is sorted by the mean rank of its neighbours
 * in earlier columns; a rank is a node's place in its column scaled to 0..1, so columns of
 * different lengths compare. Returns every node's rank.
 */
function orderColumns(
  nodes: readonly GraphNode[],
  links: Map<string, Link[]>,
  columnOf: (id: string) => number,
): Map<string, number> {
  const columns: string[][] = Array.from({ length: COLUMN_COUNT }, () => []);
  for (const n of nodes) columns[columnOf(n.id)]?.push(n.id);
  const rank = new Map<string, number>();
  const slot = new Map<string, number>();
  for (const column of columns) {
    const keyed = column.map((id, index) => ({
      id,
      index,
      key: barycenter(id, links, rank, slot, columnOf),
    }));
    keyed.sort((a, b) => {
      if (a.key === undefined || b.key === undefined)
        return a.key === b.key ? a.index - b.index : a.key === undefined ? 1 : -1;
      return a.key - b.key || a.index - b.index;
    });
    keyed.forEach((k, i) => {
      rank.set(k.id, (i + 0.5) / keyed.length);
      slot.set(k.id, 1 / keyed.length);
    });
  }
  return rank;
}

function barycenter(
  id: string,
  links: Map<string, Link[]>,
  rank: Map<string, number>,
  slot: Map<string, number>,
  columnOf: (id: string) => number,
): number | undefined {
  const column = columnOf(id);
  let sum = 0;
  let count = 0;
  for (const link of links.get(id) ?? []) {
    const r = rank.get(link.other);
    if (r === undefined || columnOf(link.other) >= column) continue;
    // The attachment point within the neighbour's slot: a route on the second listener row sorts
    // after one on the first.
    sum += r + (link.at - 0.5) * (slot.get(link.other) ?? 0);
    count++;
  }
  return count === 0 ? undefined : sum / count;
}

/** Left edge of each used column: the widest node before it, frame padding, edge and label room. */
function columnPositions(
  nodes: readonly GraphNode[],
  edges: readonly GraphEdge[],
  byId: Map<string, GraphNode>,
  size: Map<string, { width: number; height: number }>,
  columnOf: (id: string) => number,
): number[] {
  const width = new Array<number>(COLUMN_COUNT).fill(0);
  for (const n of nodes)
    width[columnOf(n.id)] = Math.max(width[columnOf(n.id)] ?? 0, size.get(n.id)?.width ?? 0);
  const labelRoom = new Array<number>(COLUMN_COUNT).fill(0);
  for (const e of edges) {
    if (!e.label || !byId.has(e.source) || !byId.has(e.target)) continue;
    const left = Math.min(columnOf(e.source), columnOf(e.target));
    labelRoom[left] = Math.min(MAX_LABEL_ROOM, Math.max(labelRoom[left] ?? 0, labelWidth(e.label)));
  }
  const x = new Array<number>(COLUMN_COUNT).fill(0);
  let next = 0;
  let previousUsed: number | undefined;
  for (let c = 0; c < COLUMN_COUNT; c++) {
    if ((width[c] ?? 0) === 0) continue;
    if (previousUsed !== undefined)
      next += 2 * FRAME_PADDING.side + EDGE_ROOM + (labelRoom[previousUsed] ?? 0);
    x[c] = next;
    next += width[c] ?? 0;
    previousUsed = c;
  }
  return x;
}

/** The canvas draws labels at 11px system-ui with 6px padding; this errs on the wide side. */
function labelWidth(text: string): number {
  return Math.ceil(text.length * 6.6) + 16;
}

interface Group {
  framed: boolean;
  first: number;
  last: number;
  key: number;
  /** Member ids per used column, left to right, each in rank order. */
  columns: string[][];
}

/** Namespaces (framed) and cluster-scoped nodes (one unframed group each), in packing order. */
function groupByNamespace(
  graph: SemanticGraph,
  nodes: readonly GraphNode[],
  rank: Map<string, number>,
  columnOf: (id: string) => number,
): Group[] {
  const memberOf = new Map<string, string>();
  const framed = new Map<string, string[]>();
  for (const g of graph.namespaces) {
    for (const m of g.members) {
      if (memberOf.has(m)) continue;
      memberOf.set(m, g.id);
      const list = framed.get(g.id);
      if (list) list.push(m);
      else framed.set(g.id, [m]);
    }
  }
  const known = new Set(nodes.map((n) => n.id as string));
  const groups: Group[] = [];
  const build = (members: string[], isFramed: boolean) => {
    const present = members.filter((m) => known.has(m));
    if (present.length === 0) return;
    const byColumn = new Map<number, string[]>();
    let key = 0;
    for (const m of present) {
      const c = columnOf(m);
      const list = byColumn.get(c);
      if (list) list.push(m);
      else byColumn.set(c, [m]);
      key += rank.get(m) ?? 1;
    }
    const used = [...byColumn.keys()].sort((a, b) => a - b);
    const columns = used.map((c) =>
      (byColumn.get(c) ?? []).sort(
        (a, b) => (rank.get(a) ?? 1) - (rank.get(b) ?? 1) || compareIds(a, b),
      ),
    );
    groups.push({
      framed: isFramed,
      first: used[0] ?? 0,
      last: used[used.length - 1] ?? 0,
      key: key / present.length,
      columns,
    });
  };
  for (const [, members] of [...framed.entries()].sort((a, b) => compareIds(a[0], b[0])))
    build(members, true);
  for (const n of nodes) if (!memberOf.has(n.id)) build([n.id], false);
  // Stable sort: equal keys keep the id order the groups were built in.
  return groups.sort((a, b) => a.key - b.key);
}

/** The top a node would like: level with the mean centre of its already placed left neighbours. */
function wantedTop(
  id: string,
  links: Map<string, Link[]>,
  centreY: Map<string, number>,
  positions: Positions,
  size: Map<string, { width: number; height: number }>,
  height: number,
): number | undefined {
  let sum = 0;
  let count = 0;
  for (const link of links.get(id) ?? []) {
    const p = positions[link.other];
    if (!p || centreY.get(link.other) === undefined) continue;
    sum += p.y + link.at * (size.get(link.other)?.height ?? 0);
    count++;
  }
  return count === 0 ? undefined : sum / count - height / 2;
}

/**
 * Keeps every previous position; each new node goes to the column the fresh layout gives it (at
 * the x the kept nodes of that column have), just below its namespace's lowest member
 * there (else level with its neighbours, else where the fresh layout puts it), then further down
 * to the first place where it overlaps nothing.
 */
function placeNewNodes(
  graph: SemanticGraph,
  previous: Readonly<Positions>,
  fresh: Positions,
): Positions {
  const out: Positions = {};
  const boxes: Box[] = [];
  // Fresh column x → where the kept nodes of that column sit now.
  const columnX = new Map<number, number>();
  const nodeById = new Map<string, GraphNode>(graph.nodes.map((n) => [n.id as string, n]));
  const namespaceOf = new Map<string, string>();
  for (const g of graph.namespaces)
    for (const m of g.members) if (!namespaceOf.has(m)) namespaceOf.set(m, g.id);
  for (const n of graph.nodes) {
    const p = previous[n.id];
    if (!p) continue;
    out[n.id] = { x: p.x, y: p.y };
    boxes.push({ ...p, ...nodeSize(n) });
    const c = fresh[n.id]?.x;
    if (c !== undefined) columnX.set(c, Math.min(columnX.get(c) ?? p.x, p.x));
  }
  const links = neighbourLinks(graph.edges, nodeById);
  const added = graph.nodes.filter((n) => !previous[n.id]).sort((a, b) => compareIds(a.id, b.id));
  for (const n of added) {
    const s = nodeSize(n);
    const freshX = fresh[n.id]?.x ?? 0;
    const x = columnX.get(freshX) ?? freshX;
    const y = firstFreeY(
      {
        x,
        y: wantedYForNew(n, x, s.width, out, namespaceOf, links, nodeById) ?? fresh[n.id]?.y ?? 0,
        ...s,
      },
      boxes,
    );
    out[n.id] = { x, y };
    boxes.push({ x, y, ...s });
  }
  return out;
}

function wantedYForNew(
  node: GraphNode,
  x: number,
  width: number,
  placed: Positions,
  namespaceOf: Map<string, string>,
  links: Map<string, Link[]>,
  byId: Map<string, GraphNode>,
): number | undefined {
  const ns = namespaceOf.get(node.id);
  if (ns !== undefined) {
    let lowest: number | undefined;
    for (const [id, group] of namespaceOf) {
      const p = placed[id];
      const other = byId.get(id);
      if (group !== ns || !p || !other || p.x + nodeSize(other).width <= x || x + width <= p.x)
        continue;
      lowest = Math.max(lowest ?? -Infinity, p.y + nodeSize(other).height + NODE_GAP);
    }
    if (lowest !== undefined) return lowest;
  }
  let sum = 0;
  let count = 0;
  for (const link of links.get(node.id) ?? []) {
    const p = placed[link.other];
    if (!p) continue;
    sum += p.y;
    count++;
  }
  return count === 0 ? undefined : Math.round(sum / count);
}

/** Moves the box down until it overlaps no placed box (boxes keep NODE_GAP apart). */
function firstFreeY(box: Box, placed: readonly Box[]): number {
  const inColumn = placed
    .filter((b) => b.x < box.x + box.width && box.x < b.x + b.width)
    .sort((a, b) => a.y - b.y);
  let y = box.y;
  for (const b of inColumn) {
    if (b.y + b.height + NODE_GAP <= y) continue;
    if (y + box.height + NODE_GAP <= b.y) break;
    y = b.y + b.height + NODE_GAP;
  }
  return Math.round(y);
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
