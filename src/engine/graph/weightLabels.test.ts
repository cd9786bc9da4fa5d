import { describe, expect, test } from "vitest";
import { createWeightLabels } from "./buildGraphEdges";

describe("createWeightLabels", () => {
  test("says the rule and its share, one string per rule and share", () => {
    const label = createWeightLabels();
    const cases: [number, number][] = [
      [0, 50],
      [0, 50],
      [1, 50],
      [0, 33.3],
      [12, 0],
      [12, -0],
      [3, NaN],
      [0, 100],
    ];
    for (const [rule, percent] of cases)
      expect(label(rule, percent)).toBe(`rule ${rule} · ${percent}%`);
    expect(label(0, 50)).toBe("rule 0 · 50%");
    expect(label(1, 50)).toBe("rule 1 · 50%");
    expect(label(0, 33.3)).toBe("rule 0 · 33.3%");
  });
});
