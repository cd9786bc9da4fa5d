/**
 * Opening a `#w=` share link: the workspace text, the world and readings, and the saved requests
 * it carries. Loaded on demand by bootstrap.ts, only when the location has a fragment.
 */
import type { GwsimStore } from "../../store";
import { DEFAULT_WORLD_MODE } from "../../store";
import { decodeShareText, readShareFragment, readShareParam } from "../share/shareLink";
import { SHARED_REQUESTS_PARAM, decodeSharedRequests } from "../share/sharedRequests";
import {
  SHARED_READINGS_PARAM,
  SHARED_WORLD_PARAM,
  decodeSharedSettings,
} from "../share/shareSettings";

/** True when the location carried a readable share link and its text is now on screen. */
export async function openShareLinkFromLocation(store: GwsimStore): Promise<boolean> {
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
