/**
 * A namespace selector (a listener's allowedRoutes, a Gateway's allowedListeners, a NetworkPolicy
 * peer) against one namespace, when the input may not show that namespace's labels. Every place
 * that reads a namespace selector goes through here, so they all assume the same way.
 *
 * The verdict is first computed exactly from what is known: a declared Namespace's labels, or,
 * for an undeclared one, only `kubernetes.io/metadata.name` (the API server sets it). A match is
 * then a fact (a NotIn or DoesNotExist on a label the namespace lacks already matches). Only a
 * failed match may be assumed away, and only when all of these hold: the world assumes the
 * Namespace (lookupObject: `auto` with no Namespace object in the input, or `open`); every
 * requirement is well-formed; the requirements on the name label pass; and some labels could
 * satisfy the rest (no `env In (a)` with `env NotIn (a)`). `closed` keeps the exact verdict.
 */
import type { LabelSelector } from "../api/spec";
import { NAMESPACE_NAME_LABEL, namespaceInfo, type ResourceIndex } from "./indexResources";
import { matchLabelSelector, type SelectorOutcome } from "./matchLabelSelector";
import { asArray, asRecords, asString, asStringMap } from "./read";
import { lookupObject } from "./world";

export interface NamespaceSelectorMatch {
  /** The exact outcome against the labels the input shows. */
  exact: SelectorOutcome;
  /**
   * Set when the exact outcome is "no match" only for labels the input cannot show and the world
   * assumes them: why the labels are unknown (lookupObject's reason), to record as an assumption.
   */
  assumableBecause?: string;
}

export function matchNamespaceSelector(
  index: ResourceIndex,
  selector: Record<string, unknown>,
  namespace: string,
): NamespaceSelectorMatch {
  const info = namespaceInfo(index, namespace);
  const exact = matchLabelSelector(selector as LabelSelector, info.labels);
  if (exact.matches || info.declared) return { exact };
  const found = lookupObject(index, "Namespace", undefined, namespace);
  if (found.state !== "assumed") return { exact };
  if (!otherLabelsCouldMatch(selector, info.labels)) return { exact };
  return { exact, assumableBecause: `${found.why}, so its labels are unknown` };
}

const OPERATORS: ReadonlySet<string> = new Set(["In", "NotIn", "Exists", "DoesNotExist"]);

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
function otherLabelsCouldMatch(
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
    if (!OPERATORS.has(operator)) return false;
    if ((operator === "In" || operator === "NotIn") && values.length === 0) return false;
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
