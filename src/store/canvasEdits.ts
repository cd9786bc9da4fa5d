/**
 * Applies semantic edits from the canvas, palette and inspector to the YAML text through the
 * engine's CST-preserving applyEdits (pure and cheap, so it runs here, not in the worker). One
 * call is one text change, hence one undo step. Owned by the canvas work.
 */
import type { EditOp, EditResult, FieldPath, ObjectSelector } from "../engine";
import { loadedEditEngine, withEditEngine } from "./editEngine";
import { useGwsimStore } from "./index";
import type { ChangeOrigin } from "./types";

/**
 * Applies the edits to the current text, now if the editor's code is loaded, else as soon as it
 * has arrived (editEngine.ts): the canvas is on screen before that code, and an edit the user
 * makes in that moment must not be lost.
 */
export function applyCanvasEdits(
  ops: readonly EditOp[],
  origin: Exclude<ChangeOrigin, "editor">,
): void {
  withEditing(() => applyCanvasEditsNow(ops, origin));
}

/** Runs `edit` once the editor's code is loaded (at once when it is); a failed load is a notice. */
export function withEditing(edit: () => void): void {
  withEditEngine(edit, (message) => useGwsimStore.getState().setNotice({ kind: "error", message }));
}

function applyCanvasEditsNow(
  ops: readonly EditOp[],
  origin: Exclude<ChangeOrigin, "editor">,
): EditResult {
  const state = useGwsimStore.getState();
  const result = editEngine().applyEdits(state.text, ops);
  if (result.text !== state.text) state.setText(result.text, origin);
  if (result.failed.length > 0) {
    state.setNotice({
      kind: "error",
      message: `Could not edit the YAML: ${result.failed.map((f) => f.reason).join("; ")}`,
    });
  }
  return result;
}

/**
 * A field of an object as the current YAML text has it (plain data), for edit forms and the
 * palette. Only inside withEditing, or from a lazy panel that imports editEngineModule.
 */
export function readCurrentField(target: ObjectSelector, path: FieldPath): unknown {
  return readFieldOfText(useGwsimStore.getState().text, target, path);
}

/** readCurrentField for a given text: a view that follows the text a render behind (deferred). */
export function readFieldOfText(text: string, target: ObjectSelector, path: FieldPath): unknown {
  return fieldReader.read(text, target, path);
}

function editEngine() {
  const engine = loadedEditEngine();
  if (!engine) throw new Error("the YAML editor's code is not loaded yet");
  return engine;
}

/**
 * readField remembered for the text it read: the inspector's forms re-render when the analysis of
 * a keystroke arrives, with the same text they already read (each read parses the object's
 * documents: tens of milliseconds at 300 documents). A new text forgets everything.
 */
export function createFieldReader(
  read: (text: string, target: ObjectSelector, path: FieldPath) => unknown = (text, target, path) =>
    editEngine().readField(text, target, path),
) {
  let text: string | undefined;
  const values = new Map<string, unknown>();
  return {
    read(current: string, target: ObjectSelector, path: FieldPath): unknown {
      if (current !== text) {
        text = current;
        values.clear();
      }
      const key = JSON.stringify([target.kind, target.namespace ?? null, target.name, path]);
      if (values.has(key)) return values.get(key);
      const value = read(current, target, path);
      values.set(key, value);
      return value;
    },
  };
}

const fieldReader = createFieldReader();
