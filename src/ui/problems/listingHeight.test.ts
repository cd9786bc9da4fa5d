import { describe, expect, it } from "vitest";
import { keepsListingHeight } from "./listingHeight";

describe("keepsListingHeight", () => {
  it("grows when a problem is listed", () => {
    expect(keepsListingHeight(false, 1, false)).toBe(true);
    expect(keepsListingHeight(false, 1, true)).toBe(true);
  });

  it("stays one line high while nothing was ever listed", () => {
    expect(keepsListingHeight(false, 0, false)).toBe(false);
  });

  it("keeps the height when an edit fixes the last problem (no resize per keystroke)", () => {
    let kept = false;
    for (const count of [1, 0, 1, 0]) {
      kept = keepsListingHeight(kept, count, false);
      expect(kept).toBe(true);
    }
  });

  it("shrinks again when a clean workspace arrives whole", () => {
    expect(keepsListingHeight(true, 0, true)).toBe(false);
  });
});
