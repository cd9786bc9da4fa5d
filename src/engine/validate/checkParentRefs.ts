/**
 * CEL rules on `spec.parentRefs` (routes) and `spec.targetRefs` (BackendTLSPolicy): two references
 * to the same parent must each name a distinct sectionName. As in the standard-channel CRD, `port`
 * plays no part; the experimental-channel CRD compares port too ("sectionName or port must be
 * unique"), so two references that differ only by port (a GAMMA route binding two ports of one
 * Service) are refused on one channel and admitted on the other, and the message says so.
 */
import { GATEWAY_GROUP } from "../api/kinds";
import { needEngineModule } from "../modules/engineModules";
import { asArray, isObject, type ValidationIssue } from "./validationIssue";

export interface RefDefaults {
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
      // The words are on demand (sectionNameWords.ts, part of the diagnostic words): only a
      // clash asks for them, and it raises a diagnostic right away.
      if ((ref.sectionName === "") !== (other.sectionName === "")) {
        issues.push(needEngineModule("diagnosticWords").sectionNameMissing(defaults, i, j, ref));
        return;
      }
      if (ref.sectionName === other.sectionName) {
        issues.push(
          needEngineModule("diagnosticWords").sectionNameRepeated(defaults, i, j, ref, other),
        );
        return;
      }
    }
  });
  return issues;
}

/** One reference as the rule compares it, and how a message names its parent. */
export interface SectionRef {
  parent: string;
  sectionName: string;
  port: number | undefined;
  display: string;
}

function identify(raw: Record<string, unknown>, defaults: RefDefaults): SectionRef {
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
