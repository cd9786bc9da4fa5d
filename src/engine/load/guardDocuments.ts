/**
 * Finds documents that must not reach the YAML parser at all (too large, nested too deeply) and
 * blanks them out before parsing. A blanked document keeps its line breaks, so line numbers of
 * the documents after it stay exact (and their columns, which count from their own lines); the
 * offsets do shift, so positions in the guarded text are read with the guarded text.
 */
import { utf8LengthOfRange } from "./utf8Length";
import type { LoadLimits } from "./loadLimits";

export interface RefusedDocument {
  reason: "too-large" | "too-deep";
  /** Offsets of the refused chunk in the original text. */
  start: number;
  end: number;
  /** Where to point the diagnostic: the chunk start, or where nesting crossed the limit. */
  at: number;
  size: number;
}

export interface GuardedText {
  text: string;
  refused: RefusedDocument[];
  /**
   * scanDocuments of `text`, when nothing was refused (the text is the input): the loader splits
   * with its chunks and reads its directive flag instead of scanning the text twice more.
   */
  scan?: DocumentScan;
}

/** What one scan of a text for column-0 markers finds. */
export interface DocumentScan {
  /** [start, end) of each document (documentChunks). */
  chunks: [number, number][];
  /**
   * Whether a line starts with a directive (`%`) or a `...` end marker: such files are parsed
   * whole (parsingChunks.ts).
   */
  directiveOrEnd: boolean;
}

// A document marker is `---` or `...` at column 0 followed by whitespace or the end of the line.
// Block scalar content is always indented, so a column-0 marker can only be a real separator.
// The same scan notes a `%` at a line start (a directive), so no other scan has to look for it.
const MARKER_OR_DIRECTIVE = /^(?:(?:---|\.\.\.)(?=[ \t\r\n]|$)|%)/gm;
const PERCENT = 37;
const DOT = 46;

export function guardDocuments(text: string, limits: LoadLimits): GuardedText {
  const refused: RefusedDocument[] = [];
  const openers = createOpenerCounter(text);
  const scan = scanDocuments(text);
  for (const [start, end] of scan.chunks) {
    // The cap is in UTF-8 bytes (3 per unit at most): only a document that may be over is counted.
    const units = end - start;
    const size = units * 3 <= limits.maxDocumentBytes ? units : utf8LengthOfRange(text, start, end);
    if (size > limits.maxDocumentBytes) {
      refused.push({ reason: "too-large", start, end, at: start, size });
      continue;
    }
    if (cannotNestTooDeep(text, start, end, limits.maxNestingDepth, openers)) continue;
    const deepAt = findFlowDepthExcess(text, start, end, limits.maxNestingDepth);
    if (deepAt >= 0) refused.push({ reason: "too-deep", start, end, at: deepAt, size });
  }
  if (refused.length === 0) return { text, refused, scan };
  let out = "";
  let cursor = 0;
  for (const r of refused) {
    out += text.slice(cursor, r.start) + blankKeepingMarker(text.slice(r.start, r.end));
    cursor = r.end;
  }
  return { text: out + text.slice(cursor), refused };
}

/** [start, end) of each document: split at column-0 `---` / `...` markers (a marker opens its chunk). */
export function documentChunks(text: string): [number, number][] {
  return scanDocuments(text).chunks;
}

/** documentChunks, and whether a line starts with a directive or `...`, in one pass. */
export function scanDocuments(text: string): DocumentScan {
  const chunks: [number, number][] = [];
  let directiveOrEnd = false;
  let start = 0;
  MARKER_OR_DIRECTIVE.lastIndex = 0;
  for (let m = MARKER_OR_DIRECTIVE.exec(text); m; m = MARKER_OR_DIRECTIVE.exec(text)) {
    const first = text.charCodeAt(m.index);
    if (first === PERCENT || first === DOT) directiveOrEnd = true;
    if (first === PERCENT) {
      // A directive splits nothing: go on after its `%`.
      MARKER_OR_DIRECTIVE.lastIndex = m.index + 1;
      continue;
    }
    if (m.index > start) chunks.push([start, m.index]);
    start = m.index;
    // The marker line belongs to the document it opens; skip past it so the next match is later.
    MARKER_OR_DIRECTIVE.lastIndex = m.index + 3;
  }
  chunks.push([start, text.length]);
  return { chunks, directiveOrEnd };
}

/**
 * Whether findFlowDepthExcess must give -1 for the document, decided without its character-by-
 * character scan: bracket depth never exceeds the number of `[` and `{` in the document, and
 * indentation and indicators each count characters of one line (indentation those of the line the
 * scan last saw start, indicators those after it or after a quoted scalar's closing quote, which
 * may sit on a later line), so their sum never exceeds twice the longest line. Both counts use
 * string searches, many times faster than the scan, and nearly every document has short lines
 * and few brackets; any other document is scanned.
 */
export function cannotNestTooDeep(
  text: string,
  start: number,
  end: number,
  maxDepth: number,
  openers: OpenerCounter,
): boolean {
  if (hasLongLine(text, start, end, Math.floor(maxDepth / 2) + 1)) return false;
  return !openers.exceeds(start, end, maxDepth);
}

/**
 * Whether [start, end) holds a line of `length` characters or more (a run of that many without a
 * line break). Each step looks back from the last character of a window of that length for a
 * break: none means a long line; one means the next window starts after it. With short lines a
 * step skips nearly a whole window, so a document costs a few searches rather than one per line
 * (an indexOf per line was most of what this pre-pass cost over 300,000 lines).
 */
export function hasLongLine(text: string, start: number, end: number, length: number): boolean {
  for (let last = start + length - 1; last < end;) {
    const lineBreak = text.lastIndexOf("\n", last);
    if (lineBreak <= last - length) return true;
    last = lineBreak + length;
  }
  return false;
}

export interface OpenerCounter {
  /** Whether [start, end) holds more than `limit` flow openers (`[` and `{`, quoted or not). */
  exceeds(start: number, end: number, limit: number): boolean;
}

/**
 * Counts flow openers per document. Documents are asked about in text order, so each search
 * resumes where the last one stopped and the whole text is searched once, however many documents
 * it holds (an indexOf per document from its start would search to the next opener, which may be
 * at the end of the text, for every document).
 */
export function createOpenerCounter(text: string): OpenerCounter {
  const next = { "[": -1, "{": -1 };
  const seek = (opener: "[" | "{", from: number): number => {
    if (next[opener] >= from || next[opener] === -2) return next[opener];
    next[opener] = text.indexOf(opener, from);
    if (next[opener] < 0) next[opener] = -2; // none left in the text
    return next[opener];
  };
  return {
    exceeds(start, end, limit) {
      // No more openers than characters: most documents are shorter than the limit.
      if (end - start <= limit) return false;
      let count = 0;
      for (const opener of ["[", "{"] as const) {
        for (let at = seek(opener, start); at >= 0 && at < end; at = seek(opener, at + 1))
          if (++count > limit) return true;
      }
      return false;
    },
  };
}

/**
 * Offset where nesting first exceeds maxDepth, or -1. Nesting is counted three ways, each of
 * which the parser turns into recursion: `[`/`{` depth, indentation, and runs of block
 * indicators (`- - - x`, `? ? x`, `a: - - x`). Quoted scalars and comments are skipped.
 */
export function findFlowDepthExcess(
  text: string,
  start: number,
  end: number,
  maxDepth: number,
): number {
  let depth = 0;
  let indent = 0;
  let atLineStart = true;
  let indicators = 0;
  let i = start;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) {
      atLineStart = true;
      indent = 0;
      indicators = 0;
      i++;
      continue;
    }
    const blank = c === 0x20 || c === 0x09;
    if (atLineStart && blank) indent++;
    else atLineStart = false;
    if (
      (c === 0x2d || c === 0x3f || c === 0x3a) &&
      isBlankAt(text, i + 1) &&
      (i === start || isBlankAt(text, i - 1) || text.charCodeAt(i - 1) === 0x0a)
    ) {
      indicators++;
    } else if (!blank && c !== 0x3a) {
      indicators = 0;
    }
    if (indent + indicators > maxDepth) return i;
    if (c === 0x5b || c === 0x7b) {
      depth++;
      if (depth > maxDepth) return i;
    } else if (c === 0x5d || c === 0x7d) {
      if (depth > 0) depth--;
    } else if ((c === 0x22 || c === 0x27) && opensScalar(text[i - 1])) {
      i = skipQuoted(text, i, end, c);
    } else if (c === 0x23 && (i === start || /\s/.test(text[i - 1] ?? ""))) {
      while (i < end && text.charCodeAt(i + 1) !== 0x0a) i++;
    }
    i++;
  }
  return -1;
}

function isBlankAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c === 0x20 || c === 0x09 || c === 0x0a || Number.isNaN(c);
}

// A quote opens a quoted scalar only where a scalar can start; `don't` is a plain scalar.
function opensScalar(previous: string | undefined): boolean {
  return previous === undefined || /[\s[{,:?-]/.test(previous);
}

/** Offset of the closing quote; an unterminated quote skips nothing, so it cannot hide brackets. */
function skipQuoted(text: string, open: number, end: number, quote: number): number {
  let i = open + 1;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (quote === 0x22 && c === 0x5c) i += 2;
    else if (c === quote) return i;
    else i++;
  }
  return open;
}

// Keeping the `---` keeps the refused document as an (empty) document, so the document indexes of
// the ones after it match what an unguarded parse of the same text reports.
// Only the line breaks are kept (not a space per character): the parser then skips a refused
// 6 MiB document in no time.
function blankKeepingMarker(chunk: string): string {
  const marker = chunk.startsWith("---") ? "---" : "";
  return marker + chunk.slice(marker.length).replace(/[^\n]+/g, "");
}

/** 1-based line and column of an offset, for positions in the original (unguarded) text. */
export function positionIn(text: string, offset: number): { line: number; col: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf("\n"); i >= 0 && i < offset; i = text.indexOf("\n", i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, col: offset - lineStart + 1 };
}
