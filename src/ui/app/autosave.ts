import type { GwsimStore } from "../../store";
import { saveWorkspace, type SavedWorkspace } from "./workspaceStorage";
import { selectSimulatorWorkspace } from "../../store/simulatorSlice";
import { clearJournal, writeJournal } from "./editJournal";
import { claimAutosave, type AutosaveRole } from "./autosaveOwner";

export const AUTOSAVE_DEBOUNCE_MS = 400;

export interface Autosave {
  stop(): void;
  /** Saves now if a save is pending; resolves when the last save has been written. */
  flush(): Promise<void>;
}

export interface AutosaveDeps {
  save: (workspace: Omit<SavedWorkspace, "format">) => Promise<unknown>;
  journal: { write: typeof writeJournal; clear: () => void };
  claim: typeof claimAutosave;
}

const DEFAULT_DEPS: AutosaveDeps = {
  save: saveWorkspace,
  journal: { write: writeJournal, clear: clearJournal },
  claim: claimAutosave,
};

/**
 * Saves the workspace on every change to the text, positions, divider or simulator: at once into
 * the synchronous edit journal (so a reload a moment later loses nothing), and shortly after into
 * IndexedDB, which then retires the journal. Only the tab holding the autosave lock saves.
 */
export function startAutosave(
  store: GwsimStore,
  /** A message when a save failed; undefined when a later save succeeded again. */
  onError: (message: string | undefined) => void,
  deps: AutosaveDeps = DEFAULT_DEPS,
): Autosave {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastWrite: Promise<void> = Promise.resolve();
  let role: AutosaveRole = "pending";
  /** Counts changes, so a finished IndexedDB write retires the journal only if nothing came after. */
  let changes = 0;
  /** A change this tab has not saved (it was not the owner, or the debounce is running). */
  let unsaved = false;
  let failed = false;

  const snapshot = () => {
    const { text, positions, splitRatio, world, readings } = store.getState();
    return {
      text,
      positions,
      splitRatio,
      world,
      readings,
      simulator: selectSimulatorWorkspace(store.getState()),
    };
  };
  const save = () => {
    timer = undefined;
    if (role !== "owner") return;
    const savedChange = changes;
    unsaved = false;
    lastWrite = deps.save(snapshot()).then(
      () => {
        if (savedChange === changes) deps.journal.clear();
        if (failed) {
          failed = false;
          onError(undefined);
        }
      },
      (error: unknown) => {
        failed = true;
        onError(describeAutosaveError(error));
      },
    );
  };
  const changed = () => {
    changes += 1;
    unsaved = true;
    if (role !== "owner") return;
    deps.journal.write(snapshot());
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(save, AUTOSAVE_DEBOUNCE_MS);
  };
  const unsubscribe = store.subscribe((s, p) => {
    if (
      s.text === p.text &&
      s.positions === p.positions &&
      s.splitRatio === p.splitRatio &&
      s.world === p.world &&
      s.readings === p.readings &&
      s.simSaved === p.simSaved &&
      s.simMixes === p.simMixes
    )
      return;
    changed();
  });
  const ownership = deps.claim((next) => {
    const was = role;
    role = next;
    if (next !== "owner") {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      return;
    }
    // Taken over on purpose: this tab's text becomes the saved one. Otherwise save what changed
    // while the lock was being asked for.
    if (was !== "pending" || unsaved) {
      deps.journal.write(snapshot());
      save();
    }
  });
  // Leaving the page: start the IndexedDB write now (the journal already holds the change).
  const flush = () => {
    if (timer !== undefined) {
      clearTimeout(timer);
      save();
    }
  };
  window.addEventListener("pagehide", flush);
  return {
    stop() {
      unsubscribe();
      ownership.release();
      window.removeEventListener("pagehide", flush);
    },
    flush() {
      flush();
      return lastWrite;
    },
  };
}

/** What went wrong, in words: IndexedDB's quota error has an empty message in Chromium. */
export function describeAutosaveError(error: unknown): string {
  const name = error instanceof Error || error instanceof DOMException ? error.name : "";
  const detail =
    error instanceof Error || error instanceof DOMException ? error.message : String(error);
  if (name === "QuotaExceededError") {
    return "Autosave failed: the browser's storage is full, so your latest changes are only in this tab. Free some space (other sites' data, or workspaces saved under a name) or export your YAML to keep it.";
  }
  const reason =
    detail.trim() !== ""
      ? detail
      : name !== ""
        ? name
        : "the browser refused to store the workspace";
  return `Autosave failed: ${reason}. Your latest changes are only in this tab; export your YAML to keep it.`;
}
