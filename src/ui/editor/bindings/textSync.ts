/**
 * Text sync: typing sets the store's text with origin 'editor'; text from anywhere else (canvas,
 * inspector, undo, a file) arrives as the minimal edit, so the cursor and scroll stay put. The
 * editor never echoes its own keystrokes back.
 */
import { computeMinimalEdit } from "../minimalEdit";
import type { BindingContext, Disposable } from "./editorPorts";

export interface TextSync extends Disposable {
  /** True while text from the store is being written into the model (cursor moves then are not the user's). */
  applyingExternal(): boolean;
}

export function bindTextSync({ store, model, editor }: BindingContext): TextSync {
  let applying = false;
  if (model.getValue() !== store.getState().text) model.setValue(store.getState().text);
  const typing = model.onDidChangeContent(() => {
    if (!applying) store.getState().setText(model.getValue(), "editor");
  });
  const unsubscribe = store.subscribe((s, p) => {
    // Undo restores the text first and tags the change just after; act on either step.
    const changed = s.text !== p.text || s.lastChange !== p.lastChange;
    if (!changed || s.lastChange.origin === "editor" || model.getValue() === s.text) return;
    const edit = computeMinimalEdit(model.getValue(), s.text);
    if (!edit) return;
    applying = true;
    try {
      editor.applyEdit(edit);
      // The editor normalises line endings; if that changed anything, fall back to the exact text.
      if (model.getValue() !== s.text) model.setValue(s.text);
    } finally {
      applying = false;
    }
  });
  return {
    applyingExternal: () => applying,
    dispose() {
      unsubscribe();
      typing.dispose();
    },
  };
}
