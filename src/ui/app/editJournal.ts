/**
 * The edit journal: a synchronous copy of the workspace in localStorage, written after every change
 * (autosave.ts: once the page is idle, at most JOURNAL_MAX_DELAY_MS later, and at once when the
 * page is hidden or left, so only a crashed tab loses that much typing). IndexedDB writes are
 * asynchronous, and a reload or navigation within the autosave debounce (or before a started
 * transaction commits) loses them; a localStorage write is done when setItem returns. The journal is removed once IndexedDB holds the same change, so while it exists it is
 * newer than the IndexedDB record and a restore prefers it.
 */
import type { SavedWorkspace } from "./workspaceStorage";
import { isSavedWorkspace, WORKSPACE_FORMAT } from "./workspaceStorage";

export const JOURNAL_KEY = "gwsim:unsaved-workspace";

/** True when the change is in the journal; false when storage refused it (full, disabled). */
export function writeJournal(
  workspace: Omit<SavedWorkspace, "format">,
  storage: Storage | undefined = safeLocalStorage(),
): boolean {
  if (!storage) return false;
  try {
    storage.setItem(JOURNAL_KEY, JSON.stringify({ format: WORKSPACE_FORMAT, ...workspace }));
    return true;
  } catch {
    // An older journal must not outlive a newer change it does not hold: restore would prefer it.
    clearJournal(storage);
    return false;
  }
}

/** The journaled workspace, or undefined when there is none or it cannot be read. */
export function readJournal(
  storage: Storage | undefined = safeLocalStorage(),
): SavedWorkspace | undefined {
  let raw: string | null | undefined;
  try {
    raw = storage?.getItem(JOURNAL_KEY);
  } catch {
    return undefined;
  }
  if (raw == null) return undefined;
  try {
    const value: unknown = JSON.parse(raw);
    return isSavedWorkspace(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

export function clearJournal(storage: Storage | undefined = safeLocalStorage()): void {
  try {
    storage?.removeItem(JOURNAL_KEY);
  } catch {
    // Nothing to do: storage is unavailable, so there is no journal to outlive anything either.
  }
}

/** localStorage throws on access in some privacy modes and sandboxed frames. */
function safeLocalStorage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}
