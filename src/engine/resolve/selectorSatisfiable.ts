/**
 * Whether some labels could satisfy a namespace selector, given the labels known for sure (an
 * undeclared namespace's `kubernetes.io/metadata.name`). Shared by matchNamespaceSelector (one
 * selector) and namespaceLabelPlan (several selectors that must all hold for one namespace).
 */
import type { LabelSelector } from "../api/spec";
import { NAMESPACE_NAME_LABEL } from "./indexResources";
import { isMalformedRequirement, matchLabelSelector } from "./matchLabelSelector";
import { asArray, asRecords, asString, asStringMap } from "./read";

/** What the requirements on one label allow. */
interface KeyConstraint {
  /** The allowed values (intersection of matchLabels and every In); undefined: any value. */
  oneOf?: Set<string>;
  excluded: Set<string>;
  mustExist: boolean;
  mustBeAbsent: boolean;
}

/**
 * Could some labels on the keys other than the name label satisfy the selector, given that the
 * known (name) label is as it is? False for a malformed requirement (it matches nothing), a failed
 * name-label requirement (a fact), or contradicting requirements on one key.
 */
export function otherLabelsCouldMatch(
  selector: Record<string, unknown>,
  known: Record<string, string>,
): boolean {
  const constraints = new Map<string, KeyConstraint>();
  const on = (key: string): KeyConstraint => {
    let c = constraints.get(key);
    if (c === undefined) {
      c = { excluded: new Set(), mustExist: false, mustBeAbsent: false };
      constraints.set(key, c);
    }
    return c;
  };
  const restrict = (c: KeyConstraint, values: readonly string[]) => {
    const allowed = new Set(values);
    c.oneOf = c.oneOf === undefined ? allowed : new Set([...c.oneOf].filter((v) => allowed.has(v)));
    c.mustExist = true;
  };
  let nameRequirements = false;
  for (const [key, value] of Object.entries(asStringMap(selector["matchLabels"]))) {
    if (key === NAMESPACE_NAME_LABEL) nameRequirements = true;
    else restrict(on(key), [value]);
  }
  for (const req of asRecords(selector["matchExpressions"])) {
    const key = asString(req["key"]) ?? "";
    const operator = asString(req["operator"]) ?? "";
    const values = asArray(req["values"]).filter((v): v is string => typeof v === "string");
    if (isMalformedRequirement(operator, values.length)) return false;
    if (key === NAMESPACE_NAME_LABEL) {
      nameRequirements = true;
      continue;
    }
    const c = on(key);
    if (operator === "In") restrict(c, values);
    else if (operator === "NotIn") for (const v of values) c.excluded.add(v);
    else if (operator === "Exists") c.mustExist = true;
    else c.mustBeAbsent = true;
  }
  if (nameRequirements && !matchLabelSelector(nameLabelPart(selector), known).matches) return false;
  for (const c of constraints.values()) {
    if (c.mustBeAbsent) {
      if (c.mustExist) return false;
      continue;
    }
    if (c.oneOf !== undefined && ![...c.oneOf].some((v) => !c.excluded.has(v))) return false;
  }
  return true;
}

function nameLabelPart(selector: Record<string, unknown>): LabelSelector {
  const matchLabels: Record<string, string> = {};
  const labels = asStringMap(selector["matchLabels"]);
  if (Object.hasOwn(labels, NAMESPACE_NAME_LABEL))
    matchLabels[NAMESPACE_NAME_LABEL] = labels[NAMESPACE_NAME_LABEL] ?? "";
  const matchExpressions = asRecords(selector["matchExpressions"]).filter(
    (req) => asString(req["key"]) === NAMESPACE_NAME_LABEL,
  ) as NonNullable<LabelSelector["matchExpressions"]>;
  return { matchLabels, matchExpressions };
}

/**
 * One selector whose requirements are all of the given selectors' (matchLabels become `In`
 * requirements), so otherLabelsCouldMatch answers whether they can all hold at once.
 */
export function conjoinSelectors(selectors: readonly Record<string, unknown>[]): LabelSelector {
  const matchExpressions: NonNullable<LabelSelector["matchExpressions"]> = [];
  for (const selector of selectors) {
    for (const [key, value] of Object.entries(asStringMap(selector["matchLabels"])))
      matchExpressions.push({ key, operator: "In", values: [value] });
    for (const req of asRecords(selector["matchExpressions"]))
      matchExpressions.push(req as NonNullable<LabelSelector["matchExpressions"]>[number]);
  }
  return { matchExpressions };
}
