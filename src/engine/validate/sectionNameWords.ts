/**
 * The words of the CEL rule on two references to one parent (checkParentRefs.ts decides when it is
 * broken). An on-demand part of the diagnostic words (diagnostics/diagnosticWordsModule.ts): nearly
 * every route has one reference per parent, and only a clash asks for these.
 */
import type { RefDefaults, SectionRef } from "./checkParentRefs";
import { printPath, type ValidationIssue } from "./validationIssue";

/** Reference i and the earlier reference j name one parent; one of them has no sectionName. */
export function sectionNameMissing(
  defaults: RefDefaults,
  i: number,
  j: number,
  ref: SectionRef,
): ValidationIssue {
  const path = ["spec", defaults.field, i];
  return {
    code: "schema.rule",
    path: [...path, "sectionName"],
    message: `${printPath(path)}: sectionName must be specified when ${defaults.field} includes 2 or more references to the same ${defaults.noun} (${ref.display} is also spec.${defaults.field}[${j}]).`,
    hint: `Give every reference to ${ref.display} a sectionName, or keep just one reference without it.`,
  };
}

/** Reference i repeats the earlier reference j: one parent, one sectionName (or none). */
export function sectionNameRepeated(
  defaults: RefDefaults,
  i: number,
  j: number,
  ref: SectionRef,
  other: SectionRef,
): ValidationIssue {
  const path = ["spec", defaults.field, i];
  const portsDiffer =
    defaults.field === "parentRefs" &&
    ref.port !== undefined &&
    other.port !== undefined &&
    ref.port !== other.port;
  return {
    code: "schema.rule",
    path: ref.sectionName ? [...path, "sectionName"] : path,
    message: `${printPath(path)}: sectionName must be unique when ${defaults.field} includes 2 or more references to the same ${defaults.noun}; ${ref.display}${ref.sectionName ? ` section "${ref.sectionName}"` : ""} repeats spec.${defaults.field}[${j}].${portsDiffer ? ` The standard-channel CRDs refuse the route; the experimental-channel CRDs, which also compare port (${other.port} and ${ref.port} here), admit it.` : ""}`,
    hint: portsDiffer
      ? "Give each reference a sectionName, the listener's name or the Service port's name, instead of a port; or remove the duplicate."
      : "Remove the duplicate reference (a different port does not make it distinct).",
  };
}
