/**
 * kubectl reads a file that opens with `{` as a stream of JSON objects one after another
 * (apimachinery's YAMLOrJSONDecoder), and that is what Kubernetes' JSON printers write for several
 * objects: `ingress2gateway print -o json`, `jq` over a List's items. YAML reads one flow mapping
 * per document and calls the second `{` a syntax error, so a piece that opens with `{` is split
 * where one top-level object closes and the next opens at the start of a line. Only text the YAML
 * parser would refuse is split: after a complete top-level flow mapping nothing but comments may
 * follow in the same document.
 */
import type { ParsingChunk } from "./parsingChunks";
import { isBlank, jsonStreamStart, lineEnd, skipBlanksAndComments } from "./jsonStreamStart";

const NEWLINE = 10;
const HASH = 35;
const DOUBLE_QUOTE = 34;
const SINGLE_QUOTE = 39;
const BACKSLASH = 92;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const COMMA = 44;
const COLON = 58;

/** The pieces with each JSON stream split into one piece per object; `split` tells whether any was. */
export function splitJsonStreams(pieces: readonly ParsingChunk[]): {
  pieces: ParsingChunk[];
  split: boolean;
} {
  const out: ParsingChunk[] = [];
  let split = false;
  for (const piece of pieces) {
    const starts = jsonObjectStarts(piece.text);
    if (starts.length === 0) {
      out.push(piece);
      continue;
    }
    split = true;
    let from = 0;
    let lineOffset = piece.lineOffset;
    for (const at of [...starts, piece.text.length]) {
      const text = piece.text.slice(from, at);
      out.push({ text, start: piece.start + from, lineOffset });
      lineOffset += countNewlines(text);
      from = at;
    }
  }
  return { pieces: out, split };
}

/**
 * Offsets, after the first, where a top-level `{` opens a line after a closed top-level object;
 * empty when the text does not open with `{` (after blanks, comments and a `---` marker).
 */
export function jsonObjectStarts(text: string): number[] {
  let i = jsonStreamStart(text);
  if (i < 0) return [];
  const starts: number[] = [];
  let depth = 0;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === DOUBLE_QUOTE || c === SINGLE_QUOTE) {
      // A quote inside a plain scalar (`{a: it's}`) opens nothing; one starting a scalar does.
      if (opensScalar(text.charCodeAt(i - 1))) i = closingQuote(text, i, c);
    } else if (c === HASH && isBlank(text.charCodeAt(i - 1))) i = lineEnd(text, i);
    else if (c === OPEN_BRACE || c === OPEN_BRACKET) depth++;
    else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      depth--;
      if (depth < 0) return starts;
      if (depth > 0) continue;
      const next = skipBlanksAndComments(text, i + 1);
      if (next >= text.length) return starts;
      if (text.charCodeAt(next) !== OPEN_BRACE || text.charCodeAt(next - 1) !== NEWLINE)
        return starts;
      starts.push(next);
      i = next - 1;
    }
  }
  return starts;
}

function opensScalar(before: number): boolean {
  return (
    isBlank(before) ||
    before === OPEN_BRACE ||
    before === OPEN_BRACKET ||
    before === COMMA ||
    before === COLON
  );
}

/** Index of the quote closing the scalar opened at `open` (JSON `\` escapes, YAML `''`). */
function closingQuote(text: string, open: number, quote: number): number {
  for (let i = open + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (quote === DOUBLE_QUOTE && c === BACKSLASH) i++;
    else if (c === quote) {
      if (quote === SINGLE_QUOTE && text.charCodeAt(i + 1) === SINGLE_QUOTE) i++;
      else return i;
    }
  }
  return text.length;
}

function countNewlines(text: string): number {
  let n = 0;
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) n++;
  return n;
}
