/**
 * The analysis as the panels beside the editor and the graph show it: a copy of the store's state
 * taken after the frame that paints each answer (afterPaint.ts). The editor's squiggles and the
 * graph follow the store itself; the Problems panel, the inspector and the busy label read their
 * analysis here, so the frame that shows a keystroke's answer does not also lay out and paint
 * them. Read through it only what an answer sets (`analysis`, `analysisRevision`, `stale`,
 * `lastGoodAnalysis`) and the state as of that answer (`lastChange`): the copy is taken only when
 * an answer lands, so anything else in it (the selection) may be old; read that from `useGwsimStore`.
 */
import { create } from "zustand";
import { useGwsimStore, type GwsimState } from "../../store";
import { afterNextPaint } from "./afterPaint";

/**
 * A new answer from the worker or a failure. An answer that changes nothing the page shows keeps
 * the `analysis` object and moves only `analysisRevision` (a comment typed, a text reopened
 * whole): the panels must see that revision too (ProblemsPanel's height follows it).
 */
const isAnswer = (s: GwsimState, p: GwsimState) =>
  s.analysis !== p.analysis ||
  s.analysisRevision !== p.analysisRevision ||
  s.analysisErrorRevision !== p.analysisErrorRevision;

export const useShownAnalysis = create<GwsimState>()(() => useGwsimStore.getState());

let copyPending = false;
useGwsimStore.subscribe((s, p) => {
  if (copyPending || !isAnswer(s, p)) return;
  copyPending = true;
  // One copy per frame, of the latest state: answers landing before it are shown together.
  afterNextPaint(() => {
    copyPending = false;
    useShownAnalysis.setState(useGwsimStore.getState(), true);
  });
});

/** The panels show the store's latest answer (none waits for the next frame). */
export const panelsCaughtUp = (s: GwsimState = useGwsimStore.getState()) =>
  !isAnswer(s, useShownAnalysis.getState());
