/**
 * The named-workspace actions (namedWorkspaces.ts: Save as…, Open saved, delete, New) run only on
 * a click, never before the first graph, so their code loads on first use and is fetched after the
 * first graph (AppLayout). The toolbar's buttons stay in the first chunk; the Open saved list's
 * records are read through this module too (namedWorkspaceStorage.ts).
 */
import { useGwsimStore } from "../../store";
import type * as NamedWorkspacesModule from "./namedWorkspaces";

type NamedWorkspaces = typeof NamedWorkspacesModule;

let loading: Promise<NamedWorkspaces> | undefined;

/** A failed fetch is not kept: the next click tries again. */
export function loadNamedWorkspaces(): Promise<NamedWorkspaces> {
  loading ??= import("./namedWorkspaces").catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

/**
 * `action` once the code is here. A failed fetch is an error notice, nothing is done, and the
 * result is `failed`.
 */
export async function withNamedWorkspaces<T>(
  action: (module: NamedWorkspaces) => Promise<T>,
  failed: T,
): Promise<T> {
  let module: NamedWorkspaces;
  try {
    module = await loadNamedWorkspaces();
  } catch (error) {
    useGwsimStore.getState().setNotice({
      kind: "error",
      message: `Could not load the code for saved workspaces: ${error instanceof Error ? error.message : String(error)}`,
    });
    return failed;
  }
  return action(module);
}
