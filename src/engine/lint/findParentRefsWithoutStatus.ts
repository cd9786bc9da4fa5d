/**
 * parentRefs a cluster would leave without any status entry (the status stage says why in
 * explain[].noStatusReason): the most confusing outcome for a user, who sees nothing at all.
 * A parent missing from the input is already a ref.not-found diagnostic; this covers the rest (a
 * parent kind no controller reconciles, a Gateway whose GatewayClass is missing or not accepted).
 */
import type { RouteParentExplain } from '../types';
import type { LintFinding, LintInput } from './lintTypes';
import { createManifestLookup, locateFinding, nameOf } from './locateFinding';

export function findParentRefsWithoutStatus(input: LintInput): LintFinding[] {
  const lookup = createManifestLookup(input.manifests);
  const out: LintFinding[] = [];
  for (const e of input.explain) {
    if (e.noStatusReason === undefined || isReportedAsMissing(e)) continue;
    const message = `${nameOf(e.route)} parentRef ${e.parentRefIndex} (${e.parentRef.kind ?? 'Gateway'} ${e.parentRef.namespace ? `${e.parentRef.namespace}/` : ''}${e.parentRef.name}) will get no status in a cluster: ${e.noStatusReason}`;
    const d = locateFinding(input, lookup, 'lint.parent-ref-no-status', e.route, ['spec', 'parentRefs', e.parentRefIndex], message);
    if (d) out.push({ diagnostic: d });
  }
  return out;
}

const RECONCILED_PARENT_KINDS: ReadonlySet<string> = new Set(['Gateway', 'ListenerSet', 'Service']);

function isReportedAsMissing(e: RouteParentExplain): boolean {
  return e.parent === undefined && RECONCILED_PARENT_KINDS.has(e.parentRef.kind ?? 'Gateway');
}
