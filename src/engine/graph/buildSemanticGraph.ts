/**
 * The designer's picture of the input: one node per drawn object, edges for every reference
 * (class → gateway, route → listener, route → backend, policy → target, grant → namespace) with
 * the engine's verdict on each, and namespaces as frames. Everything is read from the analysis;
 * attachment and reference rules live in status/ and are never re-decided here.
 */
import { resourceKey } from "../api/keys";
import { isRouteKind } from "../api/kinds";
import { buildGraphEdges, type MissingTarget } from "./buildGraphEdges";
import { buildGraphNodes } from "./buildGraphNodes";
import type { Diagnostic } from "../types";
import type { SemanticGraphInput } from "./semanticGraphInput";
import type { AssumedObject } from "../resolve/world";
import type {
  GraphEdge,
  GraphNamespaceGroup,
  GraphNode,
  GraphNodeCategory,
  SemanticGraph,
} from "./types";

export type { SemanticGraphInput } from "./semanticGraphInput";

export function buildSemanticGraph(input: SemanticGraphInput): SemanticGraph {
  const nodes = markObjectErrors(buildGraphNodes(input), input.diagnostics ?? []);
  const { edges, missing } = buildGraphEdges(input);
  // Filled in a loop: a list of every node's id only to build the set was one more copy.
  const drawn = new Set<string>();
  for (let i = 0; i < nodes.length; i++) drawn.add((nodes[i] as GraphNode).id);
  const assumed = new Map((input.assumptions ?? []).map((a) => [a.key as string, a]));
  for (const m of missing) {
    if (m.kind === "Namespace" || drawn.has(m.key)) continue;
    const assumption = assumed.get(m.key);
    nodes.push(assumption ? assumedNode(m, assumption) : ghostNode(m));
    drawn.add(m.key);
  }
  const namespaces = buildNamespaceGroups(input, nodes, edges);
  // Edges may only end at drawn nodes or namespace frames; anything else would dangle.
  const frames = new Set<string>(namespaces.map((g) => g.id));
  const ends = (e: GraphEdge): boolean =>
    drawn.has(e.source) && (drawn.has(e.target) || frames.has(e.target));
  // Nearly always every edge ends somewhere: the list is copied only when one does not.
  return { nodes, edges: edges.every(ends) ? edges : edges.filter(ends), namespaces };
}

/**
 * An object with an error diagnostic (a schema rule the API server would enforce, a field it would
 * reject) cannot be OK, whatever its conditions say: a real cluster would not even store it. Such
 * a node is drawn as an error with the first diagnostic's code and message.
 */
export function markObjectErrors(
  nodes: GraphNode[],
  diagnostics: readonly Diagnostic[],
): GraphNode[] {
  const firstError = new Map<string, Diagnostic>();
  for (const d of diagnostics) {
    if (d.severity !== "error" || d.object === undefined) continue;
    const key = resourceKey(d.object.kind, d.object.namespace, d.object.name);
    if (!firstError.has(key)) firstError.set(key, d);
  }
  if (firstError.size === 0) return nodes;
  return nodes.map((n) => {
    const d = firstError.get(n.id);
    if (d === undefined || n.status === "error") return n;
    return {
      ...n,
      status: "error",
      reason: d.code,
      message: `${d.message}${d.hint ? ` ${d.hint}` : ""}`,
    };
  });
}

/** Exported for the incremental pass, which draws a new ghost the same way (ghostNodes.ts). */
export function ghostNode(m: MissingTarget): GraphNode {
  const category = categoryOfKind(m.kind);
  const details: GraphNode["details"] =
    category === "gateway"
      ? { category, className: "", listeners: [] }
      : category === "route"
        ? { category, hostnames: [], ruleCount: 0, parents: [] }
        : category === "class"
          ? { category }
          : { category: "backend", ports: [] };
  return {
    id: m.key,
    kind: m.kind,
    category: details.category,
    name: m.name,
    ...(m.namespace === undefined ? {} : { namespace: m.namespace }),
    status: "missing",
    reason: "NotInInput",
    message: `${m.kind} ${m.namespace ? `${m.namespace}/` : ""}${m.name} is referenced but not in the input`,
    ghost: true,
    details,
  };
}

/** A ghost the world assumes exists: ok (a Gateway's acceptance is unknown), with why. */
function assumedNode(m: MissingTarget, a: AssumedObject): GraphNode {
  const facts = a.facts.length > 0 ? ` (${a.facts.join(", ")})` : "";
  return {
    ...ghostNode(m),
    status: m.kind === "Gateway" ? "unknown" : "ok",
    reason: "Assumed",
    message: `${m.kind} ${m.namespace ? `${m.namespace}/` : ""}${m.name} is not in the workspace; assumed to exist${facts} because ${a.why}`,
    assumed: true,
  };
}

function categoryOfKind(kind: string): GraphNodeCategory {
  if (kind === "GatewayClass" || kind === "IngressClass") return "class";
  if (kind === "Gateway") return "gateway";
  if (isRouteKind(kind)) return "route";
  return "backend";
}

function buildNamespaceGroups(
  input: SemanticGraphInput,
  nodes: GraphNode[],
  edges: readonly GraphEdge[],
): GraphNamespaceGroup[] {
  const groups = new Map<string, GraphNamespaceGroup>();
  const group = (namespace: string): GraphNamespaceGroup => {
    let g = groups.get(namespace);
    if (!g) {
      g = {
        id: resourceKey("Namespace", undefined, namespace),
        namespace,
        declared: false,
        members: [],
      };
      groups.set(namespace, g);
    }
    return g;
  };
  // Indexed loops: tens of thousands of nodes and edges, and an iterator result per item showed
  // in allocation profiles.
  for (let i = 0; i < input.objects.length; i++) {
    const o = input.objects[i];
    if (o !== undefined && o.kind === "Namespace") group(o.name).declared = true;
  }
  for (let i = 0; i < nodes.length; i++) {
    const n = nodes[i];
    if (n?.namespace !== undefined) group(n.namespace).members.push(n.id);
  }
  // A grant may admit a namespace that holds nothing else: give it an empty frame to point at.
  for (let i = 0; i < edges.length; i++) {
    const t = edges[i]?.target;
    if (t?.startsWith("Namespace//")) group(t.slice("Namespace//".length));
  }
  return [...groups.values()].sort((a, b) => a.namespace.localeCompare(b.namespace));
}
