/**
 * CEL rules on `spec.parentRefs` (routes) and `spec.targetRefs` (BackendTLSPolicy): two references
 * to the same parent must each name a distinct sectionName. As in the standard-channel CRD, `port`
 * plays no part; the experimental-channel CRD compares port too ("sectionName or port must be
 * unique"), so two references that differ only by port (a GAMMA route binding two ports of one
 * Service) are refused on one channel and admitted on the other, and the message says so.
 */
import { GATEWAY_GROUP } from "../api/kinds";
import { asArray, isObject, printPath, type ValidationIssue } from "./validationIssue";

interface RefDefaults {
  field: "parentRefs" | "targetRefs";
  group: string;
  kind: string;
  noun: "parent" | "target";
}

export const PARENT_REFS: RefDefaults = {
  field: "parentRefs",
  group: GATEWAY_GROUP,
  kind: "Gateway",
  noun: "parent",
};
export const TARGET_REFS: RefDefaults = {
  field: "targetRefs",
  group: "",
  kind: "",
  noun: "target",
};

export function checkSectionNames(
  spec: Record<string, unknown>,
  defaults: RefDefaults,
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const list = asArray(spec[defaults.field]);
  // A rule about two references: one reference (nearly every route) has nothing to compare.
  if (list.length < 2) return issues;
  const refs = list.map((raw) => (isObject(raw) ? identify(raw, defaults) : undefined));
  refs.forEach((ref, i) => {
    if (!ref) return;
    for (let j = 0; j < i; j++) {
      const other = refs[j];
      if (!other || other.parent !== ref.parent) continue;
      const path = ["spec", defaults.field, i];
      if ((ref.sectionName === "") !== (other.sectionName === "")) {
        issues.push({
          code: "schema.rule",
          path: [...path, "sectionName"],
          message: `${printPath(path)}: sectionName must be specified when ${defaults.field} includes 2 or more references to the same ${defaults.noun} (${ref.display} is also spec.${defaults.field}[${j}]).`,
          hint: `Give every reference to ${ref.display} a sectionName, or keep just one reference without it.`,
        });
        return;
      }
      if (ref.sectionName === other.sectionName) {
        const portsDiffer =
          defaults.field === "parentRefs" &&
          ref.port !== undefined &&
          other.port !== undefined &&
          ref.port !== other.port;
        issues.push({
          code: "schema.rule",
          path: ref.sectionName ? [...path, "sectionName"] : path,
          message: `${printPath(path)}: sectionName must be unique when ${defaults.field} includes 2 or more references to the same ${defaults.noun}; ${ref.display}${ref.sectionName ? ` section "${ref.sectionName}"` : ""} repeats spec.${defaults.field}[${j}].${portsDiffer ? ` The standard-channel CRDs refuse the route; the experimental-channel CRDs, which also compare port (${other.port} and ${ref.port} here), admit it.` : ""}`,
          hint: portsDiffer
            ? "Give each reference a sectionName, the listener's name or the Service port's name, instead of a port; or remove the duplicate."
            : "Remove the duplicate reference (a different port does not make it distinct).",
        });
        return;
      }
    }
  });
  return issues;
}

function identify(
  raw: Record<string, unknown>,
  defaults: RefDefaults,
): { parent: string; sectionName: string; port: number | undefined; display: string } {
  const text = (v: unknown, fallback: string): string => (typeof v === "string" ? v : fallback);
  const group = text(raw.group, defaults.group);
  const kind = text(raw.kind, defaults.kind);
  const namespace = text(raw.namespace, "");
  const name = text(raw.name, "");
  return {
    parent: JSON.stringify([group, kind, namespace, name]),
    sectionName: text(raw.sectionName, ""),
    // An unset port and port 0 are the same to the CRD rule.
    port: typeof raw.port === "number" && raw.port !== 0 ? raw.port : undefined,
    display: `${kind || "object"} ${namespace ? `${namespace}/` : ""}${name}`,
  };
}
