/**
 * The only place that knows React Flow's node and edge shapes: semantic graph + positions +
 * selection + stale keys → nodes and edges. Pure, so it is unit-tested without a DOM.
 */
import type { GraphEdge, GraphNode, GraphNodeCategory, SemanticGraph } from "../../engine";
import { nodeSize } from "../../layout/nodeSize";
import {
  GRANT_HANDLE,
  IN_HANDLE,
  OUT_HANDLE,
  listenerHandle,
  type FlowEdge,
  type GraphEdgeData,
  type FlowNode,
  type GraphFlowNode,
  type NamespaceFlowNode,
} from "./flowTypes";
import { BoxGrid } from "./boxGrid";
import { frameHandles, graphNodeHandles } from "./nodeHandles";
import { parallelLanes, type Anchor, type Box } from "./edgeGeometry";
import { LaneCache, sameObjects, type LaneAnswer } from "./laneCache";
import { HEADER_HEIGHT, LISTENER_ROW_HEIGHT } from "../../layout/nodeSize";

export type XY = { x: number; y: number };

/** Where a node goes before the layout has answered: one column per category, in traffic order. */
const COLUMN: Record<GraphNodeCategory, number> = {
  class: 0,
  gateway: 1,
  listenerSet: 2,
  route: 3,
  policy: 4,
  backend: 5,
  grant: 6,
  other: 7,
};
const COLUMN_WIDTH = 320;
const FRAME_PADDING = { top: 40, side: 20, bottom: 20 };

export interface FlowInput {
  graph: SemanticGraph;
  /** Positions the user dragged (win) and the automatic layout's. */
  positions: Readonly<Record<string, XY>>;
  autoPositions: Readonly<Record<string, XY>>;
  selected: string | undefined;
  stale: ReadonlySet<string>;
  /** Focus mode: the only nodes drawn (every node when undefined); edges need both ends shown. */
  shown?: ReadonlySet<string> | undefined;
  /** Search/filter: nodes that did not match are drawn faded (none when undefined). */
  matches?: ReadonlySet<string> | undefined;
  /** The node the keyboard cursor is on. */
  cursor?: string | undefined;
  /**
   * Edge lanes routed for earlier calls (the canvas keeps one across analyses); without it every
   * edge is routed around the nodes afresh.
   */
  laneCache?: LaneCache | undefined;
}

export function toFlowElements(input: FlowInput): { nodes: FlowNode[]; edges: FlowEdge[] } {
  // Only nodes the layout has not placed yet need one (all of them before its first answer).
  let fallback: Map<string, XY> | undefined;
  const fallbackOf = (id: string) => (fallback ??= fallbackPositions(input.graph.nodes)).get(id);
  const { shown, matches } = input;
  const visible =
    shown === undefined ? input.graph.nodes : input.graph.nodes.filter((n) => shown.has(n.id));
  const graphNodes: GraphFlowNode[] = visible.map((n) =>
    toGraphFlowNode(n, {
      position: input.positions[n.id] ??
        input.autoPositions[n.id] ??
        fallbackOf(n.id) ?? { x: 0, y: 0 },
      selected: n.id === input.selected,
      stale: input.stale.has(n.id),
      dimmed: matches !== undefined && !matches.has(n.id),
      cursor: n.id === input.cursor,
    }),
  );
  const frames = namespaceFrames(input.graph, graphNodes);
  const drawnEdges =
    shown === undefined
      ? input.graph.edges
      : input.graph.edges.filter((e) => shown.has(e.source) && shown.has(e.target));
  const edges = aroundNodes(
    withLanes(
      drawnEdges.map((e) =>
        builtFlowEdge(e, input.stale.has(e.source) || input.stale.has(e.target)),
      ),
    ),
    graphNodes,
    input.laneCache ?? new LaneCache(),
  );
  // Frames first: React Flow paints in array order, so they sit under their members.
  return { nodes: [...frames, ...graphNodes], edges };
}

interface NodeLook {
  position: XY;
  selected: boolean;
  stale: boolean;
  dimmed: boolean;
  cursor: boolean;
}

/**
 * The last flow node built for each graph node, with what it was built from. An analysis shares
 * every unchanged graph node with the previous one by identity (worker/analysisReceiver.ts), so a
 * keystroke rebuilds only the nodes it changed; the rest come back as the same objects, which
 * reuseUnchanged then keeps without comparing them field by field.
 */
const builtNodes = new WeakMap<GraphNode, { look: NodeLook; flow: GraphFlowNode }>();

function toGraphFlowNode(n: GraphNode, look: NodeLook): GraphFlowNode {
  const known = builtNodes.get(n);
  if (known !== undefined && sameLook(known.look, look)) return known.flow;
  const size = nodeSize(n);
  const flow: GraphFlowNode = {
    id: n.id,
    type: "graphNode",
    position: look.position,
    width: size.width,
    height: size.height,
    // Known up front, so React Flow draws edges without mounting every node to measure it.
    handles: graphNodeHandles(n, size),
    selected: look.selected,
    // Ghosts are references, not documents: there is nothing to delete in the YAML.
    deletable: !n.ghost && n.category !== "other",
    data: {
      node: n,
      selected: look.selected,
      stale: look.stale,
      ...size,
      ...(look.dimmed ? { dimmed: true } : {}),
      ...(look.cursor ? { cursor: true } : {}),
    },
  };
  builtNodes.set(n, { look, flow });
  return flow;
}

function sameLook(a: NodeLook, b: NodeLook): boolean {
  return (
    a.position.x === b.position.x &&
    a.position.y === b.position.y &&
    a.selected === b.selected &&
    a.stale === b.stale &&
    a.dimmed === b.dimmed &&
    a.cursor === b.cursor
  );
}

function fallbackPositions(nodes: readonly GraphNode[]): Map<string, XY> {
  const rows = new Map<number, number>();
  const out = new Map<string, XY>();
  for (const n of nodes) {
    const col = COLUMN[n.category];
    const y = rows.get(col) ?? 0;
    out.set(n.id, { x: col * COLUMN_WIDTH, y });
    rows.set(col, y + nodeSize(n).height + 30);
  }
  return out;
}

/** A frame around each namespace's members, from their current bounds (so it follows drags). */
function namespaceFrames(
  graph: SemanticGraph,
  nodes: readonly GraphFlowNode[],
): NamespaceFlowNode[] {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const frames: NamespaceFlowNode[] = [];
  for (const g of graph.namespaces) {
    const members = g.members
      .map((m) => byId.get(m))
      .filter((n): n is GraphFlowNode => n !== undefined);
    if (members.length === 0) continue;
    // The same namespace around the same member objects (none moved, grew or changed): the same
    // frame object, so the canvas keeps it without comparing it field by field (reuseUnchanged).
    const known = builtFrames.get(g);
    if (known !== undefined && sameObjects(known.members, members)) {
      frames.push(known.frame);
      continue;
    }
    const left =
      members.reduce((min, m) => Math.min(min, m.position.x), Infinity) - FRAME_PADDING.side;
    const top =
      members.reduce((min, m) => Math.min(min, m.position.y), Infinity) - FRAME_PADDING.top;
    const right =
      members.reduce((max, m) => Math.max(max, m.position.x + (m.width ?? 0)), -Infinity) +
      FRAME_PADDING.side;
    const bottom =
      members.reduce((max, m) => Math.max(max, m.position.y + (m.height ?? 0)), -Infinity) +
      FRAME_PADDING.bottom;
    const frame: NamespaceFlowNode = {
      id: g.id,
      type: "namespaceFrame",
      position: { x: left, y: top },
      width: right - left,
      height: bottom - top,
      handles: frameHandles({ width: right - left, height: bottom - top }),
      draggable: false,
      selectable: false,
      deletable: false,
      connectable: false,
      focusable: false,
      zIndex: -1,
      data: {
        namespace: g.namespace,
        declared: g.declared,
        width: right - left,
        height: bottom - top,
      },
    };
    builtFrames.set(g, { members, frame });
    frames.push(frame);
  }
  return frames;
}

/** The last frame built for each namespace of the graph, with the member nodes it was built around. */
const builtFrames = new WeakMap<
  SemanticGraph["namespaces"][number],
  { members: readonly GraphFlowNode[]; frame: NamespaceFlowNode }
>();

/** As builtNodes, for edges: the last flow edge built for each graph edge, by its stale flag. */
const builtEdges = new WeakMap<GraphEdge, { stale: boolean; flow: FlowEdge }>();

function builtFlowEdge(e: GraphEdge, stale: boolean): FlowEdge {
  const known = builtEdges.get(e);
  if (known !== undefined && known.stale === stale) return known.flow;
  const flow = toFlowEdge(e, stale);
  builtEdges.set(e, { stale, flow });
  return flow;
}

/**
 * Edges are drawn in traffic direction: class → gateway → listener → route → backend. Built for
 * every edge on every analysis, so written without object spreads (V8 copies a spread object
 * through a slow generic path here, and this was the canvas's costliest step at 300 documents).
 */
function toFlowEdge(e: GraphEdge, stale: boolean): FlowEdge {
  const data: GraphEdgeData =
    e.label === undefined
      ? { edge: e, status: e.status, stale }
      : { edge: e, status: e.status, stale, label: e.label };
  const deletable = e.kind === "parent" || e.kind === "backend";
  switch (e.kind) {
    case "parent":
    case "listenerSet":
      return {
        id: e.id,
        type: "status",
        data,
        deletable,
        source: e.target,
        sourceHandle: e.targetListener ? listenerHandle(e.targetListener) : OUT_HANDLE,
        target: e.source,
        targetHandle: IN_HANDLE,
      };
    case "grant":
      return {
        id: e.id,
        type: "status",
        data,
        deletable,
        source: e.source,
        sourceHandle: GRANT_HANDLE,
        target: e.target,
        targetHandle: IN_HANDLE,
      };
    default:
      return {
        id: e.id,
        type: "status",
        data,
        deletable,
        source: e.source,
        sourceHandle: OUT_HANDLE,
        target: e.target,
        targetHandle: IN_HANDLE,
      };
  }
}

/** Edges between the same two nodes each get their own lane, so none hides another or its label. */
function withLanes(edges: FlowEdge[]): FlowEdge[] {
  // The same edge objects as last time (an analysis that changed no edge): the same lanes.
  if (lastLanes !== undefined && sameObjects(lastLanes.edges, edges)) return lastLanes.laned;
  const lanes = parallelLanes(edges);
  const laned =
    lanes.size === 0
      ? edges
      : edges.map((e) => {
          const lane = lanes.get(e.id);
          return lane === undefined ? e : inLane(e, lane);
        });
  lastLanes = { edges, laned };
  return laned;
}

/** withLanes' last input and answer (one canvas draws at a time; a miss only costs the work). */
let lastLanes: { edges: readonly FlowEdge[]; laned: FlowEdge[] } | undefined;

/** The last copy of each flow edge put in another lane, so an unchanged edge keeps its object. */
const laneCopies = new WeakMap<FlowEdge, { lane: number; flow: FlowEdge }>();

function inLane(e: FlowEdge, lane: number): FlowEdge {
  if (e.data === undefined) return e;
  const known = laneCopies.get(e);
  if (known !== undefined && known.lane === lane) return known.flow;
  const flow = { ...e, data: { ...e.data, lane } };
  laneCopies.set(e, { lane, flow });
  return flow;
}

/**
 * Edges bend around the nodes between their ends where a nearby lane is clear (edgeGeometry
 * clearLane), so no edge seems to enter a node it has nothing to do with. Grants (drawn to a
 * namespace frame's top) are left as they are.
 */
function aroundNodes(
  edges: FlowEdge[],
  nodes: readonly GraphFlowNode[],
  laneCache: LaneCache,
): FlowEdge[] {
  const boxes = nodes.map(boxOf);
  laneCache.arrange(boxes);
  // Indexed only when some edge's lane is not known for this arrangement yet.
  let grid: BoxGrid | undefined;
  const obstacles = () => (grid ??= new BoxGrid(boxes));
  const byId = new Map(nodes.map((n) => [n.id, n]));
  return edges.map((e) => {
    const source = byId.get(e.source);
    const target = byId.get(e.target);
    if (!source || !target || !e.data || e.sourceHandle === GRANT_HANDLE) return e;
    // The same edge between the same node objects has the same anchors, lane and ends: while the
    // cache still holds its answer, the edge is drawn as last time without building its key.
    const last = routedEdges.get(e);
    if (
      last !== undefined &&
      last.source === source &&
      last.target === target &&
      last.cache === laneCache &&
      laneCache.holds(last.answer)
    )
      return last.flow;
    const lane = e.data.lane ?? 0;
    const answer = laneCache.laneAnswer(
      sourceAnchor(source, e.sourceHandle),
      targetAnchor(target),
      lane,
      obstacles,
      [e.source, e.target],
    );
    const flow = answer.lane === lane ? e : inLane(e, answer.lane);
    routedEdges.set(e, { source, target, cache: laneCache, answer, flow });
    return flow;
  });
}

/**
 * What aroundNodes drew each flow edge as, between which node objects and on which lane answer.
 * Flow edges and nodes keep their objects while unchanged (builtFlowEdge, toGraphFlowNode), so an
 * analysis that changed one route looks up the cache only for the edges at that route's node.
 */
const routedEdges = new WeakMap<
  FlowEdge,
  {
    source: GraphFlowNode;
    target: GraphFlowNode;
    cache: LaneCache;
    answer: LaneAnswer;
    flow: FlowEdge;
  }
>();

/** Each node's box, kept with the node object so an unchanged node gives laneCache the same box. */
const nodeBoxes = new WeakMap<GraphFlowNode, Box>();

function boxOf(n: GraphFlowNode): Box {
  const known = nodeBoxes.get(n);
  if (known !== undefined) return known;
  const box: Box = {
    id: n.id,
    left: n.position.x,
    top: n.position.y,
    right: n.position.x + (n.width ?? 0),
    bottom: n.position.y + (n.height ?? 0),
  };
  nodeBoxes.set(n, box);
  return box;
}

/** Where the edge leaves its source: a listener row's handle, beside a gateway's name, or mid-right. */
function sourceAnchor(n: GraphFlowNode, handle: string | null | undefined): Anchor {
  const right = n.position.x + (n.width ?? 0);
  const d = n.data.node.details;
  if (d.category === "gateway" || d.category === "listenerSet") {
    const index = handle ? d.listeners.findIndex((l) => listenerHandle(l.name) === handle) : -1;
    return {
      x: right,
      y:
        n.position.y +
        (index >= 0 ? HEADER_HEIGHT + index * LISTENER_ROW_HEIGHT + LISTENER_ROW_HEIGHT / 2 : 30),
      side: "right",
    };
  }
  return { x: right, y: n.position.y + (n.height ?? 0) / 2, side: "right" };
}

function targetAnchor(n: GraphFlowNode): Anchor {
  return { x: n.position.x, y: n.position.y + (n.height ?? 0) / 2, side: "left" };
}

/**
 * Keeps the previous object for every node or edge whose content did not change, so React Flow
 * and the memoized node components skip them (selecting one node of 750 re-renders two).
 */
export function reuseUnchanged<T extends FlowNode | FlowEdge>(
  previous: readonly T[],
  next: readonly T[],
): T[] {
  const byId = new Map(previous.map((item) => [item.id, item]));
  let changed = previous.length !== next.length;
  const out = next.map((item, i) => {
    const old = byId.get(item.id);
    if (old !== undefined && (old === item || isSameElement(old, item))) {
      if (previous[i] !== old) changed = true;
      return old;
    }
    changed = true;
    return item;
  });
  return changed ? out : (previous as T[]);
}

/**
 * What React Flow writes onto the nodes it was given (applyNodeChanges): the size it measured.
 * Not ours to compare: dropping it would make React Flow measure every node again, and a new
 * measure would replace every node again, on each analysis.
 */
const FLOW_OWNED = new Set(["measured"]);

function isSameElement(a: FlowNode | FlowEdge, b: FlowNode | FlowEdge): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) {
    if (FLOW_OWNED.has(k)) continue;
    const x = (a as unknown as Record<string, unknown>)[k];
    const y = (b as unknown as Record<string, unknown>)[k];
    if (x === y) continue;
    if (k === "position" || k === "data") {
      if (!shallowEqual(x, y)) return false;
      continue;
    }
    if (k === "handles") {
      if (!sameHandles(x, y)) return false;
      continue;
    }
    return false;
  }
  return true;
}

/** Handles are rebuilt with each node; equal when each handle has the same fields. */
function sameHandles(x: unknown, y: unknown): boolean {
  if (!Array.isArray(x) || !Array.isArray(y) || x.length !== y.length) return false;
  return x.every((h, i) => shallowEqual(h, y[i]));
}

function shallowEqual(x: unknown, y: unknown): boolean {
  if (typeof x !== "object" || typeof y !== "object" || x === null || y === null) return x === y;
  const a = x as Record<string, unknown>;
  const b = y as Record<string, unknown>;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}
