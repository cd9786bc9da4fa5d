import { describe, expect, test } from "vitest";
import { overflowSides, scrollStep } from "./overflowCue";

describe("overflowSides", () => {
  test("a row that fits hides nothing", () => {
    expect(overflowSides({ scrollLeft: 0, scrollWidth: 500, clientWidth: 500 })).toEqual({
      left: false,
      right: false,
    });
    // Sub-pixel slack is not overflow.
    expect(overflowSides({ scrollLeft: 0, scrollWidth: 500.6, clientWidth: 500 })).toEqual({
      left: false,
      right: false,
    });
  });

  test("at the start only the right end hides content; in the middle both; at the end only the left", () => {
    const m = { scrollWidth: 900, clientWidth: 600 };
    expect(overflowSides({ ...m, scrollLeft: 0 })).toEqual({ left: false, right: true });
    expect(overflowSides({ ...m, scrollLeft: 150 })).toEqual({ left: true, right: true });
    expect(overflowSides({ ...m, scrollLeft: 300 })).toEqual({ left: true, right: false });
    expect(overflowSides({ ...m, scrollLeft: 299.5 })).toEqual({ left: true, right: false });
  });
});

describe("scrollStep", () => {
  test("most of the visible width, never less than 40 px", () => {
    expect(scrollStep(600)).toBe(450);
    expect(scrollStep(20)).toBe(40);
  });
});
