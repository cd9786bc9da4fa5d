import type { GwsimStore } from "../../store";
import { saveWorkspace, type SavedWorkspace } from "./workspaceStorage";
import { selectSimulatorWorkspace } from "../../store/simulatorSlice";
import { clearJournal, writeJournal } from "./editJournal";
import { claimAutosave, type AutosaveRole } from "./autosaveOwner";
import { whenIdle } from "../common/whenIdle";

export const AUTOSAVE_DEBOUNCE_MS = 400;
/**
 * The journal's write waits for the main thread to go idle, at most this long: the most typing a
 * crash of the tab can lose (leaving the page, or hiding it, writes at once).
 */
export const JOURNAL_MAX_DELAY_MS = 500;
/** Where requestIdleCallback is missing: late enough to come after the frame showing the change. */
const JOURNAL_FALLBACK_DELAY_MS = 100;

export interface Autosave {
  stop(): void;
  /** Saves now if a save is pending; resolves when the last save has been written. */
  flush(): Promise<void>;
}

export interface AutosaveDeps {
  save: (workspace: Omit<SavedWorkspace, "format">) => Promise<unknown>;
  journal: { write: typeof writeJournal; clear: () => void };
  claim: typeof claimAutosave;
  /** Runs the journal's write once the change is on screen; returns a cancel. */
  whenIdle: (write: () => void) => () => void;
}

const DEFAULT_DEPS: AutosaveDeps = {
  save: saveWorkspace,
  journal: { write: writeJournal, clear: clearJournal },
  claim: claimAutosave,
  whenIdle: afterFrameWhenIdle,
};

function afterFrameWhenIdle(write: () => void): () => void {
  return whenIdle(write, JOURNAL_MAX_DELAY_MS, JOURNAL_FALLBACK_DELAY_MS);
}

/**
 * Saves the workspace on every change to the text, positions, divider or simulator: into the
 * synchronous edit journal (so a reload a moment later loses nothing), and shortly after into
 * IndexedDB, which then retires the journal. Only the tab holding the autosave lock saves.
 *
 * The journal is not written in the keystroke's own task: serialising a 300-document workspace
 * into localStorage there delayed the editor's and the graph's answer (issue 11). It is written
 * once the main thread is idle after the change (one write for a burst of changes), at most
 * JOURNAL_MAX_DELAY_MS later, and at once when the page is hidden or left (pagehide,
 * visibilitychange), before an IndexedDB save starts, and by flush(). So a reload or a closed tab
 * loses nothing; a crashed tab loses at most the last JOURNAL_MAX_DELAY_MS of typing.
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
  /** Cancels the journal write waiting for an idle moment; undefined when none waits. */
  let cancelJournal: (() => void) | undefined;

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
  const writeJournalNow = () => {
    if (cancelJournal === undefined) return;
    cancelJournal();
    cancelJournal = undefined;
    deps.journal.write(snapshot());
  };
  const forgetJournalWrite = () => {
    cancelJournal?.();
    cancelJournal = undefined;
  };
  const save = () => {
    timer = undefined;
    if (role !== "owner") return;
    // The journal holds the change until IndexedDB has it, in case the page goes meanwhile.
    writeJournalNow();
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
    cancelJournal ??= deps.whenIdle(writeJournalNow);
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
      // The journal is shared by the tabs: the new owner's now.
      forgetJournalWrite();
      return;
    }
    // Taken over on purpose: this tab's text becomes the saved one. Otherwise save what changed
    // while the lock was being asked for.
    if (was !== "pending" || unsaved) {
      forgetJournalWrite();
      deps.journal.write(snapshot());
      save();
    }
  });
  // Leaving or hiding the page: the journal now, and start the IndexedDB write.
  const flush = () => {
    writeJournalNow();
    if (timer !== undefined) {
      clearTimeout(timer);
      save();
    }
  };
  const flushWhenHidden = () => {
    if (document.visibilityState === "hidden") flush();
  };
  window.addEventListener("pagehide", flush);
  document.addEventListener("visibilitychange", flushWhenHidden);
  return {
    stop() {
      writeJournalNow();
      unsubscribe();
      ownership.release();
      window.removeEventListener("pagehide", flush);
      document.removeEventListener("visibilitychange", flushWhenHidden);
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
