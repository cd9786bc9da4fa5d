import type { ChangeOrigin } from "../../store";
import { applyCanvasEdits } from "../../store/canvasEdits";
import type { CanvasIntent } from "./canvasIntents";
import { intentsToEditOps } from "./intentToEditOps";

/** Turns canvas intents into one YAML edit (one undo step). */
export function applyCanvasIntents(
  intents: readonly CanvasIntent[],
  origin: Exclude<ChangeOrigin, "editor"> = "canvas",
): void {
  if (intents.length === 0) return;
  applyCanvasEdits(intentsToEditOps(intents), origin);
}
