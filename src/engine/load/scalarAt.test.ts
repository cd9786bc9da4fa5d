import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { forgetScalars, scalarAt } from "./quickParse";

// Which string object scalarAt hands out cannot be observed from JavaScript (strings compare by
// value), so what is checked is that the shared table never changes a value: whatever was read
// before, the text between two offsets comes back as exactly those characters.
describe("scalarAt", () => {
  test("equals the slice, whatever was read before (property)", () => {
    const piece = fc.oneof(
      fc.string({ maxLength: 70 }),
      fc.constantFrom("gw", "bench", "backend-a", "backend-b", "a", "b", "ab", "ba", "aab", "aba"),
    );
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 200 }), (pieces) => {
        const text = pieces.join("|");
        let at = 0;
        for (const p of pieces) {
          expect(scalarAt(text, at, at + p.length)).toBe(p);
          at += p.length + 1;
        }
        // Ranges that straddle pieces, read after the table holds the pieces.
        for (let s = 0; s + 3 <= text.length; s += 5)
          expect(scalarAt(text, s, s + 3)).toBe(text.slice(s, s + 3));
      }),
      { numRuns: 300 },
    );
  });

  test("strings that share length and sampled characters stay apart", () => {
    // Same length, same first two, middle and last two characters: the same slot.
    const text = "abXYZcd abQYRcd abXYZcd abQYRcd";
    for (let i = 0; i < 4; i++)
      expect(scalarAt(text, i * 8, i * 8 + 7)).toBe(text.slice(i * 8, i * 8 + 7));
  });

  test("a longer string in the slot is not taken for its own prefix", () => {
    // 8,192 slots: among 100,000 prefix pairs some land in the same slot, whatever the hash.
    // Compared without expect per value (200,000 expects take seconds on a loaded machine).
    const wrong: string[] = [];
    for (let i = 0; i < 100_000; i++) {
      const text = `k${i}-tail${i % 7}`;
      const cut = text.indexOf("-");
      if (scalarAt(text, 0, text.length) !== text) wrong.push(text);
      if (scalarAt(text, 0, cut) !== text.slice(0, cut)) wrong.push(text.slice(0, cut));
    }
    expect(wrong).toEqual([]);
  });

  test("many distinct values, empty and long ranges, and a forgotten table", () => {
    const wrong: string[] = [];
    for (let i = 0; i < 20_000; i++) {
      const text = `route-${i} PathPrefix gateway.networking.k8s.io/v1`;
      if (scalarAt(text, 0, text.indexOf(" ")) !== `route-${i}`) wrong.push(text);
      const middle = scalarAt(text, text.indexOf(" ") + 1, text.lastIndexOf(" "));
      if (middle !== "PathPrefix") wrong.push(middle);
    }
    expect(wrong).toEqual([]);
    const long = "x".repeat(65) + "y".repeat(65);
    expect(scalarAt(long, 0, 65)).toBe("x".repeat(65));
    expect(scalarAt(long, 3, 3)).toBe("");
    forgetScalars();
    expect(scalarAt("-PathPrefix-", 1, 11)).toBe("PathPrefix");
  });
});
