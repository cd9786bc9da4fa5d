/**
 * Named selectors: components read the store only through these, never by walking `analysis`.
 * Selectors that build arrays are memoized on their inputs so zustand sees a stable result.
 */
import type { Analysis, Diagnostic, ResourceKey } from "../engine";
import { computeProblems, type Problem } from "./problems";
import type { GwsimState } from "./types";

function memoizeOne<A, R>(fn: (a: A) => R): (a: A) => R {
  let last: { a: A; r: R } | undefined;
  return (a) => {
    if (last && last.a === a) return last.r;
    const r = fn(a);
    last = { a, r };
    return r;
  };
}

const EMPTY: never[] = [];

export const selectText = (s: GwsimState) => s.text;
export const selectRevision = (s: GwsimState) => s.revision;
export const selectLastChange = (s: GwsimState) => s.lastChange;
export const selectAnalysis = (s: GwsimState) => s.analysis;
export const selectAnalysisError = (s: GwsimState) => s.analysisError;
export const selectSelected = (s: GwsimState) => s.selected;
export const selectReveal = (s: GwsimState) => s.reveal;
export const selectSplitRatio = (s: GwsimState) => s.splitRatio;
export const selectNotice = (s: GwsimState) => s.notice;
export const selectPositions = (s: GwsimState) => s.positions;
export const selectAutoPositions = (s: GwsimState) => s.autoPositions;
export const selectRelayoutRequest = (s: GwsimState) => s.relayoutRequest;
export const selectGraph = (s: GwsimState) => s.analysis?.graph;

/** True while the worker is analysing or the shown analysis is older than the text. */
/** Busy while an analysis runs or the text is ahead of it; a failed analysis is not pending work. */
export const selectIsBusy = (s: GwsimState) =>
  s.analyzing || (s.analysisRevision !== s.revision && s.analysisErrorRevision !== s.revision);

/**
 * The analysed revision for a view that follows it only while `shown` (a closed panel): while
 * hidden it reads a constant, so analyses neither re-render it nor key a new worker query for it.
 */
export const selectAnalysisRevisionWhile =
  (shown: boolean) =>
  (s: GwsimState): number =>
    shown ? s.analysisRevision : NOT_FOLLOWED;
/** What selectAnalysisRevisionWhile reads while the view is hidden (no revision is negative). */
export const NOT_FOLLOWED = -1;

export const selectDiagnostics = (s: GwsimState): readonly Diagnostic[] =>
  s.analysis?.diagnostics ?? EMPTY;

const problemsOf = memoizeOne((analysis: Analysis | undefined): Problem[] =>
  analysis ? computeProblems(analysis) : EMPTY,
);
export const selectProblems = (s: GwsimState): Problem[] => problemsOf(s.analysis);

const staleKeysOf = memoizeOne((stale: GwsimState["stale"]): ResourceKey[] =>
  stale.map((e) => e.object.key),
);
/**
 * Objects present in an earlier analysis whose YAML document now has a syntax error. The graph
 * keeps drawing them (from `lastGoodAnalysis`) marked stale until the document parses again.
 */
export const selectStaleKeys = (s: GwsimState): ResourceKey[] => staleKeysOf(s.stale);
export const selectLastGoodAnalysis = (s: GwsimState) => s.lastGoodAnalysis;

export const selectCanUndo = (history: { pastStates: readonly unknown[] }) =>
  history.pastStates.length > 0;
export const selectCanRedo = (history: { futureStates: readonly unknown[] }) =>
  history.futureStates.length > 0;

// ------------------------------------------------------------- policies and controller status drift

const driftKeysOf = memoizeOne(
  (analysis: Analysis | undefined) => new Set(analysis?.statusDrift.map((d) => d.object)),
);
/** True when the object has any status drift entry: the canvas marks such nodes. */
export const selectHasStatusDrift = (key: ResourceKey) => (s: GwsimState) =>
  driftKeysOf(s.analysis).has(key);
