/**
 * metav1.LabelSelector evaluation: matchLabels AND every matchExpression; an empty selector
 * matches everything. A malformed requirement (unknown operator, In/NotIn without values,
 * Exists/DoesNotExist with values) matches nothing: the Gateway CRDs store it, but the selector
 * parser every Go controller calls (apimachinery's LabelSelectorAsSelector) refuses it, so no
 * namespace is selected (Envoy Gateway's testdata: "values set must be empty for exists and does
 * not exist").
 */
import type { LabelSelector } from "../api/spec";
import { asArray, asRecord, asRecords, asString, asStringMap } from "./read";

export interface SelectorOutcome {
  matches: boolean;
  /** Why it does or does not match, naming the requirement that decided. */
  reason: string;
}

export function matchLabelSelector(
  selector: LabelSelector | undefined,
  labels: Record<string, string>,
): SelectorOutcome {
  const raw = asRecord(selector) ?? {};
  for (const [key, value] of Object.entries(asStringMap(raw["matchLabels"]))) {
    if (labels[key] !== value) {
      const actual = labels[key] === undefined ? "no such label" : `${key}=${labels[key]}`;
      return { matches: false, reason: `requires ${key}=${value}, has ${actual}` };
    }
  }
  for (const req of asRecords(raw["matchExpressions"])) {
    const outcome = matchRequirement(req, labels);
    if (!outcome.matches) return outcome;
  }
  return { matches: true, reason: `labels ${printLabels(labels)} match ${printSelector(raw)}` };
}

function matchRequirement(
  req: Record<string, unknown>,
  labels: Record<string, string>,
): SelectorOutcome {
  const key = asString(req["key"]) ?? "";
  const operator = asString(req["operator"]) ?? "";
  const values = asArray(req["values"]).filter((v): v is string => typeof v === "string");
  const has = Object.prototype.hasOwnProperty.call(labels, key);
  const value = labels[key];
  switch (operator) {
    case "In":
      if (values.length === 0)
        return { matches: false, reason: `${key} In needs at least one value` };
      return has && values.includes(value ?? "")
        ? { matches: true, reason: "" }
        : {
            matches: false,
            reason: `requires ${key} in (${values.join(", ")}), has ${has ? `${key}=${value}` : "no such label"}`,
          };
    case "NotIn":
      if (values.length === 0)
        return { matches: false, reason: `${key} NotIn needs at least one value` };
      return has && values.includes(value ?? "")
        ? {
            matches: false,
            reason: `requires ${key} not in (${values.join(", ")}), has ${key}=${value}`,
          }
        : { matches: true, reason: "" };
    case "Exists":
      if (values.length > 0) return { matches: false, reason: malformedValues(key, operator) };
      return has
        ? { matches: true, reason: "" }
        : { matches: false, reason: `requires label ${key} to exist` };
    case "DoesNotExist":
      if (values.length > 0) return { matches: false, reason: malformedValues(key, operator) };
      return has
        ? { matches: false, reason: `requires label ${key} to be absent, has ${key}=${value}` }
        : { matches: true, reason: "" };
    default:
      return { matches: false, reason: `unknown selector operator "${operator}"` };
  }
}

function malformedValues(key: string, operator: string): string {
  return `${key} ${operator} takes no values (a selector parser refuses it, so it selects nothing)`;
}

/** True for a requirement no selector parser accepts: it matches nothing. */
export function isMalformedRequirement(operator: string, valueCount: number): boolean {
  if (operator === "In" || operator === "NotIn") return valueCount === 0;
  if (operator === "Exists" || operator === "DoesNotExist") return valueCount > 0;
  return true;
}

export function printLabels(labels: Record<string, string>): string {
  const entries = Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return entries.length ? `{${entries.map(([k, v]) => `${k}=${v}`).join(", ")}}` : "{}";
}

export function printSelector(selector: Record<string, unknown>): string {
  const parts = Object.entries(asStringMap(selector["matchLabels"])).map(([k, v]) => `${k}=${v}`);
  for (const req of asRecords(selector["matchExpressions"])) {
    const values = asArray(req["values"]).filter((v): v is string => typeof v === "string");
    const op = asString(req["operator"]) ?? "?";
    parts.push(
      values.length
        ? `${asString(req["key"]) ?? "?"} ${op} (${values.join(", ")})`
        : `${asString(req["key"]) ?? "?"} ${op}`,
    );
  }
  return parts.length ? parts.join(", ") : "{} (everything)";
}
