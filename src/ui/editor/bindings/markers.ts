/**
 * Markers: the engine's diagnostics, once the analysis matches the text. Markers from an older
 * analysis would sit on the wrong lines; the editor moves the existing ones along with edits.
 * Markers equal to those the editor already shows (most keystrokes change no diagnostic) are not
 * set again: setting them re-renders the squiggles, the overview ruler and the hover data.
 */
import { WORKSPACE_FILE } from "../../../store/controller";
import { toMonacoMarkers, type MarkerData } from "../toMonacoMarkers";
import { markTimeline } from "../../app/timeline";
import type { BindingContext, Disposable } from "./editorPorts";

export function bindMarkers({
  store,
  editor,
}: Pick<BindingContext, "store" | "editor">): Disposable {
  const update = () => {
    const s = store.getState();
    if (!s.analysis || s.analysisRevision !== s.revision) return;
    const markers = toMonacoMarkers(s.analysis.diagnostics, WORKSPACE_FILE);
    if (!sameMarkers(editor.getMarkers(), markers)) editor.setMarkers(markers);
    markTimeline("gwsim:markers-set");
  };
  update();
  const unsubscribe = store.subscribe((s, p) => {
    if (s.analysis !== p.analysis || s.revision !== p.revision) update();
  });
  return { dispose: unsubscribe };
}

function sameMarkers(a: readonly MarkerData[], b: readonly MarkerData[]): boolean {
  return (
    a.length === b.length &&
    a.every((m, i) => {
      const n = b[i];
      return (
        n !== undefined &&
        m.severity === n.severity &&
        m.message === n.message &&
        m.code === n.code &&
        m.source === n.source &&
        m.startLineNumber === n.startLineNumber &&
        m.startColumn === n.startColumn &&
        m.endLineNumber === n.endLineNumber &&
        m.endColumn === n.endColumn
      );
    })
  );
}
