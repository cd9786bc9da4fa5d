/**
 * The canvas's edit planning (canvasEditing.ts), loaded on first use and kept. A failed fetch (a
 * flaky connection while the app is being updated) is said in the notice bar and not kept: the
 * next gesture tries again.
 */
import { useGwsimStore } from "../../store";
import type * as CanvasEditingModule from "./canvasEditing";

type CanvasEditing = typeof CanvasEditingModule;

let loaded: CanvasEditing | undefined;
let loading: Promise<CanvasEditing> | undefined;

export function loadCanvasEditing(): Promise<CanvasEditing> {
  if (loaded) return Promise.resolve(loaded);
  loading ??= import("./canvasEditing").then(
    (module) => (loaded = module),
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

/**
 * Runs `edit` with the planning code: at once when it is here, else once it has arrived, in the
 * order asked for (one promise). A failed load is an error notice; nothing is edited.
 */
export function withCanvasEditing(edit: (editing: CanvasEditing) => void): void {
  if (loaded) {
    edit(loaded);
    return;
  }
  loadCanvasEditing().then(edit, notifyCanvasEditingFailed);
}

/** Says in the notice bar that the planning code could not be fetched (nothing was edited). */
export function notifyCanvasEditingFailed(error: unknown): void {
  useGwsimStore.getState().setNotice({
    kind: "error",
    message: `Could not load the canvas's editing code: ${error instanceof Error ? error.message : String(error)}`,
  });
}
