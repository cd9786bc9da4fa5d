/**
 * Starts the app's long-lived services once: restore the autosaved workspace (or show the
 * example), then keep analysis and autosave following the store.
 */
import type { GwsimStore } from "../../store";
import { getEngine } from "../../worker/engineClient";
import { appController } from "./appController";
import { startAutosave, type Autosave } from "./autosave";
import { decodeShareText, readShareFragment, readShareParam } from "../share/shareLink";
import { SHARED_REQUESTS_PARAM, decodeSharedRequests } from "../share/sharedRequests";
import { useShareSession } from "../share/shareSession";
import { defaultExample } from "./examples";
import { installTestApi } from "./testApi";
import { TEST_HOOKS } from "./testHooksEnabled";
import { loadWorkspace } from "./workspaceStorage";
import { readJournal } from "./editJournal";
import { applySavedReadings } from "./savedReadings";
import {
  SHARED_READINGS_PARAM,
  SHARED_WORLD_PARAM,
  decodeSharedSettings,
} from "../share/shareSettings";
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
  const shared = await openShareLinkFromLocation(store);
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

/** True when the location carried a readable share link and its text is now on screen. */
async function openShareLinkFromLocation(store: GwsimStore): Promise<boolean> {
  const data = readShareFragment(location.hash);
  if (data === undefined) return false;
  try {
    const text = await decodeShareText(data);
    store.getState().setText(text, "restore");
    store.temporal.getState().clear();
    openSharedSettings(store);
    await openSharedRequests(store);
    return true;
  } catch (error) {
    history.replaceState(null, "", `${location.pathname}${location.search}`);
    store.getState().setNotice({
      kind: "error",
      message: `This share link could not be opened: ${error instanceof Error ? error.message : String(error)}. Showing your own workspace instead.`,
    });
    return false;
  }
}

/**
 * The world and readings a link carries: the workspace must analyse as it did for the sender. A
 * damaged part is reported, and the workspace opens with gwsim's defaults for both.
 */
function openSharedSettings(store: GwsimStore): void {
  const state = store.getState();
  try {
    const settings = decodeSharedSettings(
      readShareParam(location.hash, SHARED_WORLD_PARAM),
      readShareParam(location.hash, SHARED_READINGS_PARAM),
    );
    state.setWorld(settings.world);
    state.setReadings(settings.readings);
  } catch (error) {
    state.setWorld(DEFAULT_WORLD_MODE);
    state.setReadings({});
    state.setNotice({
      kind: "error",
      message: `The settings in this share link could not be read: ${error instanceof Error ? error.message : String(error)}. The workspace opened with gwsim's default world and readings.`,
    });
  }
}

/**
 * The saved requests a link carries are listed under Saved, never sent: opening a link runs
 * nothing but the analysis. A damaged part is reported and the workspace opens without it.
 */
async function openSharedRequests(store: GwsimStore): Promise<void> {
  const data = readShareParam(location.hash, SHARED_REQUESTS_PARAM);
  // The link's own requests, or none: the user's saved requests belong to their own workspace.
  store.getState().restoreSimulator({ requests: [], mixes: [] });
  if (data === undefined) return;
  try {
    const { probes, dropped } = await decodeSharedRequests(data);
    store.getState().restoreSimulator({ requests: probes, mixes: [] });
    if (dropped > 0)
      store.getState().setNotice({
        kind: "info",
        message: `${dropped === 1 ? "One saved request" : `${dropped} saved requests`} in this link ${dropped === 1 ? "was" : "were"} not well-formed and ${dropped === 1 ? "was" : "were"} left out.`,
      });
  } catch (error) {
    store.getState().setNotice({
      kind: "error",
      message: `The saved requests in this share link could not be read: ${error instanceof Error ? error.message : String(error)}. The workspace opened without them.`,
    });
  }
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
