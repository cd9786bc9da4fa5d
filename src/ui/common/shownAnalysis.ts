/**
 * The analysis as the panels beside the editor and the graph show it: the store's answer fields
 * (`analysis`, its revision, a failure), copied after the frame that paints the answer
 * (afterPaint.ts). The editor's squiggles and the graph follow the store itself; the Problems
 * panel, the inspector and the busy label read their analysis here, so the frame that shows a
 * keystroke's answer does not also lay out and paint them.
 */
import { useSyncExternalStore } from "react";
import { useGwsimStore, type GwsimState } from "../../store";
import { afterNextPaint } from "./afterPaint";
import { followAfterPaint } from "./followAfterPaint";

/** A new answer or failure from the worker. */
const isAnswer = (s: GwsimState, p: GwsimState) =>
  s.analysis !== p.analysis ||
  s.analysisRevision !== p.analysisRevision ||
  s.analysisError !== p.analysisError ||
  s.analysisErrorRevision !== p.analysisErrorRevision;

export const shownAnalysis = followAfterPaint(useGwsimStore, isAnswer, afterNextPaint);

/**
 * Reads the shown copy. The selector may read only the answer fields (`analysis`,
 * `analysisRevision`, `analysisError`, `analysisErrorRevision`) and what changes with them
 * (`lastChange`, `stale`, `lastGoodAnalysis`); anything else comes from `useGwsimStore`.
 */
export function useShownAnalysis<T>(selector: (s: GwsimState) => T): T {
  return useSyncExternalStore(shownAnalysis.subscribe, () => selector(shownAnalysis.getState()));
}
