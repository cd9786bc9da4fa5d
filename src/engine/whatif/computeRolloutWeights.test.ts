import { describe, expect, test } from "vitest";
import { computeRolloutWeights } from "./computeRolloutWeights";

describe("computeRolloutWeights", () => {
  test("two backends: the canary gets the step, the other the rest", () => {
    expect(computeRolloutWeights([90, 10], 1, 30)).toEqual([70, 30]);
    expect(computeRolloutWeights([90, 10], 1, 100)).toEqual([0, 100]);
    expect(computeRolloutWeights([90, 10], 0, 60)).toEqual([60, 40]);
  });

  test("several others keep their ratio, rounded by largest remainder to sum to 100", () => {
    expect(computeRolloutWeights([2, 1, 0], 2, 10)).toEqual([60, 30, 10]);
    expect(computeRolloutWeights([1, 1, 1, 0], 3, 0)).toEqual([34, 33, 33, 0]);
    expect(computeRolloutWeights([0, 0, 5], 2, 50)).toEqual([25, 25, 50]);
    for (const p of [0, 7, 33, 50, 99, 100])
      expect(computeRolloutWeights([3, 7, 11, 1], 1, p).reduce((a, b) => a + b, 0)).toBe(100);
  });

  test("percentages outside 0..100 are clamped", () => {
    expect(computeRolloutWeights([50, 50], 1, 140)).toEqual([0, 100]);
    expect(computeRolloutWeights([50, 50], 1, -5)).toEqual([100, 0]);
  });
});
