/**
 * The graph's ghost nodes (objects referenced but not in the input) after an edit moved an edge
 * onto or off one: typing a Service name in a backendRef names a missing Service at each
 * intermediate spelling, whose ghost comes and goes while every other node stands.
 *
 * buildSemanticGraph appends one ghost per missing key after the objects' nodes, in the order the
 * edges first reference it (each edge references at most one missing object, its source or its
 * target), and lists every node of a namespace in its frame, in node order. So the ghosts of
 * revision n+1 are found by walking its edges once. The walk must first give revision n's ghosts
 * exactly, or the graph holds a ghost this model does not explain, and the caller runs the full
 * pipeline.
 */
import { ghostNode } from "../graph/buildSemanticGraph";
import type { MissingTarget } from "../graph/buildGraphEdges";
import type { RevisionGraph } from "../graph/edgeChunks";
import type { GraphEdge, GraphNode } from "../graph/types";
import { forEachEdge } from "./patchEdges";

/**
 * `graph` (its edges already patched, `was` its edges before) with the ghosts its edges need:
 * ghosts still referenced are kept as they were, new ones made from `missing` (what the edited
 * objects reference and the input lacks). Undefined when that cannot be proven to equal a fresh
 * build: a ghost the world assumes, a namespace frame that would come or go.
 */
export function withGhostsReplaced(
  graph: RevisionGraph,
  was: readonly (readonly GraphEdge[])[],
  present: ReadonlySet<string>,
  missing: ReadonlyMap<string, MissingTarget>,
  assumed: ReadonlySet<string>,
): RevisionGraph | undefined {
  const firstGhost = graph.nodes.findIndex((n) => n.ghost);
  const objects = firstGhost < 0 ? graph.nodes.length : firstGhost;
  const before = new Map<string, GraphNode>();
  for (let i = objects; i < graph.nodes.length; i++) {
    const node = graph.nodes[i] as GraphNode;
    if (!node.ghost) return undefined;
    before.set(node.id, node);
  }
  const order = ghostOrder(was, present);
  if (order.length !== before.size || order.some((id) => !before.has(id))) return undefined;
  const nodes = graph.nodes.slice(0, objects);
  const namespaces = new Set<string>();
  for (const id of ghostOrder(graph.edgeChunks, present)) {
    let node = before.get(id);
    if (node === undefined) {
      const target = missing.get(id);
      if (target === undefined || assumed.has(id)) return undefined;
      node = ghostNode(target);
      if (node.namespace !== undefined) namespaces.add(node.namespace);
    }
    before.delete(id);
    nodes.push(node);
  }
  for (const gone of before.values())
    if (gone.namespace !== undefined) namespaces.add(gone.namespace);
  if (namespaces.size === 0) return { ...graph, nodes };
  const frames = graph.namespaces.slice();
  for (const namespace of namespaces) {
    const at = frames.findIndex((g) => g.namespace === namespace);
    const frame = frames[at];
    const members = nodes.filter((n) => n.namespace === namespace).map((n) => n.id);
    // A frame that would be made or dropped changes the frames' order: not proven here.
    if (frame === undefined || (members.length === 0 && !frame.declared)) return undefined;
    frames[at] = { ...frame, members };
  }
  return { ...graph, nodes, namespaces: frames };
}

/** Each key the edges reference and the input lacks, in first-reference order (not Namespaces). */
function ghostOrder(chunks: readonly (readonly GraphEdge[])[], present: ReadonlySet<string>) {
  const seen = new Set<string>();
  const order: string[] = [];
  const see = (key: string) => {
    if (present.has(key) || seen.has(key) || key.startsWith("Namespace/")) return;
    seen.add(key);
    order.push(key);
  };
  forEachEdge(chunks, (edge) => {
    see(edge.source);
    see(edge.target);
  });
  return order;
}
