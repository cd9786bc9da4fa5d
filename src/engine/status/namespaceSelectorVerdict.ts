/**
 * A listener's `allowedRoutes.namespaces.selector` against the route's namespace. The verdict is
 * exact from what the input shows; where it fails only for labels an undeclared namespace may well
 * carry, `auto` (no Namespace object in the input) and `open` assume the namespace is labeled as
 * the listener selects, since the route's author meant to attach (resolve/matchNamespaceSelector
 * decides when; `closed` keeps the exact verdict).
 */
import { NAMESPACE_NAME_LABEL, type ResourceIndex } from "../resolve/indexResources";
import { printSelector } from "../resolve/matchLabelSelector";
import { matchNamespaceSelector } from "../resolve/matchNamespaceSelector";
import { contradictedLabels } from "../resolve/namespaceLabelPlan";
import type { ListenerState } from "./listenerState";
import type { AssumptionNote } from "./statusContext";

export interface NamespaceSelectorVerdict {
  pass: boolean;
  /** The selector, printed, and whether (or why not) it matches. */
  detail: string;
  /** Set when the pass rests on assumed labels: what to record (recordAssumption). */
  assumption?: AssumptionNote;
}

export function namespaceSelectorVerdict(
  index: ResourceIndex,
  l: ListenerState,
  selector: Record<string, unknown>,
  routeNs: string,
): NamespaceSelectorVerdict {
  const printed = printSelector(selector);
  const { exact, assumableBecause, contradicts } = matchNamespaceSelector(index, selector, routeNs);
  if (contradicts !== undefined)
    return {
      pass: false,
      detail: `(${printed}); route is in ${routeNs}, which the input does not declare: ${contradictedLabels(routeNs, contradicts)}`,
    };
  if (assumableBecause === undefined)
    return {
      pass: exact.matches,
      detail: `(${printed}); route is in ${routeNs}${exact.matches ? ", which matches" : `, which does not match: ${exact.reason}`}`,
    };
  const owner = `${l.owner.kind} ${l.owner.namespace ?? ""}/${l.owner.name}`;
  return {
    pass: true,
    detail: `(${printed}); route is in ${routeNs}, assumed: the input holds no Namespace ${routeNs}, so its labels are unknown; assumed labeled as the listener selects`,
    assumption: {
      code: "assume.namespace-labels",
      kind: "Namespace",
      name: routeNs,
      why: assumableBecause,
      facts: [`labeled as listener ${l.name} of ${owner} selects (${printed})`],
      closedWorld: `only its ${NAMESPACE_NAME_LABEL} label counts, and routes in it are not allowed by that listener (NotAllowedByListeners)`,
    },
  };
}
