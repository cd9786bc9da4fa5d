import type { ChangeOrigin } from "../../store";
import { applyCanvasEdits } from "../../store/canvasEdits";
import type { CanvasIntent } from "./canvasIntents";
import { withCanvasEditing } from "./loadCanvasEditing";

/**
 * Turns canvas intents into one YAML edit (one undo step), once the planning code is here
 * (loadCanvasEditing.ts: at once after the first graph).
 */
export function applyCanvasIntents(
  intents: readonly CanvasIntent[],
  origin: Exclude<ChangeOrigin, "editor"> = "canvas",
): void {
  if (intents.length === 0) return;
  withCanvasEditing(({ intentsToEditOps }) => applyCanvasEdits(intentsToEditOps(intents), origin));
}
