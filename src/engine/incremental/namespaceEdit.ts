/**
 * A Namespace edited in place (a label or an annotation typed): when nothing in the input selects
 * namespaces by label, the edit reaches only the Namespace itself (its object summary, its own
 * findings), and every status, route, table entry, lint finding and graph node of revision n stands.
 *
 * Who reads a Namespace in the pipeline, and what:
 * - its labels: a listener's `allowedRoutes.namespaces.selector` and a Gateway's
 *   `allowedListeners.namespaces.selector` (checkListenerAdmission, buildGatewayListeners), and the
 *   plan of labels the world assumes for undeclared namespaces (namespaceLabelPlan). All three read
 *   only the selector sites namespaceLabelPlan lists: with none, no label is read.
 * - its name: the world's namespaces present and the graph's declared frames. An in-place edit
 *   keeps the name (its key).
 * - its status: drift compares it. The proof asks for none, before and after.
 * The isolation lens and the fix-its read the index's namespaces later: the index is patched.
 */
import { declaredNamespace, listKind, type ResourceIndex } from "../resolve/indexResources";
import { namespaceLabelPlan } from "../resolve/namespaceLabelPlan";
import type { Manifest } from "../types";

/** Why the edit of Namespace `before` into `after` may change what another object reads. */
export function namespaceEditReach(
  index: ResourceIndex,
  before: Manifest,
  after: Manifest,
): string | undefined {
  if (before.body["status"] !== undefined || after.body["status"] !== undefined)
    return "the Namespace carries a written status (drift compares it)";
  if (listKind(index, "Namespace").filter((m) => m.name === before.name).length !== 1)
    return "the Namespace is declared twice";
  // Selector sites live in Gateways and ListenerSets, which the edit left as they were.
  if (namespaceLabelPlan(index).sites.length > 0)
    return "a listener or Gateway selects namespaces by label";
  return undefined;
}

/** The index's namespaces with each edited Namespace's labels read anew (as indexResources does). */
export function withNamespacesReplaced(
  index: ResourceIndex,
  edited: readonly Manifest[],
): ResourceIndex["namespaces"] {
  if (edited.length === 0) return index.namespaces;
  const namespaces = new Map(index.namespaces);
  for (const m of edited) namespaces.set(m.name, declaredNamespace(m));
  return namespaces;
}
