/**
 * Named workspaces: the toolbar's "Save as…" and "Open saved" actions over workspaceStorage. Saving
 * keeps the text, the dragged positions, the divider and the simulator's saved requests; opening
 * puts them back as one undoable step, after asking when the current work would be lost.
 */
import { useGwsimStore, type GwsimStore } from "../../store";
import { selectSimulatorWorkspace, type SavedSimulator } from "../../store/simulatorSlice";
import { useShareSession } from "../share/shareSession";
import { isUnmodifiedExample } from "./examples";
import { applySavedReadings } from "./savedReadings";
import { formatSavedAt } from "./formatSavedAt";
import {
  deleteNamedWorkspace,
  listNamedWorkspaces,
  loadNamedWorkspace,
  saveNamedWorkspace,
  type NamedWorkspace,
} from "./namedWorkspaceStorage";

// The toolbar's Open saved list reads them through this module, so it loads on demand too.
export { formatSavedAt, listNamedWorkspaces };

export const MAX_NAME_LENGTH = 80;

/**
 * The named workspace on screen (saved or opened under that name in this page visit): when
 * another one opens, its Recent requests are written back into its record, so each named
 * workspace shows its own Recent. Replacing the text by other means (New, Open files, an example)
 * ends it; typing and canvas edits do not.
 */
let activeName: string | undefined;
const watched = new WeakSet<GwsimStore>();

function follow(store: GwsimStore, name: string): void {
  activeName = name;
  if (watched.has(store)) return;
  watched.add(store);
  store.subscribe((s, p) => {
    if (s.text === p.text) return;
    const origin = s.lastChange.origin;
    if (origin !== "editor" && origin !== "canvas" && origin !== "inspector")
      activeName = undefined;
  });
}

/** The named workspace whose Recent the page is showing, if any. */
export function activeWorkspaceName(): string | undefined {
  return activeName;
}

/** Writes `history` as the Recent of the named record, leaving the rest of it (and its save time) alone. */
async function keepRecent(name: string, history: SavedSimulator["history"]): Promise<void> {
  const saved = await loadNamedWorkspace(name);
  const simulator: SavedSimulator = {
    ...(saved.simulator ?? { requests: [], mixes: [] }),
    history: history ?? [],
  };
  await saveNamedWorkspace({ ...saved, simulator });
}

/** The name as it will be stored, or the reason it cannot be used. */
export function checkWorkspaceName(
  raw: string,
): { ok: true; name: string } | { ok: false; why: string } {
  const name = raw.trim().replace(/\s+/g, " ");
  if (name === "") return { ok: false, why: "Give the workspace a name." };
  if (name.length > MAX_NAME_LENGTH)
    return { ok: false, why: `Names are at most ${MAX_NAME_LENGTH} characters.` };
  return { ok: true, name };
}

/**
 * True when replacing `text` would lose work: it is neither empty, nor an example as shipped, nor
 * exactly what one of the named workspaces holds. (The autosave is not a keepsake: it is overwritten
 * by whatever is opened next.)
 */
export async function hasUnsavedWork(
  text: string,
  savedTexts: readonly string[],
): Promise<boolean> {
  return !savedTexts.includes(text) && !(await isUnmodifiedExample(text));
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function notify(kind: "info" | "error", message: string): void {
  useGwsimStore.getState().setNotice({ kind, message });
}

/** True once saved. A shared, read-only workspace is never saved over the user's own. */
export async function saveWorkspaceAs(
  name: string,
  store: GwsimStore = useGwsimStore,
): Promise<boolean> {
  if (useShareSession.getState().readOnly) {
    notify(
      "info",
      "Opened from a share link: choose Edit in the bar above before saving it under a name.",
    );
    return false;
  }
  const state = store.getState();
  try {
    await saveNamedWorkspace({
      name,
      savedAt: new Date().toISOString(),
      text: state.text,
      positions: state.positions,
      splitRatio: state.splitRatio,
      simulator: selectSimulatorWorkspace(state),
      world: state.world,
      readings: state.readings,
    });
  } catch (error) {
    notify("error", `Could not save “${name}”: ${errorText(error)}. Download the YAML to keep it.`);
    return false;
  }
  follow(store, name);
  notify("info", `Saved as “${name}” in this browser. Open it again from Open saved.`);
  return true;
}

export async function openNamedWorkspace(
  name: string,
  store: GwsimStore = useGwsimStore,
): Promise<void> {
  if (useShareSession.getState().readOnly) {
    notify(
      "info",
      "Opened from a share link: choose Edit or Keep my workspace in the bar above first.",
    );
    return;
  }
  let saved: NamedWorkspace;
  let savedTexts: string[];
  try {
    [saved, savedTexts] = await Promise.all([
      loadNamedWorkspace(name),
      listNamedWorkspaces().then((l) => l.map((w) => w.text)),
    ]);
  } catch (error) {
    notify("error", `Could not open “${name}”: ${errorText(error)}.`);
    return;
  }
  const { text } = store.getState();
  if (text !== saved.text && (await hasUnsavedWork(text, savedTexts))) {
    if (
      !window.confirm(
        `Open the saved workspace “${name}”? It replaces the current work, which is not saved under a name. You can undo this.`,
      )
    )
      return;
  }
  let kept = "";
  const leaving = activeName;
  if (leaving !== undefined && leaving !== name) {
    try {
      await keepRecent(leaving, store.getState().simHistory);
    } catch (error) {
      kept = ` The Recent requests of “${leaving}” could not be kept: ${errorText(error)}.`;
    }
  }
  const readingsProblem = applyWorkspace(store, saved);
  if (readingsProblem !== undefined) kept += ` ${readingsProblem}`;
  follow(store, name);
  notify(
    kept === "" ? "info" : "error",
    `Opened “${name}” (saved ${formatSavedAt(saved.savedAt)}). Undo with Ctrl+Z.${kept}`,
  );
}

/** Text and positions in one set, so one undo step takes both back (replaceWorkspace would clear positions). */
function applyWorkspace(store: GwsimStore, saved: NamedWorkspace): string | undefined {
  const s = store.getState();
  if (saved.text === s.text) store.setState({ positions: saved.positions });
  else {
    const revision = s.revision + 1;
    store.setState({
      text: saved.text,
      revision,
      lastChange: { origin: "file", revision },
      positions: saved.positions,
    });
  }
  s.setSplitRatio(saved.splitRatio);
  // Its own saved requests, mixes and Recent (none when the record has no simulator part).
  s.restoreSimulator(saved.simulator ?? { requests: [], mixes: [] });
  s.setWorld(saved.world ?? "auto");
  return applySavedReadings(s, saved.readings, `The saved workspace “${saved.name}”`);
}

/** True once deleted (after the user confirmed). */
export async function deleteWorkspaceNamed(name: string): Promise<boolean> {
  if (
    !window.confirm(
      `Delete the saved workspace “${name}” from this browser? This cannot be undone.`,
    )
  )
    return false;
  try {
    await deleteNamedWorkspace(name);
  } catch (error) {
    notify("error", `Could not delete “${name}”: ${errorText(error)}.`);
    return false;
  }
  notify("info", `Deleted the saved workspace “${name}”.`);
  return true;
}

/** Clears the workspace for new work, asking first when the current work is not saved anywhere. */
export async function startEmptyWorkspace(store: GwsimStore = useGwsimStore): Promise<void> {
  if (!(await mayReplaceWorkspace("Start an empty workspace?", store))) return;
  store.getState().replaceWorkspace("", "file");
}

/**
 * Whether the workspace may be replaced (New, Open files): never while a share link is read-only;
 * after asking `question` when the current text is neither an example nor saved under a name.
 */
export async function mayReplaceWorkspace(
  question: string,
  store: GwsimStore = useGwsimStore,
): Promise<boolean> {
  if (useShareSession.getState().readOnly) {
    notify(
      "info",
      "Opened from a share link: choose Edit or Keep my workspace in the bar above first.",
    );
    return false;
  }
  const { text } = store.getState();
  let savedTexts: string[] = [];
  try {
    savedTexts = (await listNamedWorkspaces()).map((w) => w.text);
  } catch {
    // Unknown saved state: treat the work as unsaved and ask.
  }
  return (
    !(await hasUnsavedWork(text, savedTexts)) ||
    window.confirm(`${question} The current work is not saved under a name. You can undo this.`)
  );
}
