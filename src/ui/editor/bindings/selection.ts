/**
 * Selection, both ways: the selected object's document is highlighted (and scrolled into view
 * unless the cursor or the Problems panel made the selection); moving the cursor into a document
 * selects its object. Each analysis re-reads the object's lines, but the highlight is set again
 * only when they differ from the lines highlighted now: most keystrokes move no document, and a
 * new decoration is one more view event and repaint for Monaco on the keystroke's path.
 */
import { findObjectAtLine, selectObject } from "../../../store/objectAtLine";
import type { BindingContext, Disposable } from "./editorPorts";

export function bindSelection(
  { store, model, editor }: BindingContext,
  applyingExternal: () => boolean,
): Disposable {
  const highlight = (reveal: boolean) => {
    const s = store.getState();
    const object = selectObject(s.selected)(s);
    if (!object) {
      if (editor.highlightedLines() !== undefined) editor.highlightLines(undefined);
      return;
    }
    const range = {
      startLine: object.line,
      endLine: Math.min(object.endLine, model.getLineCount()),
    };
    const shown = editor.highlightedLines();
    if (shown?.startLine !== range.startLine || shown.endLine !== range.endLine)
      editor.highlightLines(range);
    if (reveal) editor.revealLinesNearTop(range);
  };
  highlight(true);
  const cursor = editor.onCursorLine((line) => {
    // Cursor moves caused by applying external text are not the user pointing at something.
    if (applyingExternal()) return;
    const s = store.getState();
    if (!s.analysis) return;
    const object = findObjectAtLine(s.analysis.objects, line);
    if (object && object.key !== s.selected) s.select(object.key, "editor");
  });
  const unsubscribe = store.subscribe((s, p) => {
    if (s.selected === p.selected && s.analysis === p.analysis) return;
    highlight(
      s.selected !== p.selected &&
        s.selectionOrigin !== "editor" &&
        s.selectionOrigin !== "problems",
    );
  });
  return {
    dispose() {
      unsubscribe();
      cursor.dispose();
    },
  };
}
