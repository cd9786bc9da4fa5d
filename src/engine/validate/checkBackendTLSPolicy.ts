/** CEL rules of BackendTLSPolicy (v1.6.1): targetRefs sectionNames, and exactly one CA source. */
import { TARGET_REFS, checkSectionNames } from "./checkParentRefs";
import { asArray, isObject, type ValidationIssue } from "./validationIssue";

export function checkBackendTLSPolicy(spec: Record<string, unknown>): ValidationIssue[] {
  const issues = checkSectionNames(spec, TARGET_REFS);
  const validation = spec.validation;
  if (!isObject(validation)) return issues;
  const refs = asArray(validation.caCertificateRefs).length > 0;
  const wellKnown =
    validation.wellKnownCACertificates !== undefined && validation.wellKnownCACertificates !== null;
  if (refs && wellKnown) {
    issues.push({
      code: "schema.rule",
      path: ["spec", "validation"],
      message:
        "spec.validation: must not contain both CACertificateRefs and WellKnownCACertificates.",
      hint: "Keep caCertificateRefs (your own CA) or wellKnownCACertificates: System, not both.",
    });
  } else if (!refs && !wellKnown) {
    issues.push({
      code: "schema.rule",
      path: ["spec", "validation"],
      message: "spec.validation: must specify either CACertificateRefs or WellKnownCACertificates.",
      hint: "Add caCertificateRefs naming a ConfigMap with ca.crt, or wellKnownCACertificates: System.",
    });
  }
  return issues;
}
