/**
 * Autosave of the workspace in IndexedDB: the text, the dragged positions and the divider ratio.
 * One record under one key; a format version guards against reading a future shape.
 */
import type { SavedSimulator } from '../../store/simulatorSlice';

const DB_NAME = 'gwsim';
const STORE = 'workspace';
const KEY = 'current';
const FORMAT = 1;

export interface SavedWorkspace {
  format: typeof FORMAT;
  text: string;
  positions: Record<string, { x: number; y: number }>;
  splitRatio: number;
  /** Saved simulator requests and mixes (absent in workspaces saved before the simulator). */
  simulator?: SavedSimulator;
}

function openDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB could not be opened'));
    request.onblocked = () => reject(new Error('IndexedDB is blocked by another tab'));
  });
}

let dbPromise: Promise<IDBDatabase> | undefined;
const db = () => (dbPromise ??= openDb());

function run<T>(mode: IDBTransactionMode, op: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  return db().then(
    (database) =>
      new Promise<T>((resolve, reject) => {
        const tx = database.transaction(STORE, mode);
        const request = op(tx.objectStore(STORE));
        tx.oncomplete = () => resolve(request.result);
        tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
        tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
      }),
  );
}

/** Resolves undefined when nothing was saved yet; rejects when storage is unreadable or corrupt. */
export async function loadWorkspace(): Promise<SavedWorkspace | undefined> {
  const value: unknown = await run('readonly', (s) => s.get(KEY));
  if (value === undefined) return undefined;
  if (!isSavedWorkspace(value)) throw new Error('the saved workspace has an unexpected format');
  return value;
}

export function saveWorkspace(workspace: Omit<SavedWorkspace, 'format'>): Promise<unknown> {
  return run('readwrite', (s) => s.put({ format: FORMAT, ...workspace }, KEY));
}

function isSavedWorkspace(value: unknown): value is SavedWorkspace {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return v.format === FORMAT && typeof v.text === 'string' && typeof v.positions === 'object' && typeof v.splitRatio === 'number';
}
