/**
 * Starts the app's long-lived services once: restore the autosaved workspace (or show the
 * example), then keep analysis and autosave following the store.
 */
import type { GwsimStore } from "../../store";
import { getEngine } from "../../worker/engineClient";
import { appController } from "./appController";
import { startAutosave, type Autosave } from "./autosave";
import { useShareSession } from "../share/shareSession";
import { defaultExample } from "./examples";
import { installTestApi } from "./testApi";
import { TEST_HOOKS } from "./testHooksEnabled";
import { loadWorkspace } from "./workspaceStorage";
import { readJournal } from "./editJournal";
import { applySavedReadings } from "./savedReadings";
import { DEFAULT_WORLD_MODE } from "../../store";

const RESTORE_TIMEOUT_MS = 3000;

export async function bootstrap(store: GwsimStore): Promise<void> {
  if (TEST_HOOKS) installTestApi(store);
  // The worker hears of a world switch or a new reading before any call the change triggers
  // (calls stay in order), so traces, checks and runs use the settings the analysis used.
  store.subscribe((s, p) => {
    if (s.world !== p.world) void getEngine().setWorld(s.world);
    if (s.readings !== p.readings) void getEngine().setReadings(s.readings);
  });
  // Share-link decoding (inflate, request and settings readers) loads only for a link: a plain
  // visit has no fragment, and its first graph does not wait for that code.
  const shared =
    location.hash.length > 1 &&
    (await (await import("./openShareLink")).openShareLinkFromLocation(store));
  if (!shared) await restoreOrExample(store);
  appController.startAnalysis();
  let autosave: Autosave | undefined;
  const beginAutosave = () => {
    autosave ??= startAutosave(store, (message) => {
      if (message !== undefined) return store.getState().setNotice({ kind: "error", message });
      // A later save went through: the failure notice no longer holds.
      if (store.getState().notice?.message.startsWith("Autosave failed"))
        store.getState().setNotice(undefined);
    });
    if (TEST_HOOKS && window.__gwsim)
      window.__gwsim.flushAutosave = () => autosave?.flush() ?? Promise.resolve();
  };
  if (!shared) return beginAutosave();
  // A shared workspace must not overwrite the user's own saved one until they choose Edit, and
  // canvas and inspector edits are refused like typing in the (read-only) editor: the document's
  // read-only flag (the store refuses those edits with a notice).
  appController.enterShareMode();
  const leave = () => {
    appController.leaveShareMode();
    leaveShareLink();
  };
  useShareSession.setState({
    readOnly: true,
    edit: () => {
      leave();
      beginAutosave();
    },
    keepMine: () => {
      leave();
      // The link's saved requests leave with it, even when the user's own record has none.
      store.getState().restoreSimulator({ requests: [], mixes: [] });
      void restoreOrExample(store).then(beginAutosave);
    },
  });
}

function leaveShareLink() {
  useShareSession.setState({ readOnly: false, edit: undefined, keepMine: undefined });
  // A reload should show the user's workspace, not reopen the link.
  history.replaceState(null, "", `${location.pathname}${location.search}`);
}

async function restoreOrExample(store: GwsimStore): Promise<void> {
  const state = store.getState();
  let restored = false;
  try {
    // The journal holds the last change when IndexedDB had not committed it before the page went.
    const saved = readJournal() ?? (await withTimeout(loadWorkspace(), RESTORE_TIMEOUT_MS));
    if (saved) {
      state.setText(saved.text, "restore");
      store.setState({ positions: saved.positions });
      state.setSplitRatio(saved.splitRatio);
      if (saved.simulator) state.restoreSimulator(saved.simulator);
      state.setWorld(saved.world ?? DEFAULT_WORLD_MODE);
      const unknownReadings = applySavedReadings(state, saved.readings, "Your saved workspace");
      if (unknownReadings !== undefined)
        state.setNotice({ kind: "error", message: unknownReadings });
      restored = true;
    }
  } catch (error) {
    state.setNotice({
      kind: "error",
      message: `Your saved workspace could not be restored (${error instanceof Error ? error.message : String(error)}). Showing the example instead; nothing was overwritten yet.`,
    });
    // Keep the unreadable record: autosave starts only after the user changes something.
  }
  if (!restored) {
    state.setText(defaultExample(), "example");
    // Leaving a share link for the example: the link's settings leave with it.
    state.setWorld(DEFAULT_WORLD_MODE);
    state.setReadings({});
  }
  // Restoring is not an edit the user can undo.
  store.temporal.getState().clear();
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("storage did not answer in time")), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
