/**
 * A rule dropped for a pattern that is not valid RE2 gets a located diagnostic at the pattern.
 * The API server admits any string there (the CRDs only bound its length), so validation has
 * nothing to point at, and the status alone (PartiallyInvalid, or Accepted=False when no rule is
 * left) sits on each parent far from the value. Reported once per route, not per parent.
 */
import { asArray, asRecord } from "../resolve/read";
import type { RouteKind } from "../api/kinds";
import type { Manifest, ResolvedRoute } from "../types";
import { checkRuleValidity } from "./checkRuleValidity";
import { describeRule } from "./resolveRoute";
import { reportDiagnostic, type StatusContext } from "./statusContext";

export function reportInvalidRegexes(
  ctx: StatusContext,
  m: Manifest,
  kind: RouteKind,
  route: ResolvedRoute,
): void {
  const rules = route.rules;
  // Indexed loop over the resolved rules: nearly every rule is valid and costs one property read.
  for (let r = 0; r < rules.length; r++) {
    const rule = rules[r] as ResolvedRoute["rules"][number];
    if (rule.valid) continue;
    const raw = asRecord(asArray(m.spec["rules"])[rule.index]);
    // The rule's first problem, as the status names it (checkRuleValidity remembers compiled patterns).
    const problem = raw === undefined ? undefined : checkRuleValidity(kind, raw);
    if (problem?.regexAt === undefined) continue;
    reportDiagnostic(
      ctx,
      "rule.regex-not-re2",
      m,
      ["spec", "rules", rule.index, ...problem.regexAt],
      `${describeRule(rule)} is dropped: its ${problem.message}. The route reports ${statusFor(rules)}.`,
    );
  }
}

/**
 * What the route's status says on every parent it attaches to: the reason is the first dropped
 * rule's (computeRouteStatuses, attachRouteParent), which need not be this one's.
 */
function statusFor(rules: ResolvedRoute["rules"]): string {
  let reason: string | undefined;
  let anyValid = false;
  for (let r = 0; r < rules.length; r++) {
    const rule = rules[r] as ResolvedRoute["rules"][number];
    if (rule.valid) anyValid = true;
    else reason ??= rule.invalidReason;
  }
  const why = reason ?? "UnsupportedValue";
  return anyValid
    ? `PartiallyInvalid=True (${why}) and serves its other rules`
    : `Accepted=False (${why}): no valid rule is left, so it serves nothing`;
}
