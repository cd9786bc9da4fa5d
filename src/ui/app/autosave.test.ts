import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { createGwsimStore } from "../../store";
import {
  describeAutosaveError,
  startAutosave,
  AUTOSAVE_DEBOUNCE_MS,
  type AutosaveDeps,
} from "./autosave";
import type { AutosaveRole } from "./autosaveOwner";
import { clearJournal, readJournal, writeJournal } from "./editJournal";
import { applySavedReadings } from "./savedReadings";

/** A Map-backed Storage whose setItem can be made to fail like a full localStorage. */
function memoryStorage() {
  const map = new Map<string, string>();
  let full = false;
  const storage = {
    get length() {
      return map.size;
    },
    key: (i: number) => [...map.keys()][i] ?? null,
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => {
      if (full) throw new DOMException("", "QuotaExceededError");
      map.set(k, v);
    },
    removeItem: (k: string) => void map.delete(k),
    clear: () => map.clear(),
  } satisfies Storage;
  return { storage, fill: () => (full = true) };
}

function harness() {
  const { storage, fill } = memoryStorage();
  const saved: string[] = [];
  /** Journal writes waiting for an idle moment: the test says when the page goes idle. */
  let waiting: { write: () => void }[] = [];
  let setRole: (role: AutosaveRole) => void = () => undefined;
  let failNext: unknown;
  const deps: AutosaveDeps = {
    save: (w) => {
      if (failNext !== undefined) {
        const error = failNext;
        failNext = undefined;
        return Promise.reject(error);
      }
      saved.push(w.text);
      return Promise.resolve();
    },
    journal: { write: (w) => writeJournal(w, storage), clear: () => clearJournal(storage) },
    claim: (onRole) => {
      setRole = onRole;
      return { release() {} };
    },
    whenIdle: (write) => {
      const entry = { write };
      waiting.push(entry);
      return () => (waiting = waiting.filter((e) => e !== entry));
    },
  };
  return {
    storage,
    /** How many journal writes wait for an idle moment. */
    waitingWrites: () => waiting.length,
    idle: () => {
      const due = waiting;
      waiting = [];
      for (const entry of due) entry.write();
    },
    fill,
    saved,
    deps,
    role: (r: AutosaveRole) => setRole(r),
    failWith: (e: unknown) => (failNext = e),
  };
}

/** A page's event target: listeners by event type, and a way to fire them. */
function eventTarget<T extends object>(extra: T) {
  const listeners = new Map<string, Set<() => void>>();
  return Object.assign(extra, {
    addEventListener(type: string, listener: () => void) {
      if (!listeners.has(type)) listeners.set(type, new Set());
      listeners.get(type)?.add(listener);
    },
    removeEventListener(type: string, listener: () => void) {
      listeners.get(type)?.delete(listener);
    },
    fire(type: string) {
      for (const listener of listeners.get(type) ?? []) listener();
    },
  });
}

let page: ReturnType<typeof eventTarget<object>>;
let doc: ReturnType<typeof eventTarget<{ visibilityState: DocumentVisibilityState }>>;

beforeEach(() => {
  vi.useFakeTimers();
  page = eventTarget({});
  doc = eventTarget({ visibilityState: "visible" as DocumentVisibilityState });
  vi.stubGlobal("window", page);
  vi.stubGlobal("document", doc);
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe("startAutosave", () => {
  test("every change reaches the journal once the page is idle, before the debounced IndexedDB write retires it", async () => {
    const h = harness();
    const store = createGwsimStore({ initialText: "a" });
    const autosave = startAutosave(store, () => undefined, h.deps);
    h.role("owner");
    store.getState().setText("ab", "editor");
    // Not in the keystroke's task: the editor and the graph answer first.
    expect(readJournal(h.storage)).toBeUndefined();
    h.idle();
    // Synchronously durable from here: a reload right now restores "ab".
    expect(readJournal(h.storage)?.text).toBe("ab");
    expect(h.saved).toEqual([]);
    store.getState().setText("abc", "editor");
    h.idle();
    expect(readJournal(h.storage)?.text).toBe("abc");
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DEBOUNCE_MS);
    expect(h.saved).toEqual(["abc"]);
    expect(readJournal(h.storage)).toBeUndefined();
    autosave.stop();
  });

  test("choosing a reading is a change: the journal holds it at once, and it restores as saved", () => {
    const h = harness();
    const store = createGwsimStore({ initialText: "a" });
    const autosave = startAutosave(store, () => undefined, h.deps);
    h.role("owner");
    store.getState().setReadings({ loneBackendZeroWeight: "all-traffic" });
    h.idle();
    const journal = readJournal(h.storage);
    expect(journal?.readings).toEqual({ loneBackendZeroWeight: "all-traffic" });
    const restored = createGwsimStore({ initialText: "a" });
    expect(applySavedReadings(restored.getState(), journal?.readings, "Saved")).toBeUndefined();
    expect(restored.getState().readings).toEqual({ loneBackendZeroWeight: "all-traffic" });
    autosave.stop();
  });

  test("a saved reading this build does not know is reported, and the defaults apply", () => {
    const store = createGwsimStore({ initialText: "a" });
    store.getState().setReadings({ loneBackendZeroWeight: "all-traffic" });
    const message = applySavedReadings(
      store.getState(),
      { loneBackendZeroWeight: "all-traffic", fasterRouting: "on" },
      "Your saved workspace",
    );
    expect(message).toContain(
      'Your saved workspace names readings this version of gwsim does not know (unknown reading "fasterRouting"',
    );
    expect(store.getState().readings).toEqual({});
  });

  test("a change made while IndexedDB writes keeps the journal", async () => {
    const h = harness();
    const store = createGwsimStore({ initialText: "a" });
    let finish: () => void = () => undefined;
    h.deps.save = (w) => (h.saved.push(w.text), new Promise<void>((resolve) => (finish = resolve)));
    startAutosave(store, () => undefined, h.deps);
    h.role("owner");
    store.getState().setText("ab", "editor");
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DEBOUNCE_MS);
    store.getState().setText("abc", "editor");
    h.idle();
    finish();
    await vi.advanceTimersByTimeAsync(0);
    expect(readJournal(h.storage)?.text).toBe("abc");
  });

  test("a journal that storage refuses is removed, never left holding an older change", () => {
    const h = harness();
    const store = createGwsimStore({ initialText: "a" });
    startAutosave(store, () => undefined, h.deps);
    h.role("owner");
    store.getState().setText("ab", "editor");
    h.idle();
    expect(readJournal(h.storage)?.text).toBe("ab");
    h.fill();
    store.getState().setText("abc", "editor");
    h.idle();
    expect(readJournal(h.storage)).toBeUndefined();
  });

  test("a tab that is not the owner saves nothing; taking over saves its text at once", async () => {
    const h = harness();
    const store = createGwsimStore({ initialText: "a" });
    startAutosave(store, () => undefined, h.deps);
    h.role("other-tab");
    store.getState().setText("mine", "editor");
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DEBOUNCE_MS * 2);
    expect(h.saved).toEqual([]);
    expect(readJournal(h.storage)).toBeUndefined();
    h.role("owner");
    expect(readJournal(h.storage)?.text).toBe("mine");
    await vi.advanceTimersByTimeAsync(0);
    expect(h.saved).toEqual(["mine"]);
  });

  test("losing the lock to another tab cancels the pending save and journal write", async () => {
    const h = harness();
    const store = createGwsimStore({ initialText: "a" });
    startAutosave(store, () => undefined, h.deps);
    h.role("owner");
    store.getState().setText("ab", "editor");
    h.role("taken-over");
    h.idle();
    page.fire("pagehide");
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DEBOUNCE_MS * 2);
    expect(h.saved).toEqual([]);
    // The journal is the other tab's now: this tab must not overwrite it.
    expect(readJournal(h.storage)).toBeUndefined();
  });

  test("a burst of changes is one journal write, of the latest change", () => {
    const h = harness();
    const store = createGwsimStore({ initialText: "a" });
    const writes: string[] = [];
    const write = h.deps.journal.write;
    h.deps.journal.write = (w, s) => (writes.push(w.text), write(w, s));
    startAutosave(store, () => undefined, h.deps);
    h.role("owner");
    for (const text of ["ab", "abc", "abcd"]) store.getState().setText(text, "editor");
    expect(h.waitingWrites()).toBe(1);
    expect(writes).toEqual([]);
    h.idle();
    expect(writes).toEqual(["abcd"]);
    expect(readJournal(h.storage)?.text).toBe("abcd");
    // Nothing waits any more: a later idle moment writes nothing again.
    h.idle();
    expect(writes).toEqual(["abcd"]);
  });

  test("leaving the page writes the waiting journal at once, and starts the IndexedDB save", async () => {
    const h = harness();
    const store = createGwsimStore({ initialText: "a" });
    startAutosave(store, () => undefined, h.deps);
    h.role("owner");
    store.getState().setText("ab", "editor");
    page.fire("pagehide");
    expect(readJournal(h.storage)?.text).toBe("ab");
    expect(h.waitingWrites()).toBe(0);
    await vi.advanceTimersByTimeAsync(0);
    expect(h.saved).toEqual(["ab"]);
  });

  test("hiding the page writes the waiting journal at once; showing it does not", () => {
    const h = harness();
    const store = createGwsimStore({ initialText: "a" });
    startAutosave(store, () => undefined, h.deps);
    h.role("owner");
    store.getState().setText("ab", "editor");
    doc.fire("visibilitychange");
    expect(readJournal(h.storage)).toBeUndefined();
    doc.visibilityState = "hidden";
    doc.fire("visibilitychange");
    expect(readJournal(h.storage)?.text).toBe("ab");
  });

  test("an IndexedDB save that starts before the idle moment writes the journal first", async () => {
    const h = harness();
    const store = createGwsimStore({ initialText: "a" });
    let finish: () => void = () => undefined;
    h.deps.save = (w) => (h.saved.push(w.text), new Promise<void>((resolve) => (finish = resolve)));
    startAutosave(store, () => undefined, h.deps);
    h.role("owner");
    store.getState().setText("ab", "editor");
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DEBOUNCE_MS);
    // IndexedDB is writing: until it commits, the journal holds the change.
    expect(h.saved).toEqual(["ab"]);
    expect(readJournal(h.storage)?.text).toBe("ab");
    finish();
    await vi.advanceTimersByTimeAsync(0);
    expect(readJournal(h.storage)).toBeUndefined();
  });

  test("a failed save says why, and a later successful save withdraws the message", async () => {
    const h = harness();
    const store = createGwsimStore({ initialText: "a" });
    const messages: (string | undefined)[] = [];
    startAutosave(store, (m) => messages.push(m), h.deps);
    h.role("owner");
    h.failWith(new DOMException("", "QuotaExceededError"));
    store.getState().setText("ab", "editor");
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DEBOUNCE_MS);
    expect(messages).toEqual([
      expect.stringMatching(/^Autosave failed: the browser's storage is full/),
    ]);
    store.getState().setText("abc", "editor");
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DEBOUNCE_MS);
    expect(messages).toHaveLength(2);
    expect(messages[1]).toBeUndefined();
  });
});

describe("describeAutosaveError", () => {
  test("never blank: an empty message falls back to the error name, a quota error is spelled out", () => {
    expect(describeAutosaveError(new DOMException("", "QuotaExceededError"))).toContain(
      "the browser's storage is full",
    );
    expect(describeAutosaveError(new DOMException("", "UnknownError"))).toMatch(
      /^Autosave failed: UnknownError\./,
    );
    expect(describeAutosaveError(new Error("disk gone"))).toMatch(/^Autosave failed: disk gone\./);
  });
});
