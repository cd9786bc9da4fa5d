/**
 * The semantic graph: what the designer canvas draws, as plain data. Nodes and edges carry their
 * status and the reason behind it, never positions (layout/ computes those) and nothing of React
 * (ui/canvas/toFlowElements is the only place that knows React Flow's shapes).
 */
import type { ResourceKey } from "../api/keys";

/** ok: accepted/valid; warning: partly working; error: rejected/invalid; missing: referenced, not in input. */
export type GraphStatus = "ok" | "warning" | "error" | "unknown" | "missing";

/** Which column of the left→right picture a node belongs to. */
export type GraphNodeCategory =
  "class" | "gateway" | "listenerSet" | "route" | "backend" | "grant" | "policy" | "other";

export interface GraphListenerRow {
  name: string;
  protocol: string;
  port: number;
  hostname?: string;
  attachedRoutes: number;
  /** Accepted and not conflicted: the listener serves traffic. */
  ready: boolean;
  conflicted: boolean;
  /** The reason of the first failing condition (or of Conflicted=True), when not ready. */
  reason?: string;
  message?: string;
}

export interface GraphRouteParent {
  parentRefIndex: number;
  /** "namespace/name" (and "/sectionName") as the parentRef names it. */
  label: string;
  accepted: boolean;
  reason: string;
}

export interface GraphServicePort {
  name?: string;
  port: number;
  protocol?: string;
}

export interface GraphOtherItem {
  key: ResourceKey;
  kind: string;
  name: string;
}

export type GraphNodeDetails =
  | { category: "class"; controllerName?: string }
  | { category: "gateway"; className: string; listeners: GraphListenerRow[] }
  | { category: "listenerSet"; gateway?: ResourceKey; listeners: GraphListenerRow[] }
  | { category: "route"; hostnames: string[]; ruleCount: number; parents: GraphRouteParent[] }
  | { category: "backend"; ports: GraphServicePort[] }
  | { category: "grant"; from: string[]; to: string[] }
  | { category: "policy"; targets: string[] }
  | { category: "other"; items: GraphOtherItem[] };

export interface GraphNode {
  /** The object's ResourceKey; for the grouped "other objects" node, a synthetic key per namespace. */
  id: ResourceKey;
  kind: string;
  category: GraphNodeCategory;
  name: string;
  namespace?: string;
  status: GraphStatus;
  /** The reason behind a non-ok status (a condition reason such as NotAllowedByListeners). */
  reason?: string;
  message?: string;
  /** True for objects referenced by the input but absent from it ("not in input" ghosts). */
  ghost: boolean;
  /** Set on ghosts the world assumes exist (resolve/world.ts): drawn with an "assumed" badge. */
  assumed?: true;
  details: GraphNodeDetails;
}

/** `mirror`: a RequestMirror filter's backend, which receives a copy of the requests (responses are dropped). */
export type GraphEdgeKind =
  "class" | "parent" | "backend" | "mirror" | "grant" | "policy" | "listenerSet";

export interface GraphEdge {
  id: string;
  kind: GraphEdgeKind;
  source: ResourceKey;
  target: ResourceKey;
  /** The listener row on the target node the edge ends at (route → listener). */
  targetListener?: string;
  status: GraphStatus;
  reason?: string;
  message?: string;
  /** Short text drawn on the edge (weight percentage, reason, grant scope). */
  label?: string;
  /** For parent edges: which parentRef of the route produced the edge. */
  parentRefIndex?: number;
  /** For mirror edges: the RequestMirror filter's index in its list (the rule's, or backendRefIndex's when set). */
  filterIndex?: number;
  /** For backend edges: where the backendRef sits in the route, for edits. */
  ruleIndex?: number;
  backendRefIndex?: number;
  weight?: number;
  /** The weight as a percentage of its rule's total weight (0 when the rule's total is 0). */
  weightPercent?: number;
}

/** A namespace drawn as a frame around its member nodes. */
export interface GraphNamespaceGroup {
  /** Always the Namespace's ResourceKey ("Namespace//team-a"), so edges can target the frame. */
  id: ResourceKey;
  namespace: string;
  /** True when the input holds the Namespace object itself. */
  declared: boolean;
  members: ResourceKey[];
}

export interface SemanticGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  namespaces: GraphNamespaceGroup[];
}
