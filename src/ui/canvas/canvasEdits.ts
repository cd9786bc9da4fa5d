/**
 * What a connection drawn or an element deleted on the canvas means for the YAML, decided without
 * React or the DOM: the bindings (useConnectBinding, useDeleteBinding) only ask the questions this
 * returns and apply the intents.
 */
import type { GraphEdge, ResourceKey, RouteParentExplain, SemanticGraph } from "../../engine";
import {
  connectionToIntent,
  edgeDeleteIntent,
  planAttach,
  referrersOf,
  type CanvasIntent,
  type ConnectionLike,
} from "./canvasIntents";

export type ConnectionPlan =
  | { type: "notice"; message: string }
  | { type: "apply"; intents: CanvasIntent[] }
  | { type: "confirm"; question: string; intents: CanvasIntent[] };

export function planConnection(
  graph: SemanticGraph,
  explain: readonly RouteParentExplain[],
  c: ConnectionLike,
): ConnectionPlan {
  const result = connectionToIntent(graph, c);
  if (!result.ok) return { type: "notice", message: result.why };
  if (result.intent.type !== "attachRoute") return { type: "apply", intents: [result.intent] };
  // A route may already name this parent: write only what the API server would accept.
  const plan = planAttach(explain, result.intent);
  if (plan.type === "already") return { type: "notice", message: plan.why };
  if (plan.type === "add") return { type: "apply", intents: plan.intents };
  return { type: "confirm", question: plan.question, intents: plan.intents };
}

/** A node or edge React Flow wants to delete: only the parts the plan needs. */
export interface DeletedNode {
  id: string;
  /** Undefined for namespace frames, which are never deleted. */
  graphNode?: { ghost: boolean; kind: string; name: string };
}

export interface DeletionPlan {
  /** One question per object that other objects still reference; any "no" cancels the deletion. */
  questions: string[];
  intents: CanvasIntent[];
}

export function planDeletion(
  graph: SemanticGraph,
  nodes: readonly DeletedNode[],
  edges: readonly (GraphEdge | undefined)[],
): DeletionPlan {
  const questions: string[] = [];
  const intents: CanvasIntent[] = [];
  const removed = new Set<string>();
  const deleting = new Set(nodes.map((n) => n.id));
  for (const n of nodes) {
    if (!n.graphNode || n.graphNode.ghost) continue;
    const referrers = referrersOf(graph, n.id).filter((r) => !deleting.has(r.id));
    if (referrers.length > 0) {
      const names = referrers.map((r) => `${r.kind} ${r.name}`).join(", ");
      questions.push(
        `Delete ${n.graphNode.kind} ${n.graphNode.name}? It is referenced by ${names}; those references will dangle.`,
      );
    }
    intents.push({ type: "removeObject", key: n.id as ResourceKey });
    removed.add(n.id);
  }
  // React Flow adds the edges of a deleted node; those references stay in the YAML (and show
  // as "not in input" ghosts), so only edges deleted on their own become edits.
  const edgeIntents = edges
    .filter(
      (e): e is GraphEdge => e !== undefined && !removed.has(e.source) && !removed.has(e.target),
    )
    .map(edgeDeleteIntent)
    .filter((i): i is CanvasIntent => i !== undefined);
  return { questions, intents: dedupeIntents([...edgeIntents, ...intents]) };
}

function dedupeIntents(intents: CanvasIntent[]): CanvasIntent[] {
  const seen = new Set<string>();
  return intents.filter((i) => {
    const k = JSON.stringify(i);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
