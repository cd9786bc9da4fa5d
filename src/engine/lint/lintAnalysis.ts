/**
 * The lint stage: every rule over the analysed configuration, findings in a stable order (rule
 * order, then each rule's own input order).
 */
import { findBackendProblems } from "./findBackendProblems";
import { findHostnameOverlaps } from "./findHostnameOverlaps";
import { findParentRefsWithoutStatus } from "./findParentRefsWithoutStatus";
import { findRoutesNotAccepted } from "./findRoutesNotAccepted";
import { findShadowedMatches } from "./findShadowedMatches";
import type { LintFinding, LintInput } from "./lintTypes";

const RULES: readonly ((input: LintInput) => LintFinding[])[] = [
  findShadowedMatches,
  findHostnameOverlaps,
  findBackendProblems,
  findParentRefsWithoutStatus,
  findRoutesNotAccepted,
];

export function lintAnalysis(input: LintInput): LintFinding[] {
  return RULES.flatMap((rule) => rule(input));
}
