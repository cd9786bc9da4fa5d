/**
 * The lint stage: every rule over the analysed configuration, findings in a stable order (rule
 * order, then each rule's own input order).
 */
import { findBackendProblems } from "./findBackendProblems";
import { findParentRefNamespaceDefaulted } from "./findParentRefNamespaceDefaulted";
import { findParentRefsWithoutStatus } from "./findParentRefsWithoutStatus";
import { findRoutesNotAccepted } from "./findRoutesNotAccepted";
import { findShadowedMatches } from "./findShadowedMatches";
import type { LintFinding, LintInput } from "./lintTypes";
import { needEngineModule } from "../modules/engineModules";

/**
 * findHostnameOverlaps compares reconciled Gateways pairwise: with fewer than two it finds
 * nothing, and only then is its on-demand module (lint/hostnameOverlapsModule.ts) asked for.
 */
function findHostnameOverlaps(input: LintInput): LintFinding[] {
  let reconciled = 0;
  for (const gateway of input.gateways) if (gateway.reconciled) reconciled++;
  if (reconciled < 2) return [];
  return needEngineModule("hostnameOverlaps").findHostnameOverlaps(input);
}

const RULES: readonly ((input: LintInput) => LintFinding[])[] = [
  findShadowedMatches,
  findHostnameOverlaps,
  findBackendProblems,
  findParentRefsWithoutStatus,
  findRoutesNotAccepted,
  findParentRefNamespaceDefaulted,
];

export function lintAnalysis(input: LintInput): LintFinding[] {
  return lintByRules(input).flat();
}

/** Each rule's findings on their own, in rule order: the incremental pass replaces one rule's. */
export function lintByRules(input: LintInput): LintFinding[][] {
  return RULES.map((rule) => rule(input));
}

/** Where findBackendProblems' findings sit in lintByRules: its findings are per route. */
export const BACKEND_RULE_INDEX = RULES.indexOf(findBackendProblems);

/**
 * Where the rules that read the route table's order sit in lintByRules (precedence, hostname
 * overlaps): the incremental pass runs them again when an edit re-ranks a route's entries.
 */
export const TABLE_RULE_INDEXES: readonly number[] = [
  RULES.indexOf(findShadowedMatches),
  RULES.indexOf(findHostnameOverlaps),
];

/** Where findHostnameOverlaps sits in lintByRules: it reads every Gateway, not one host. */
export const HOSTNAME_OVERLAP_RULE_INDEX = RULES.indexOf(findHostnameOverlaps);

/** One rule of lintByRules on its own. */
export function lintRule(index: number, input: LintInput): LintFinding[] {
  const rule = RULES[index];
  return rule === undefined ? [] : rule(input);
}
