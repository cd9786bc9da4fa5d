/**
 * The CEL rules on Gateway `spec.infrastructure.labels` and `.annotations` keys (the JSON Schema
 * checks only their values): a key is an optional DNS-subdomain prefix and "/", then a name of at
 * most 63 characters; the prefix (or the whole key without one) is shorter than 253 characters.
 * Without these, gwsim admitted Gateways the API server refuses.
 */
import { compileSchemaPattern } from "../match/regex";
import { isObject, printPath, type ValidationIssue } from "./validationIssue";

// The pattern of the CRD's CEL rule, run by RE2 (linear time) like every CRD pattern.
export const KEY_PATTERN =
  "^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?([A-Za-z0-9][-A-Za-z0-9_.]{0,61})?[A-Za-z0-9]$";
const keyMatches = compileSchemaPattern(KEY_PATTERN);
/** Longer keys are refused by the length rule anyway; the regex never sees them. */
const MAX_PREFIX = 253;

export function checkInfrastructureKeys(spec: Record<string, unknown>): ValidationIssue[] {
  const infrastructure = spec.infrastructure;
  if (!isObject(infrastructure)) return [];
  const issues: ValidationIssue[] = [];
  for (const [field, noun] of [
    ["labels", "label"],
    ["annotations", "annotation"],
  ] as const) {
    const map = infrastructure[field];
    if (!isObject(map)) continue;
    for (const key of Object.keys(map)) {
      const path = ["spec", "infrastructure", field, key];
      const shown = JSON.stringify(key.length > 80 ? `${key.slice(0, 80)}…` : key);
      if ((key.split("/")[0] ?? "").length >= MAX_PREFIX) {
        issues.push({
          code: "schema.rule",
          path,
          atKey: true,
          message: `${printPath(path.slice(0, 3))}: ${shown}: If specified, the ${noun} key's prefix must be a DNS subdomain not longer than 253 characters in total.`,
        });
      } else if (keyMatches !== undefined && !keyMatches(key)) {
        issues.push({
          code: "schema.rule",
          path,
          atKey: true,
          message: `${printPath(path.slice(0, 3))}: ${shown}: ${noun === "label" ? "Label" : "Annotation"} keys must be in the form of an optional DNS subdomain prefix followed by a required name segment of up to 63 characters.`,
          hint: 'For example app.kubernetes.io/name: a lower-case DNS prefix, "/", then letters, digits, "-", "_" or "." starting and ending with a letter or digit.',
        });
      }
    }
  }
  return issues;
}
