import { describe, expect, test } from "vitest";
import { createUndoGrouper, inputTime } from "./undoGrouping";

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
});
