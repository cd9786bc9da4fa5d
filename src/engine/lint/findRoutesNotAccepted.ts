/**
 * Route parents that are not Accepted, as located findings. The status already says it (and the
 * designer's Problems panel lists it), so these restate status: they exist for the outputs that
 * only carry diagnostics, like CI annotations (`gwsim check --format github|junit`), and for the
 * fix-its (NotAllowedByListeners) the lint panel offers next to them.
 */
import type { LintFinding, LintInput } from "./lintTypes";
import { createManifestLookup, locateFinding } from "./locateFinding";
import { describeRouteParentProblem } from "../present/problems";
import { namespaceOfKey } from "../present/resourceKeys";

export function findRoutesNotAccepted(input: LintInput): LintFinding[] {
  const lookup = createManifestLookup(input.manifests);
  const out: LintFinding[] = [];
  for (const e of input.explain) {
    if (e.accepted || e.noStatusReason !== undefined) continue;
    // The Problems panel's words: the designer and `gwsim check` say the same thing.
    const { message } = describeRouteParentProblem(e, namespaceOfKey(e.route));
    const d = locateFinding(
      input,
      lookup,
      "lint.route-not-accepted",
      e.route,
      ["spec", "parentRefs", e.parentRefIndex],
      message,
    );
    if (d) out.push({ diagnostic: d, restatesStatus: true });
  }
  return out;
}
