/**
 * utf8Length counts what TextEncoder writes, without encoding: ASCII, two- and three-byte
 * characters, surrogate pairs and lone surrogates, whole texts and ranges.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { utf8Length, utf8LengthOfRange } from "./utf8Length";

const encoded = (text: string) => new TextEncoder().encode(text).length;

describe("utf8Length", () => {
  test.each([
    ["", 0],
    ["kind: Gateway\n", 14],
    ["é", 2],
    ["名前: 値", 11],
    ["🚀", 4],
    ["a\uD800b", 5], // a lone high surrogate is written as U+FFFD (3 bytes)
    ["\uDC00", 3],
    ["\uD83D", 3], // a high surrogate at the very end
  ])("%j is %i bytes", (text, bytes) => {
    expect(utf8Length(text)).toBe(bytes);
    expect(encoded(text)).toBe(bytes);
  });

  test("equals TextEncoder's length on any text, and a range's count on its slice", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), fc.nat(), fc.nat(), (text, a, b) => {
        expect(utf8Length(text)).toBe(encoded(text));
        const start = Math.min(a, b) % (text.length + 1);
        const end = Math.max(start, Math.max(a, b) % (text.length + 1));
        expect(utf8LengthOfRange(text, start, end)).toBe(encoded(text.slice(start, end)));
      }),
      { numRuns: 500, seed: 2626 },
    );
  });
});
