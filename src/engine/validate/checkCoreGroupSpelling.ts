/**
 * `group: core` in a typed reference. The core API group's name is the empty string: the spec
 * says a parentRef to a Service must set `group: ""`, and a backendRef, targetRef or
 * certificateRef leaves it empty. Linkerd's documentation writes `group: core` throughout, and
 * Linkerd accepts it, so the spelling spreads; a controller that follows the spec reads "core" as
 * an unknown group (no parent, InvalidKind, a ReferenceGrant that allows nothing). The API server
 * stores it (the group pattern admits it), so this is a warning at the value, not an error.
 *
 * Only the reference fields of the Gateway API kinds are read (no walk over the whole spec).
 * This runs for every route of a workspace and nearly always finds nothing: a reference's path
 * is built only when it is reported (a path per reference was the largest allocation of
 * validation), and the lists are walked by index.
 */
import { isObject, printPath, type ValidationIssue } from "./validationIssue";
import type { FieldPath } from "../types";
import { needEngineModule } from "../modules/engineModules";

// The lists read for every object, their paths made once: report() copies a path before adding to it.
const PARENT_REFS_PATH: FieldPath = ["spec", "parentRefs"];
const TARGET_REFS_PATH: FieldPath = ["spec", "targetRefs"];
const FROM_PATH: FieldPath = ["spec", "from"];
const TO_PATH: FieldPath = ["spec", "to"];
const CA_CERTIFICATE_REFS_PATH: FieldPath = ["spec", "validation", "caCertificateRefs"];

export function checkCoreGroupSpelling(
  kind: string,
  spec: Record<string, unknown>,
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  checkList(spec["parentRefs"], PARENT_REFS_PATH, issues, kind);
  checkList(spec["targetRefs"], TARGET_REFS_PATH, issues, kind);
  if (kind === "ReferenceGrant") {
    checkList(spec["from"], FROM_PATH, issues, kind);
    checkList(spec["to"], TO_PATH, issues, kind);
  }
  const rules = spec["rules"];
  if (Array.isArray(rules)) {
    for (let r = 0; r < rules.length; r++) {
      const rule: unknown = rules[r];
      if (!isObject(rule)) continue;
      const backendRefs = rule["backendRefs"];
      if (anyCoreSpelling(backendRefs))
        checkList(backendRefs, ["spec", "rules", r, "backendRefs"], issues, kind);
      const filters = rule["filters"];
      if (!Array.isArray(filters)) continue;
      for (let f = 0; f < filters.length; f++) {
        const filter: unknown = filters[f];
        const mirror = isObject(filter) ? filter["requestMirror"] : undefined;
        if (isObject(mirror) && isCoreSpelling(mirror["backendRef"]))
          report(["spec", "rules", r, "filters", f, "requestMirror", "backendRef"], issues, kind);
      }
    }
  }
  const listeners = spec["listeners"];
  if (Array.isArray(listeners)) {
    for (let l = 0; l < listeners.length; l++) {
      const listener: unknown = listeners[l];
      const tls = isObject(listener) ? listener["tls"] : undefined;
      const certificateRefs = isObject(tls) ? tls["certificateRefs"] : undefined;
      if (anyCoreSpelling(certificateRefs))
        checkList(
          certificateRefs,
          ["spec", "listeners", l, "tls", "certificateRefs"],
          issues,
          kind,
        );
    }
  }
  const validation = spec["validation"];
  if (isObject(validation))
    checkList(validation["caCertificateRefs"], CA_CERTIFICATE_REFS_PATH, issues, kind);
  return issues;
}

function isCoreSpelling(ref: unknown): boolean {
  return isObject(ref) && ref["group"] === "core";
}

/** Whether `value` is a list holding a reference that spells the group "core". */
function anyCoreSpelling(value: unknown): boolean {
  if (!Array.isArray(value)) return false;
  for (let i = 0; i < value.length; i++) if (isCoreSpelling(value[i])) return true;
  return false;
}

/** Each reference of the list at `path` (when it is a list) that spells the group "core". */
function checkList(value: unknown, path: FieldPath, issues: ValidationIssue[], kind: string): void {
  if (!Array.isArray(value)) return;
  for (let i = 0; i < value.length; i++)
    if (isCoreSpelling(value[i])) report([...path, i], issues, kind);
}

function report(refPath: FieldPath, issues: ValidationIssue[], kind: string): void {
  const at = [...refPath, "group"];
  issues.push({
    code: "ref.core-group-spelling",
    path: at,
    message: needEngineModule("diagnosticWords").coreGroupSpellingMessage(
      printPath(at),
      kind,
      refPath,
      isParentRef(refPath),
    ),
  });
}

function isParentRef(path: FieldPath): boolean {
  return path[1] === "parentRefs";
}
