/**
 * The Export menu's actions (exportMenuActions.ts) load on their first use: nothing before the
 * first graph needs them. A failed fetch is an error notice, and the next click tries again.
 */
import { useGwsimStore } from "../../store";
import type * as ExportMenuActionsModule from "./exportMenuActions";

type ExportMenuActions = typeof ExportMenuActionsModule;

let loading: Promise<ExportMenuActions> | undefined;

/** A failed fetch is not kept: the next click tries again. */
export function loadExportMenuActions(): Promise<ExportMenuActions> {
  loading ??= import("./exportMenuActions").catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

/** Runs `action` once the code is here; a failed fetch is an error notice and nothing is done. */
export function withExportMenuActions(action: (module: ExportMenuActions) => void): void {
  loadExportMenuActions().then(action, (error: unknown) =>
    useGwsimStore.getState().setNotice({
      kind: "error",
      message: `Could not load the code of the Export menu: ${error instanceof Error ? error.message : String(error)}`,
    }),
  );
}
