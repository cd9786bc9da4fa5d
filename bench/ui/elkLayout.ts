/**
 * The layout the app used until issue 11: elkjs' layered algorithm, left → right in traffic order
 * (classes, gateways, routes, backends), namespaces as compound nodes. Kept only so
 * `npm run bench:ui` can compare it with src/layout/layeredLayout.ts on time and quality.
 */
import type { ElkExtendedEdge, ElkNode } from "elkjs/lib/elk-api";
import type { GraphEdge, GraphNode, SemanticGraph } from "../../src/engine";
import { HEADER_HEIGHT, LISTENER_ROW_HEIGHT, nodeSize } from "../../src/layout/nodeSize";

import type { Positions } from "../../src/layout/layeredLayout";

/** The part of ELK's API this module uses: the in-worker ELK in the app, elk.bundled in tests. */
export interface ElkLayouter {
  layout(graph: ElkNode): Promise<ElkNode>;
}

// Spacing options apply per parent, so the namespace compounds repeat them.
const SPACING: Record<string, string> = {
  // Labelled edges reserve their own room (see trafficDirection); this is the gap without one.
  "elk.layered.spacing.nodeNodeBetweenLayers": "70",
  "elk.layered.spacing.edgeNodeBetweenLayers": "30",
  "elk.spacing.nodeNode": "24",
};
const ROOT_OPTIONS: Record<string, string> = {
  "elk.algorithm": "layered",
  "elk.direction": "RIGHT",
  "elk.hierarchyHandling": "INCLUDE_CHILDREN",
  ...SPACING,
  "elk.spacing.componentComponent": "48",
  "elk.layered.nodePlacement.strategy": "BRANDES_KOEPF",
  "elk.layered.considerModelOrder.strategy": "NODES_AND_EDGES",
};
const GROUP_OPTIONS: Record<string, string> = {
  ...SPACING,
  // Room at the top for the namespace label the canvas draws on the frame.
  "elk.padding": "[top=40,left=20,bottom=20,right=20]",
};

/**
 * Above this many nodes crossing minimisation runs one sweep instead of seven (on 750 nodes that
 * halves elk's time, 2.4 s → 1.1 s CPU in Node), and edge labels reserve no room of their own
 * (another third). A picture that large is read by zooming in anyway.
 */
const LARGE_GRAPH_NODES = 200;

export async function elkLayout(graph: SemanticGraph, elk: ElkLayouter): Promise<Positions> {
  const large = graph.nodes.length > LARGE_GRAPH_NODES;
  const effort: Record<string, string> = large ? { "elk.layered.thoroughness": "1" } : {};
  const byId = new Map(graph.nodes.map((n) => [n.id as string, n]));
  const leaf = (id: string): ElkNode => {
    const node = byId.get(id);
    return node ? { id, ...nodeSize(node), ...listenerPorts(node) } : { id, width: 1, height: 1 };
  };
  const inGroup = new Set<string>();
  const groups: ElkNode[] = graph.namespaces
    .filter((g) => g.members.length > 0)
    .map((g) => {
      for (const m of g.members) inGroup.add(m);
      return {
        id: g.id,
        layoutOptions: { ...GROUP_OPTIONS, ...effort },
        children: g.members.map(leaf),
      };
    });
  const loose = graph.nodes.filter((n) => !inGroup.has(n.id)).map((n) => leaf(n.id));
  const ids = new Set(graph.nodes.map((n) => n.id as string));
  const edges: ElkExtendedEdge[] = graph.edges
    .map((e) => trafficDirection(e, byId.get(e.target), !large))
    .filter(
      (e): e is ElkExtendedEdge =>
        e !== undefined && ids.has(nodeOf(e.sources[0])) && ids.has(nodeOf(e.targets[0])),
    );
  const result = await elk.layout({
    id: "__root",
    layoutOptions: { ...ROOT_OPTIONS, ...effort },
    children: [...loose, ...groups],
    edges,
  });
  const positions: Positions = {};
  collect(result, 0, 0, positions, ids);
  return positions;
}

/** Layout edges follow the traffic: class → gateway → (listener set →) route → backend. */
function trafficDirection(
  e: GraphEdge,
  target: GraphNode | undefined,
  reserveLabels: boolean,
): ElkExtendedEdge | undefined {
  // A labelled edge reserves room for its label, so a long reason never sits on a node.
  const labels =
    e.label && reserveLabels
      ? [{ text: e.label, width: labelWidth(e.label), height: LABEL_HEIGHT }]
      : [];
  switch (e.kind) {
    case "class":
    case "backend":
    case "mirror":
    case "policy":
      return { id: e.id, sources: [e.source], targets: [e.target], labels };
    case "parent": {
      // Leave from the listener's row, so routes line up in listener order.
      const fromRow =
        e.targetListener !== undefined &&
        target !== undefined &&
        hasListener(target, e.targetListener);
      return {
        id: e.id,
        sources: [fromRow ? portId(e.target, e.targetListener ?? "") : e.target],
        targets: [e.source],
        labels,
      };
    }
    case "listenerSet":
      return { id: e.id, sources: [e.target], targets: [e.source], labels };
    case "grant":
      // Grants point at namespace frames; as layout constraints they would only tangle the picture.
      return undefined;
  }
}

/** One fixed port per listener row on the east side, where the canvas draws the row's handle. */
function listenerPorts(node: GraphNode): Pick<ElkNode, "ports" | "layoutOptions"> {
  const d = node.details;
  if (d.category !== "gateway" && d.category !== "listenerSet") return {};
  const { width } = nodeSize(node);
  return {
    layoutOptions: { "elk.portConstraints": "FIXED_POS" },
    ports: d.listeners.map((l, i) => ({
      id: portId(node.id, l.name),
      width: 1,
      height: 1,
      x: width,
      y: HEADER_HEIGHT + i * LISTENER_ROW_HEIGHT + LISTENER_ROW_HEIGHT / 2,
      layoutOptions: { "elk.port.side": "EAST" },
    })),
  };
}

function hasListener(node: GraphNode, name: string): boolean {
  const d = node.details;
  return (
    (d.category === "gateway" || d.category === "listenerSet") &&
    d.listeners.some((l) => l.name === name)
  );
}

function portId(nodeId: string, listener: string): string {
  return `${nodeId}#listener:${listener}`;
}

function nodeOf(endpoint: string | undefined): string {
  return (endpoint ?? "").split("#listener:")[0] ?? "";
}

/** The canvas draws labels at 11px system-ui with 6px padding; this errs on the wide side. */
const LABEL_HEIGHT = 18;
function labelWidth(text: string): number {
  return Math.ceil(text.length * 6.6) + 16;
}

function collect(node: ElkNode, dx: number, dy: number, out: Positions, ids: Set<string>): void {
  for (const child of node.children ?? []) {
    const x = dx + (child.x ?? 0);
    const y = dy + (child.y ?? 0);
    if (ids.has(child.id)) out[child.id] = { x: Math.round(x), y: Math.round(y) };
    collect(child, x, y, out, ids);
  }
}
