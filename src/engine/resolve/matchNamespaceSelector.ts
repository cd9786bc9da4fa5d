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
 * One namespace gets one set of assumed labels (namespaceLabelPlan): a selector that cannot hold
 * together with the ones already assumed for it is not assumed (`contradicts` says which).
 */
import type { LabelSelector } from "../api/spec";
import { namespaceInfo, type ResourceIndex } from "./indexResources";
import { matchLabelSelector, type SelectorOutcome } from "./matchLabelSelector";
import { contradictedBy, namespaceLabelPlan, type HeldSelector } from "./namespaceLabelPlan";
import { otherLabelsCouldMatch } from "./selectorSatisfiable";
import { lookupObject } from "./world";

export interface NamespaceSelectorMatch {
  /** The exact outcome against the labels the input shows. */
  exact: SelectorOutcome;
  /**
   * Set when the exact outcome is "no match" only for labels the input cannot show and the world
   * assumes them: why the labels are unknown (lookupObject's reason), to record as an assumption.
   */
  assumableBecause?: string;
  /**
   * Set instead of assumableBecause when the labels could be assumed for this selector alone but
   * contradict those already assumed for the namespace: the earlier assumption.
   */
  contradicts?: HeldSelector;
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
  const contradicts = contradictedBy(namespaceLabelPlan(index), namespace, selector, info.labels);
  if (contradicts !== undefined) return { exact, contradicts };
  return { exact, assumableBecause: `${found.why}, so its labels are unknown` };
}
