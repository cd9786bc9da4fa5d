import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createGwsimStore } from "../../store";
import { selectIsBusy } from "../../store/selectors";
import { ANNOUNCE_BUSY_AFTER_MS, followBusy, SHOW_BUSY_AFTER_MS } from "./busyAnnouncement";

const TEXT = "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: a\n";

/** The toolbar's busy indicator driven by the app's store, as Toolbar.tsx wires it. */
function follow(busyAtMount = false) {
  const store = createGwsimStore();
  if (busyAtMount) store.getState().setText(TEXT, "file");
  const labels: string[] = [];
  const announcements: string[] = [];
  const dispose = followBusy(store, selectIsBusy, {
    label: (text) => labels.push(text),
    announcement: (text) => announcements.push(text),
  });
  /** Types a character: the text gets ahead of the analysis (busy). */
  const type = (text: string) => store.getState().setText(text, "editor");
  /**
   * The worker's answer for the current revision lands (no longer busy): the two fields
   * setAnalysis sets that selectIsBusy reads (the UI's tests run no engine).
   */
  const answer = () =>
    store.setState({ analysisRevision: store.getState().revision, analyzing: false });
  return { store, labels, announcements, dispose, type, answer };
}

describe("followBusy (the toolbar's busy label and live region)", () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it("changes nothing for keystrokes answered before a person would see a wait", () => {
    const busy = follow();
    for (let key = 0; key < 10; key++) {
      busy.type(`${TEXT}# ${key}\n`);
      // The keystroke's own task: the store is busy, the label is untouched (no React render).
      expect(selectIsBusy(busy.store.getState())).toBe(true);
      expect(busy.labels).toEqual([]);
      vi.advanceTimersByTime(SHOW_BUSY_AFTER_MS / 2);
      busy.answer();
      vi.advanceTimersByTime(2 * ANNOUNCE_BUSY_AFTER_MS);
    }
    expect(busy.labels).toEqual([]);
    expect(busy.announcements).toEqual([]);
    busy.dispose();
  });

  it("shows Analysing… once the wait lasts SHOW_BUSY_AFTER_MS, and Up to date when it ends", () => {
    const busy = follow();
    busy.type(TEXT);
    vi.advanceTimersByTime(SHOW_BUSY_AFTER_MS - 1);
    // Typing on (a newer revision) does not restart the wait.
    busy.type(`${TEXT}#\n`);
    expect(busy.labels).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(busy.labels).toEqual(["Analysing…"]);
    vi.advanceTimersByTime(ANNOUNCE_BUSY_AFTER_MS);
    expect(busy.announcements).toEqual(["Analysing…"]);
    busy.answer();
    expect(busy.labels).toEqual(["Analysing…", "Up to date"]);
    expect(busy.announcements).toEqual(["Analysing…", "Up to date"]);
    busy.dispose();
  });

  it("says Analysing… at once when mounted during an analysis, and Up to date when it ends", () => {
    const busy = follow(true);
    expect(busy.labels).toEqual(["Analysing…"]);
    busy.type(`${TEXT}#\n`);
    busy.answer();
    expect(busy.labels).toEqual(["Analysing…", "Up to date"]);
    busy.dispose();
  });

  it("follows nothing once disposed", () => {
    const busy = follow();
    busy.type(TEXT);
    busy.dispose();
    vi.advanceTimersByTime(2 * ANNOUNCE_BUSY_AFTER_MS);
    busy.answer();
    // A change after the indicator is gone (unmounted) starts no timer either.
    busy.type(`${TEXT}#\n`);
    vi.advanceTimersByTime(2 * ANNOUNCE_BUSY_AFTER_MS);
    expect(busy.labels).toEqual([]);
    expect(busy.announcements).toEqual([]);
  });
});
