/**
 * The platform panel's checks in the engine worker: the fix-its on offer with their previews and
 * the isolation lens. Its own module so the worker loads it (engineApi.ts) only when the panel
 * first asks: the lint findings themselves are part of the analysis the first graph shows.
 */
import {
  computeFixIts,
  computeIsolationLens,
  type FixIt,
  type IsolationLens,
  type LintFinding,
} from "../engine";
import type { CachedRevision } from "./revisionCache";

export { previewFixIt } from "../engine";

/** The checks of one analysed revision, the fix-its and the lens computed once per revision. */
export function platformChecksOf(cached: CachedRevision): {
  findings: LintFinding[];
  fixIts: FixIt[];
  lens: IsolationLens;
} {
  return {
    findings: cached.analysed.analysis.lint,
    fixIts: cached.derived(computeFixIts),
    lens: cached.derived(computeIsolationLens),
  };
}
