/**
 * `group: core` in a typed reference. The core API group's name is the empty string: the spec
 * says a parentRef to a Service must set `group: ""`, and a backendRef, targetRef or
 * certificateRef leaves it empty. Linkerd's documentation writes `group: core` throughout, and
 * Linkerd accepts it, so the spelling spreads; a controller that follows the spec reads "core" as
 * an unknown group (no parent, InvalidKind, a ReferenceGrant that allows nothing). The API server
 * stores it (the group pattern admits it), so this is a warning at the value, not an error.
 *
 * Only the reference fields of the Gateway API kinds are read (no walk over the whole spec).
 */
import { asArray, isObject, printPath, type ValidationIssue } from "./validationIssue";
import type { FieldPath } from "../types";

export function checkCoreGroupSpelling(
  kind: string,
  spec: Record<string, unknown>,
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const check = (ref: unknown, path: FieldPath): void => {
    if (!isObject(ref) || ref["group"] !== "core") return;
    const at = [...path, "group"];
    issues.push({
      code: "ref.core-group-spelling",
      path: at,
      message: `${printPath(at)}: "core" is not the name of the core API group, which is "" (the empty string); a controller that follows the spec reads this as an unknown group${isParentRef(path) ? " and writes no status for this parent" : ""}. Some implementations accept it too (Linkerd, whose documentation writes it throughout).`,
    });
  };
  const list = (value: unknown, path: FieldPath): void =>
    asArray(value).forEach((ref, i) => check(ref, [...path, i]));

  list(spec["parentRefs"], ["spec", "parentRefs"]);
  list(spec["targetRefs"], ["spec", "targetRefs"]);
  if (kind === "ReferenceGrant") {
    list(spec["from"], ["spec", "from"]);
    list(spec["to"], ["spec", "to"]);
  }
  asArray(spec["rules"]).forEach((rule, r) => {
    if (!isObject(rule)) return;
    list(rule["backendRefs"], ["spec", "rules", r, "backendRefs"]);
    asArray(rule["filters"]).forEach((filter, f) => {
      const mirror = isObject(filter) ? filter["requestMirror"] : undefined;
      if (isObject(mirror))
        check(mirror["backendRef"], [
          "spec",
          "rules",
          r,
          "filters",
          f,
          "requestMirror",
          "backendRef",
        ]);
    });
  });
  asArray(spec["listeners"]).forEach((listener, l) => {
    const tls = isObject(listener) ? listener["tls"] : undefined;
    if (isObject(tls))
      list(tls["certificateRefs"], ["spec", "listeners", l, "tls", "certificateRefs"]);
  });
  const validation = spec["validation"];
  if (isObject(validation))
    list(validation["caCertificateRefs"], ["spec", "validation", "caCertificateRefs"]);
  return issues;
}

function isParentRef(path: FieldPath): boolean {
  return path[1] === "parentRefs";
}
