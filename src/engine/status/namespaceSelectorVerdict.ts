/**
 * A listener's `allowedRoutes.namespaces.selector` against the route's namespace, when the input
 * may not show that namespace's labels. A declared Namespace is exact. An undeclared one has, for
 * certain, only `kubernetes.io/metadata.name` (the API server sets it): a verdict that label alone
 * decides is a fact; any other verdict depends on labels the input cannot show. There the world
 * decides (resolve/world.ts): `closed` keeps the verdict against the name label alone; `auto` (no
 * Namespace object in the input) and `open` assume the namespace is labeled as the listener
 * selects, since the route's author meant to attach. A NotIn or DoesNotExist on an unknown label
 * is read the same way: the label is assumed to be as the listener intends.
 */
import type { LabelSelector } from "../api/spec";
import { NAMESPACE_NAME_LABEL, namespaceInfo, type ResourceIndex } from "../resolve/indexResources";
import { matchLabelSelector, printSelector } from "../resolve/matchLabelSelector";
import { asArray, asRecords, asString, asStringMap } from "../resolve/read";
import { lookupObject } from "../resolve/world";
import type { ListenerState } from "./listenerState";
import type { AssumptionNote } from "./statusContext";

export interface NamespaceSelectorVerdict {
  pass: boolean;
  /** The selector, printed, and whether (or why not) it matches. */
  detail: string;
  /** Set when the pass rests on assumed labels: what to record (recordAssumption). */
  assumption?: AssumptionNote;
}

const OPERATORS: ReadonlySet<string> = new Set(["In", "NotIn", "Exists", "DoesNotExist"]);

export function namespaceSelectorVerdict(
  index: ResourceIndex,
  l: ListenerState,
  selector: Record<string, unknown>,
  routeNs: string,
): NamespaceSelectorVerdict {
  const printed = printSelector(selector);
  const exact = (): NamespaceSelectorVerdict => {
    const outcome = matchLabelSelector(
      selector as LabelSelector,
      namespaceInfo(index, routeNs).labels,
    );
    return {
      pass: outcome.matches,
      detail: `(${printed}); route is in ${routeNs}${outcome.matches ? ", which matches" : `, which does not match: ${outcome.reason}`}`,
    };
  };
  if (index.namespaces.get(routeNs)?.declared === true) return exact();
  const found = lookupObject(index, "Namespace", undefined, routeNs);
  if (found.state !== "assumed") return exact();
  // Only what the name label decides is known: a failing requirement on it, or a selector on
  // nothing else, is a fact; so is a malformed requirement, which matches no labels at all.
  const byName = nameLabelPart(selector);
  if (byName.others === 0 || byName.malformed) return exact();
  const known = matchLabelSelector(byName.selector, namespaceInfo(index, routeNs).labels);
  if (!known.matches) return exact();
  const owner = `${l.owner.kind} ${l.owner.namespace ?? ""}/${l.owner.name}`;
  return {
    pass: true,
    detail: `(${printed}); route is in ${routeNs}, assumed: the input holds no Namespace ${routeNs}, so its labels are unknown; assumed labeled as the listener selects`,
    assumption: {
      code: "assume.namespace-labels",
      kind: "Namespace",
      name: routeNs,
      why: `${found.why}, so its labels are unknown`,
      facts: [`labeled as listener ${l.name} of ${owner} selects (${printed})`],
      closedWorld: `only its ${NAMESPACE_NAME_LABEL} label counts, and routes in it are not allowed by that listener (NotAllowedByListeners)`,
    },
  };
}

/**
 * The requirements on the name label, as a selector of their own, and how many requirements are
 * on other labels or malformed (so label-independent).
 */
function nameLabelPart(selector: Record<string, unknown>): {
  selector: LabelSelector;
  others: number;
  malformed: boolean;
} {
  let others = 0;
  let malformed = false;
  const matchLabels: Record<string, string> = {};
  for (const [key, value] of Object.entries(asStringMap(selector["matchLabels"]))) {
    if (key === NAMESPACE_NAME_LABEL) matchLabels[key] = value;
    else others++;
  }
  const matchExpressions: Record<string, unknown>[] = [];
  for (const req of asRecords(selector["matchExpressions"])) {
    const operator = asString(req["operator"]) ?? "";
    const needsValues = operator === "In" || operator === "NotIn";
    const values = asArray(req["values"]).filter((v) => typeof v === "string");
    if (!OPERATORS.has(operator) || (needsValues && values.length === 0)) malformed = true;
    if (asString(req["key"]) === NAMESPACE_NAME_LABEL) matchExpressions.push(req);
    else others++;
  }
  return { selector: { matchLabels, matchExpressions }, others, malformed };
}
