import { describe, expect, test } from "vitest";
import { createGwsimStore } from "./index";
import { busyWithin, createUndoGrouper, inputTime } from "./undoGrouping";

describe("undo grouping by when the user acted", () => {
  test("a change made while an input event is handled is timed by that event", () => {
    const origin = 1_000_000;
    const late = () => 9_999_999;
    expect(inputTime({ timeStamp: 250.5 }, origin, late)).toBe(1_000_250.5);
    // No event (a worker answer, a timer): the wall clock.
    expect(inputTime(undefined, origin, late)).toBe(late());
    expect(inputTime({}, origin, late)).toBe(late());
    expect(inputTime({ timeStamp: 0 }, origin, late)).toBe(late());
  });

  test("keystrokes typed 100 ms apart but handled a second apart stay one undo step", () => {
    const grouper = createUndoGrouper(700);
    const origin = 5_000;
    // The page handled the second keystroke 1,200 ms after the first (a long task in between),
    // but the user typed it 100 ms later: one step.
    const typed = [0, 100, 200].map((t) => inputTime({ timeStamp: 10 + t }, origin));
    expect(grouper.startsStep("typing", typed[0]!)).toBe(true);
    expect(grouper.startsStep("typing", typed[1]!)).toBe(false);
    expect(grouper.startsStep("typing", typed[2]!)).toBe(false);
    const handled = [0, 1200].map((t) => inputTime(undefined, origin, () => origin + t));
    const byHandling = createUndoGrouper(700);
    expect(byHandling.startsStep("typing", handled[0]!)).toBe(true);
    expect(byHandling.startsStep("typing", handled[1]!)).toBe(true);
  });

  test("time the page was busy between two keystrokes is not a pause of the user's", () => {
    // A keystroke queued behind a 900 ms long task is delivered (and stamped, by a program that
    // waits for each key to be handled) after it: 950 ms after the previous one, 50 of them idle.
    const spells = [{ start: 1_020, end: 1_920 }];
    const grouper = createUndoGrouper(700, (from, to) => busyWithin(spells, from, to));
    expect(grouper.startsStep("typing", 1_000)).toBe(true);
    expect(grouper.startsStep("typing", 1_950)).toBe(false);
    // A real pause after it still starts a new step.
    expect(grouper.startsStep("typing", 2_700)).toBe(true);
    // The same gap without the busy spell is a pause.
    const idle = createUndoGrouper(700);
    expect(idle.startsStep("typing", 1_000)).toBe(true);
    expect(idle.startsStep("typing", 1_950)).toBe(true);
  });

  test("busy time counts only the part of each spell between the two instants", () => {
    const spells = [
      { start: 0, end: 100 },
      { start: 150, end: 250 },
      { start: 400, end: 500 },
    ];
    expect(busyWithin(spells, 50, 450)).toBe(50 + 100 + 50);
    expect(busyWithin(spells, 260, 390)).toBe(0);
    expect(busyWithin([], 0, 1_000)).toBe(0);
  });

  test("the store groups a typed burst split by a long task into one undo step", () => {
    let now = 1_000;
    const spells = [{ start: 1_010, end: 1_910 }];
    const store = createGwsimStore({
      initialText: "a",
      now: () => now,
      busyBetween: (from, to) => busyWithin(spells, from, to),
    });
    store.getState().setText("ab", "editor");
    now = 1_950;
    store.getState().setText("abc", "editor");
    now = 2_000;
    store.getState().setText("abcd", "editor");
    store.getState().undo();
    expect(store.getState().text).toBe("a");
  });
});
