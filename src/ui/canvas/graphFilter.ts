/**
 * Which canvas nodes a search or filter picks, and the neighbourhood focus mode shows. Pure
 * functions over the engine's semantic graph (no React Flow), so both rules are unit-tested.
 */
import type { GraphEdge, GraphNode, GraphStatus, SemanticGraph } from "../../engine";
import { NODE_STATUS_TEXT } from "./nodeStatusText";

export interface NodeFilter {
  /** Free text: every word must occur in the node's kind, name, namespace or status (any case). */
  text: string;
  kind?: string | undefined;
  namespace?: string | undefined;
  status?: GraphStatus | undefined;
}

export const NO_FILTER: NodeFilter = { text: "" };

export function isFilterActive(f: NodeFilter): boolean {
  return (
    f.text.trim() !== "" ||
    f.kind !== undefined ||
    f.namespace !== undefined ||
    f.status !== undefined
  );
}

/** The ids of the nodes the filter keeps (every node when it is empty). */
export function matchingNodes(graph: SemanticGraph, f: NodeFilter): Set<string> {
  const words = f.text
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => w !== "");
  const out = new Set<string>();
  for (const n of graph.nodes) {
    if (f.kind !== undefined && n.kind !== f.kind) continue;
    if (f.namespace !== undefined && (n.namespace ?? "") !== f.namespace) continue;
    if (f.status !== undefined && n.status !== f.status) continue;
    if (words.length > 0) {
      const hay = searchText(n);
      if (!words.every((w) => hay.includes(w))) continue;
    }
    out.add(n.id);
  }
  return out;
}

function searchText(n: GraphNode): string {
  return [
    n.kind,
    n.name,
    n.namespace ?? "",
    n.namespace ? `${n.namespace}/${n.name}` : "",
    n.status,
    NODE_STATUS_TEXT[n.status],
    n.reason ?? "",
  ]
    .join(" ")
    .toLowerCase();
}

/** The values the kind / namespace / status filters offer: those present in the graph. */
export function filterChoices(graph: SemanticGraph): {
  kinds: string[];
  namespaces: string[];
  statuses: GraphStatus[];
} {
  const kinds = new Set<string>();
  const namespaces = new Set<string>();
  const statuses = new Set<GraphStatus>();
  for (const n of graph.nodes) {
    kinds.add(n.kind);
    if (n.namespace !== undefined) namespaces.add(n.namespace);
    statuses.add(n.status);
  }
  const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return {
    kinds: [...kinds].sort(byText),
    namespaces: [...namespaces].sort(byText),
    statuses: [...statuses].sort(byText),
  };
}

/**
 * One object's neighbourhood: the traffic path through it (upstream to its listeners, Gateways
 * and class; downstream to its routes and backends) plus what points at it sideways (policies
 * targeting it, grants naming it). Siblings (other routes of the same Gateway) stay out.
 */
export function neighbourhood(graph: SemanticGraph, id: string): Set<string> {
  const up = new Map<string, string[]>();
  const down = new Map<string, string[]>();
  const side = new Map<string, string[]>();
  const link = (m: Map<string, string[]>, a: string, b: string) => {
    const list = m.get(a);
    if (list) list.push(b);
    else m.set(a, [b]);
  };
  for (const e of graph.edges) {
    const flow = trafficDirection(e);
    if (flow) {
      link(down, flow.from, flow.to);
      link(up, flow.to, flow.from);
    } else {
      link(side, e.source, e.target);
      link(side, e.target, e.source);
    }
  }
  const out = new Set<string>([id]);
  walk(id, up, out);
  walk(id, down, out);
  for (const s of side.get(id) ?? []) out.add(s);
  const present = new Set<string>(graph.nodes.map((n) => n.id));
  for (const k of out) if (!present.has(k)) out.delete(k);
  return out;
}

function walk(start: string, next: Map<string, string[]>, into: Set<string>): void {
  const seen = new Set<string>([start]);
  const queue = [start];
  while (queue.length > 0) {
    const at = queue.shift()!;
    for (const n of next.get(at) ?? []) {
      if (seen.has(n)) continue;
      seen.add(n);
      into.add(n);
      queue.push(n);
    }
  }
}

/** Edges in the direction traffic flows (class → Gateway → route → backend); side edges have none. */
export function trafficDirection(e: GraphEdge): { from: string; to: string } | undefined {
  switch (e.kind) {
    case "class":
    case "backend":
      return { from: e.source, to: e.target };
    case "parent":
    case "listenerSet":
      return { from: e.target, to: e.source };
    default:
      return undefined;
  }
}
