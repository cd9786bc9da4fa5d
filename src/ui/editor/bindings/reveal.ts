/** Reveal: a request to show a precise line (a clicked problem or finding) moves the cursor there. */
import type { BindingContext, Disposable } from "./editorPorts";

export function bindReveal({
  store,
  editor,
}: Pick<BindingContext, "store" | "editor">): Disposable {
  return {
    dispose: store.subscribe((s, p) => {
      if (s.reveal && s.reveal !== p.reveal) editor.goTo(s.reveal.line, s.reveal.column);
    }),
  };
}
