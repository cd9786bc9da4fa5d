/**
 * The engine's CST-preserving editor, loaded on demand. applyEdits and readField bring the `yaml`
 * library, the validation schemas and the edit planner: most of the engine code the page runs
 * itself, and none of it is needed to draw the first graph (the worker analyses). So the page's
 * first JavaScript only has this registry; the editor arrives after the first graph (prefetched,
 * see useEditorAfterFirstGraph), or with the first lazy panel that edits (those import
 * editEngineModule, which registers it), or on the first canvas edit (withEditEngine waits).
 */
import type { EditOp, EditResult, FieldPath, ObjectSelector } from "../engine";

export interface EditEngine {
  applyEdits(text: string, ops: readonly EditOp[]): EditResult;
  readField(text: string, target: ObjectSelector, path: FieldPath): unknown;
}

let engine: EditEngine | undefined;
let loading: Promise<EditEngine> | undefined;

/** Called by editEngineModule when it is evaluated. */
export function registerEditEngine(loaded: EditEngine): void {
  engine = loaded;
}

/** The editor if its code is here already (synchronous callers), else undefined. */
export function loadedEditEngine(): EditEngine | undefined {
  return engine;
}

export function loadEditEngine(): Promise<EditEngine> {
  if (engine) return Promise.resolve(engine);
  loading ??= import("./editEngineModule").then(() => {
    if (!engine) throw new Error("the edit engine did not register");
    return engine;
  });
  // A failed fetch (offline, a new deployment) may be retried by the next edit.
  loading.catch(() => (loading = undefined));
  return loading;
}

/**
 * Runs `edit` with the editor: now when it is loaded, else once it has arrived. Edits asked for
 * while it loads run in the order they were asked for (one promise, callbacks in order).
 */
export function withEditEngine(
  edit: (engine: EditEngine) => void,
  failed: (message: string) => void,
): void {
  if (engine) {
    edit(engine);
    return;
  }
  loadEditEngine().then(edit, (error: unknown) =>
    failed(
      `Could not load the YAML editor's code: ${error instanceof Error ? error.message : String(error)}`,
    ),
  );
}
