/**
 * The workspace in IndexedDB: the autosave (one record: the text, the dragged positions, the divider
 * ratio and the simulator's saved requests) and, since database version 2, named workspaces the user
 * saved on purpose. A format version on each record guards against reading a future shape.
 * The named workspaces' records are read and written by namedWorkspaceStorage.ts, which only the
 * on-demand named-workspace code imports: the first chunk holds the database and the autosave.
 */
import type { SavedSimulator } from "../../store/simulatorSlice";
import type { Readings, WorldMode } from "../../engine";

const DB_NAME = "gwsim";
/** Version 1 had the autosave store only; version 2 adds the named workspaces beside it. */
const DB_VERSION = 2;
const STORE = "workspace";
/** Named workspaces' object store (its records: namedWorkspaceStorage.ts, loaded on demand). */
export const NAMED_STORE = "named";
const KEY = "current";
const FORMAT = 1;
export const WORKSPACE_FORMAT = FORMAT;

export interface SavedWorkspace {
  format: typeof FORMAT;
  text: string;
  positions: Record<string, { x: number; y: number }>;
  splitRatio: number;
  /** Saved simulator requests and mixes (absent in workspaces saved before the simulator). */
  simulator?: SavedSimulator;
  /** The world setting (absent in workspaces saved before it: auto). */
  world?: WorldMode;
  /**
   * The non-default readings (absent in workspaces saved before them: gwsim's defaults). Checked
   * name by name when restored (store/readingChoices.ts), so one unknown reading is reported
   * without losing the rest of the workspace.
   */
  readings?: Readings;
}

function openDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, DB_VERSION);
    request.onupgradeneeded = (event) => {
      const database = request.result;
      // Each step creates only what its version added: an autosave from version 1 stays untouched.
      if (event.oldVersion < 1) database.createObjectStore(STORE);
      if (event.oldVersion < 2) database.createObjectStore(NAMED_STORE, { keyPath: "name" });
    };
    request.onsuccess = () => {
      const database = request.result;
      // A newer tab wants to upgrade: let it, and reopen on the next use.
      database.onversionchange = () => {
        database.close();
        dbPromise = undefined;
      };
      resolve(database);
    };
    request.onerror = () => reject(request.error ?? new Error("IndexedDB could not be opened"));
    request.onblocked = () => reject(new Error("IndexedDB is blocked by another tab"));
  });
}

let dbPromise: Promise<IDBDatabase> | undefined;
// A failed open (blocked by an old tab, storage refused) is not cached: the next use tries again.
const db = () =>
  (dbPromise ??= openDb().catch((error: unknown) => {
    dbPromise = undefined;
    throw error instanceof Error ? error : new Error(String(error));
  }));

/** One request in its own transaction on `storeName`; resolves when the transaction completes. */
export function run<T>(
  storeName: string,
  mode: IDBTransactionMode,
  op: (store: IDBObjectStore) => IDBRequest<T>,
): Promise<T> {
  return db().then(
    (database) =>
      new Promise<T>((resolve, reject) => {
        const tx = database.transaction(storeName, mode);
        const request = op(tx.objectStore(storeName));
        tx.oncomplete = () => resolve(request.result);
        tx.onerror = () => reject(tx.error ?? new Error("IndexedDB transaction failed"));
        tx.onabort = () => reject(tx.error ?? new Error("IndexedDB transaction aborted"));
      }),
  );
}

/** Resolves undefined when nothing was saved yet; rejects when storage is unreadable or corrupt. */
export async function loadWorkspace(): Promise<SavedWorkspace | undefined> {
  const value: unknown = await run(STORE, "readonly", (s) => s.get(KEY));
  if (value === undefined) return undefined;
  if (!isSavedWorkspace(value)) throw new Error("the saved workspace has an unexpected format");
  return value;
}

export function saveWorkspace(workspace: Omit<SavedWorkspace, "format">): Promise<unknown> {
  return run(STORE, "readwrite", (s) => s.put({ format: FORMAT, ...workspace }, KEY));
}

export function isSavedWorkspace(value: unknown): value is SavedWorkspace {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    v.format === FORMAT &&
    typeof v.text === "string" &&
    typeof v.positions === "object" &&
    typeof v.splitRatio === "number" &&
    (v.world === undefined || v.world === "open" || v.world === "auto" || v.world === "closed") &&
    (v.readings === undefined ||
      (typeof v.readings === "object" && v.readings !== null && !Array.isArray(v.readings)))
  );
}
