/**
 * Markers: the engine's diagnostics, once the analysis matches the text. Markers from an older
 * analysis would sit on the wrong lines; the editor moves the existing ones along with edits.
 */
import { WORKSPACE_FILE } from "../../../store/controller";
import { toMonacoMarkers } from "../toMonacoMarkers";
import { markTimeline } from "../../app/timeline";
import type { BindingContext, Disposable } from "./editorPorts";

export function bindMarkers({
  store,
  editor,
}: Pick<BindingContext, "store" | "editor">): Disposable {
  const update = () => {
    const s = store.getState();
    if (!s.analysis || s.analysisRevision !== s.revision) return;
    editor.setMarkers(toMonacoMarkers(s.analysis.diagnostics, WORKSPACE_FILE));
    markTimeline("gwsim:markers-set");
  };
  update();
  const unsubscribe = store.subscribe((s, p) => {
    if (s.analysis !== p.analysis || s.revision !== p.revision) update();
  });
  return { dispose: unsubscribe };
}
