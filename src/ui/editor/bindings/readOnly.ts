/** Read-only: the editor follows the document's read-only flag (a workspace opened from a share link). */
import type { BindingContext, Disposable } from "./editorPorts";

export function bindReadOnly({
  store,
  editor,
}: Pick<BindingContext, "store" | "editor">): Disposable {
  editor.setReadOnly(store.getState().readOnly);
  return {
    dispose: store.subscribe((s, p) => {
      if (s.readOnly !== p.readOnly) editor.setReadOnly(s.readOnly);
    }),
  };
}
