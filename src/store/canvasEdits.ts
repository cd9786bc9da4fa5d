/**
 * Applies semantic edits from the canvas, palette and inspector to the YAML text through the
 * engine's CST-preserving applyEdits (pure and cheap, so it runs here, not in the worker). One
 * call is one text change, hence one undo step. Owned by the canvas work.
 */
import {
  applyEdits,
  readField,
  type EditOp,
  type EditResult,
  type FieldPath,
  type ObjectSelector,
} from "../engine";
import { useGwsimStore } from "./index";
import type { ChangeOrigin } from "./types";

export function applyCanvasEdits(
  ops: readonly EditOp[],
  origin: Exclude<ChangeOrigin, "editor">,
): EditResult {
  const state = useGwsimStore.getState();
  const result = applyEdits(state.text, ops);
  if (result.text !== state.text) state.setText(result.text, origin);
  if (result.failed.length > 0) {
    state.setNotice({
      kind: "error",
      message: `Could not edit the YAML: ${result.failed.map((f) => f.reason).join("; ")}`,
    });
  }
  return result;
}

/** A field of an object as the current YAML text has it (plain data), for edit forms and the palette. */
export function readCurrentField(target: ObjectSelector, path: FieldPath): unknown {
  return fieldReader.read(useGwsimStore.getState().text, target, path);
}

/**
 * readField remembered for the text it read: the inspector's forms re-render when the analysis of
 * a keystroke arrives, with the same text they already read (each read parses the object's
 * documents: tens of milliseconds at 300 documents). A new text forgets everything.
 */
export function createFieldReader(read: typeof readField = readField) {
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
