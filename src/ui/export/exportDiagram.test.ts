import { describe, expect, test } from "vitest";
import { PNG_SCALE, pngScale } from "./exportDiagram";

describe("pngScale", () => {
  test("renders at 2× unless the canvas would exceed what Chromium can hold", () => {
    expect(pngScale(1426, 714)).toBe(PNG_SCALE);
    // 12,000 px wide: 2× would be 24,000 px, beyond a canvas side; the side limit wins.
    const wide = pngScale(12_000, 800);
    expect(wide).toBeLessThan(PNG_SCALE);
    expect(12_000 * wide).toBeLessThanOrEqual(16_000);
    // Large both ways: the pixel budget wins.
    const big = pngScale(7000, 7000);
    expect(7000 * big * 7000 * big).toBeLessThanOrEqual(120_000_000 + 1);
  });
});
