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
  return readField(useGwsimStore.getState().text, target, path);
}
