import { expect, test } from "vitest";
import fc from "fast-check";
import {
  cannotNestTooDeep,
  createOpenerCounter,
  documentChunks,
  findFlowDepthExcess,
  guardDocuments,
  hasLongLine,
  positionIn,
  scanDocuments,
} from "./guardDocuments";
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

test("the document split is handed on only when the text is unchanged (the loader reuses it)", () => {
  const text = "a: 1\n---\nb: 2\n";
  expect(guardDocuments(text, limits).scan).toEqual({
    chunks: documentChunks(text),
    directiveOrEnd: false,
  });
  const refusing = `a: 1\n---\nblob: ${"x".repeat(60)}\n`;
  expect(guardDocuments(refusing, limits).scan).toBeUndefined();
});

// What the loader looked for with a scan of its own before scanDocuments noted it.
const DIRECTIVE_OR_END = /^(?:%|\.\.\.(?=[ \t\r\n]|$))/m;

test.each([
  ["%YAML 1.2\n---\na: 1\n", true],
  ["a: 1\n...\n", true],
  ["a: 1\n... # end\n", true],
  ["a: 1\r%TAG ! x\n", true],
  ["a: 1\u2028...", true],
  ["a: '%x'\n b: ...x\n", false],
  ["a: 1\n.... \n---\n%", true],
  ["a: 1\n---\nb: 50%\n", false],
])("the split notes a directive or end marker at a line start: %j", (text, expected) => {
  expect(scanDocuments(text).directiveOrEnd).toBe(expected);
  expect(DIRECTIVE_OR_END.test(text)).toBe(expected);
});

test("the split's directive flag and chunks are what the separate scans found", () => {
  const marker = /^(?:---|\.\.\.)(?=[ \t\r\n]|$)/gm;
  const reference = (text: string): [number, number][] => {
    const chunks: [number, number][] = [];
    let start = 0;
    marker.lastIndex = 0;
    for (let m = marker.exec(text); m; m = marker.exec(text)) {
      if (m.index > start) chunks.push([start, m.index]);
      start = m.index;
      marker.lastIndex = m.index + 3;
    }
    chunks.push([start, text.length]);
    return chunks;
  };
  fc.assert(
    fc.property(
      fc.array(fc.constantFrom("%", ".", "-", "a", " ", "\t", "\n", "\r", "\u2028", "#"), {
        maxLength: 60,
      }),
      (cs) => {
        const text = cs.join("");
        const scan = scanDocuments(text);
        expect(scan.directiveOrEnd).toBe(DIRECTIVE_OR_END.test(text));
        expect(scan.chunks).toEqual(reference(text));
      },
    ),
    { numRuns: 3000 },
  );
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
  expect(guardDocuments(text, limits)).toEqual({
    text,
    refused: [],
    scan: { chunks: [[0, text.length]], directiveOrEnd: false },
  });
});

test("positionIn gives 1-based line and column", () => {
  expect(positionIn("ab\ncd\n", 4)).toEqual({ line: 2, col: 2 });
  expect(positionIn("ab", 0)).toEqual({ line: 1, col: 1 });
});

// The guard's shortcut (cannotNestTooDeep) skips the character scan for documents it proves fine:
// it must never skip one the scan refuses.
const nestingAlphabet = fc.constantFrom(
  " ",
  " ",
  "\n",
  "-",
  "?",
  ":",
  "[",
  "{",
  "]",
  "}",
  '"',
  "'",
  "#",
  "a",
  "\\",
  "\t",
);

test("the shortcut never passes a document the scan refuses (generated text)", () => {
  fc.assert(
    fc.property(
      fc.array(nestingAlphabet, { maxLength: 120 }).map((cs) => cs.join("")),
      fc.integer({ min: 1, max: 12 }),
      (text, maxDepth) => {
        if (cannotNestTooDeep(text, 0, text.length, maxDepth, createOpenerCounter(text)))
          expect(findFlowDepthExcess(text, 0, text.length, maxDepth)).toBe(-1);
      },
    ),
    { numRuns: 3000 },
  );
});

test("hasLongLine finds a line of the length or longer, within the range only", () => {
  // What it replaced: a search for the end of every line.
  const lineByLine = (text: string, start: number, end: number, length: number): boolean => {
    for (let lineStart = start; lineStart < end;) {
      let eol = text.indexOf("\n", lineStart);
      if (eol < 0 || eol > end) eol = end;
      if (eol - lineStart >= length) return true;
      lineStart = eol + 1;
    }
    return false;
  };
  fc.assert(
    fc.property(
      fc
        .array(fc.constantFrom("a", "b", "\n", "\r", " "), { maxLength: 80 })
        .map((cs) => cs.join("")),
      fc.nat(80),
      fc.nat(80),
      fc.integer({ min: 1, max: 12 }),
      (text, a, b, length) => {
        const start = Math.min(a, b, text.length);
        const end = Math.min(Math.max(a, b), text.length);
        expect(hasLongLine(text, start, end, length)).toBe(lineByLine(text, start, end, length));
      },
    ),
    { numRuns: 3000 },
  );
  expect(hasLongLine("ab\ncd\nxyz", 0, 8, 3)).toBe(false);
  expect(hasLongLine("ab\ncd\nxyz", 0, 9, 3)).toBe(true);
});

test("indentation and indicators around a quoted scalar that spans lines count together", () => {
  // Indentation 8 on the first line, two indicators after the closing quote on the second: 10 in
  // all, on lines of at most 9 characters, so a bound of one line's length would pass it.
  const text = '        "\nx" - -\n';
  const maxDepth = 9;
  expect(findFlowDepthExcess(text, 0, text.length, maxDepth)).toBeGreaterThanOrEqual(0);
  expect(cannotNestTooDeep(text, 0, text.length, maxDepth, createOpenerCounter(text))).toBe(false);
  expect(guardDocuments(text, { ...limits, maxNestingDepth: maxDepth }).refused).toMatchObject([
    { reason: "too-deep" },
  ]);
});

test("flow openers are counted per document, resuming the search in text order", () => {
  fc.assert(
    fc.property(
      fc.array(fc.constantFrom("[", "{", "a", "\n"), { maxLength: 80 }),
      fc.array(fc.integer({ min: 0, max: 80 }), { maxLength: 6 }),
      fc.integer({ min: 0, max: 6 }),
      (cs, cuts, limit) => {
        const text = cs.join("");
        const bounds = [
          0,
          ...cuts.map((c) => Math.min(c, text.length)).sort((a, b) => a - b),
          text.length,
        ];
        const counter = createOpenerCounter(text);
        for (let i = 0; i + 1 < bounds.length; i++) {
          const [start, end] = [bounds[i] ?? 0, bounds[i + 1] ?? 0];
          const straightforward = [...text.slice(start, end)].filter(
            (c) => c === "[" || c === "{",
          ).length;
          expect(counter.exceeds(start, end, limit)).toBe(straightforward > limit);
        }
      },
    ),
  );
});

test("a workspace of many documents is guarded as the scan alone would guard it", () => {
  const doc = (i: number) => `---\nkind: K\nmetadata:\n  name: n${i}\nspec: {a: [1, {b: [2]}]}\n`;
  // Deep by brackets on short lines: only the opener count can tell.
  const deep = `---\nx: ${`${"[".repeat(10)}\n`.repeat(4)}`;
  const text = [doc(0), deep, doc(1), doc(2), deep, doc(3)].join("");
  const strict = { ...DEFAULT_LOAD_LIMITS, maxNestingDepth: 30 };
  const refused = guardDocuments(text, strict).refused;
  const scanned = documentChunks(text).filter(
    ([s, e]) => findFlowDepthExcess(text, s, e, strict.maxNestingDepth) >= 0,
  );
  expect(refused.map((r) => [r.start, r.end])).toEqual(scanned);
  expect(refused).toHaveLength(2);
});
