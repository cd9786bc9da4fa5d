import { expect, test } from "vitest";
import { documentChunks, guardDocuments, positionIn } from "./guardDocuments";
import { DEFAULT_LOAD_LIMITS } from "./loadLimits";

const limits = { ...DEFAULT_LOAD_LIMITS, maxDocumentBytes: 50, maxNestingDepth: 5 };

test("documents are split at column-0 markers only", () => {
  const text = "a: 1\n---\nb: |\n  ---\n  x\n--- # c\nc: 3\n...\n";
  expect(documentChunks(text).map(([s, e]) => text.slice(s, e))).toEqual([
    "a: 1\n",
    "---\nb: |\n  ---\n  x\n",
    "--- # c\nc: 3\n",
    "...\n",
  ]);
});

test("an oversized document is blanked to its line breaks; the others are untouched", () => {
  const big = `---\nblob: ${"x".repeat(60)}\nmore: 1\n`;
  const guarded = guardDocuments(`a: 1\n${big}---\nb: 2\n`, limits);
  expect(guarded.text).toBe("a: 1\n---\n\n\n---\nb: 2\n");
  expect(guarded.refused).toMatchObject([{ reason: "too-large", start: 5, size: big.length }]);
});

test.each([
  ["brackets", "a: [[[[[[1]]]]]]\n", 8],
  ["indentation", "a:\n       b: 1\n", 8],
  ["block indicators", "a: - - - - - - x\n", 13],
])("nesting past the limit by %s is refused where it crosses the limit", (_, text, at) => {
  expect(guardDocuments(text, limits).refused).toMatchObject([{ reason: "too-deep", at }]);
});

test("quoted brackets and comments do not count; fine documents pass through unchanged", () => {
  const text = "a: \"[[[[[[[[\"\nb: '{{{{{{{' # [[[[[[[[\nc: [[1]]\n";
  expect(guardDocuments(text, limits)).toEqual({ text, refused: [] });
});

test("positionIn gives 1-based line and column", () => {
  expect(positionIn("ab\ncd\n", 4)).toEqual({ line: 2, col: 2 });
  expect(positionIn("ab", 0)).toEqual({ line: 1, col: 1 });
});
