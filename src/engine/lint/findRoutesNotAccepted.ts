/**
 * Route parents that are not Accepted, as located findings. The status already says it (and the
 * designer's Problems panel lists it), so these restate status: they exist for the outputs that
 * only carry diagnostics, like CI annotations (`gwsim check --format github|junit`), and for the
 * fix-its (NotAllowedByListeners) the lint panel offers next to them.
 */
import type { LintFinding, LintInput } from './lintTypes';
import { createManifestLookup, locateFinding, nameOf } from './locateFinding';

export function findRoutesNotAccepted(input: LintInput): LintFinding[] {
  const lookup = createManifestLookup(input.manifests);
  const out: LintFinding[] = [];
  for (const e of input.explain) {
    if (e.accepted || e.noStatusReason !== undefined) continue;
    const parent = `${e.parentRef.namespace ? `${e.parentRef.namespace}/` : ''}${e.parentRef.name}`;
    const message = `${nameOf(e.route)} is not accepted by ${parent} (${e.reason}): ${e.message}`;
    const d = locateFinding(input, lookup, 'lint.route-not-accepted', e.route, ['spec', 'parentRefs', e.parentRefIndex], message);
    if (d) out.push({ diagnostic: d, restatesStatus: true });
  }
  return out;
}
