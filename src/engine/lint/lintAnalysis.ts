/**
 * The lint stage: every rule over the analysed configuration, findings in a stable order (rule
 * order, then each rule's own input order).
 */
import { findBackendProblems } from './findBackendProblems';
import { findHostnameOverlaps } from './findHostnameOverlaps';
import { findParentRefsWithoutStatus } from './findParentRefsWithoutStatus';
import { findRoutesNotAccepted } from './findRoutesNotAccepted';
import { findShadowedMatches } from './findShadowedMatches';
import type { Diagnostic } from '../types';
import type { LintFinding, LintInput } from './lintTypes';

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

/** The findings that belong in analyze().diagnostics: those the status does not already report. */
export function lintDiagnostics(input: LintInput): Diagnostic[] {
  return lintAnalysis(input)
    .filter((f) => f.restatesStatus !== true)
    .map((f) => f.diagnostic);
}
