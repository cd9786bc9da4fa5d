import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  ANNOUNCE_BUSY_AFTER_MS,
  createBusyAnnouncer,
  type BusyAnnouncer,
} from "./busyAnnouncement";

describe("BusyAnnouncer", () => {
  let said: string[];
  let announcer: BusyAnnouncer;
  beforeEach(() => {
    vi.useFakeTimers();
    said = [];
    announcer = createBusyAnnouncer((text) => said.push(text));
  });
  afterEach(() => {
    announcer.dispose();
    vi.useRealTimers();
  });

  it("says nothing about analyses that end before a person would wait for them (keystrokes)", () => {
    for (let key = 0; key < 20; key++) {
      announcer.update(true);
      vi.advanceTimersByTime(40);
      announcer.update(false);
      vi.advanceTimersByTime(200);
    }
    expect(said).toEqual([]);
  });

  it("says Analysing… once a wait is long enough to notice, then Up to date when it ends", () => {
    announcer.update(true);
    vi.advanceTimersByTime(ANNOUNCE_BUSY_AFTER_MS - 1);
    expect(said).toEqual([]);
    // Busy again (a newer revision while the first is analysed): still one announcement.
    announcer.update(true);
    vi.advanceTimersByTime(1);
    expect(said).toEqual(["Analysing…"]);
    announcer.update(true);
    vi.advanceTimersByTime(5 * ANNOUNCE_BUSY_AFTER_MS);
    expect(said).toEqual(["Analysing…"]);
    announcer.update(false);
    announcer.update(false);
    expect(said).toEqual(["Analysing…", "Up to date"]);
  });

  it("counts the wait from when the analysis started, not from the latest update", () => {
    announcer.update(true);
    vi.advanceTimersByTime(ANNOUNCE_BUSY_AFTER_MS / 2);
    announcer.update(true);
    vi.advanceTimersByTime(ANNOUNCE_BUSY_AFTER_MS / 2);
    expect(said).toEqual(["Analysing…"]);
  });

  it("says nothing after it is disposed", () => {
    announcer.update(true);
    announcer.dispose();
    vi.advanceTimersByTime(2 * ANNOUNCE_BUSY_AFTER_MS);
    expect(said).toEqual([]);
  });
});
