/**
 * After documents are added to the workspace, select the first object they declare once the
 * analysis of that text arrives: the canvas, the inspector and the editor all follow a selection,
 * so the added objects come into view instead of staying below what was already on screen.
 */
import { useGwsimStore } from "../../store";
import type { GwsimState } from "../../store/types";

export function selectFirstObjectFromLine(fromLine: number): void {
  const revision = useGwsimStore.getState().lastChange.revision;
  const trySelect = (s: GwsimState): boolean => {
    // Another change came first: the person has moved on, do not pull the view away.
    if (s.lastChange.revision !== revision) return true;
    if (s.analysisRevision !== revision || !s.analysis) return false;
    let first: (typeof s.analysis.objects)[number] | undefined;
    for (const o of s.analysis.objects)
      if (o.line >= fromLine && (first === undefined || o.line < first.line)) first = o;
    if (first) s.select(first.key, "files");
    return true;
  };
  if (trySelect(useGwsimStore.getState())) return;
  const unsubscribe = useGwsimStore.subscribe((s) => {
    if (trySelect(s)) unsubscribe();
  });
}
