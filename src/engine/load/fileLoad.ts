/**
 * A file as the loader last read it, chunk by chunk (parsingChunks.ts), kept in the parse cache so
 * the next load of an edited text re-reads only the chunks around the edit.
 *
 * Why reuse is exact: a chunk's objects, diagnostics and located nodes depend only on its text,
 * the file's name, its first document index and the lines before it (loadChunk in
 * loadManifests.ts). Chunks start at column-0 `---` markers, and whether a position holds a
 * marker reads the character before it and the four from it. So a chunk that ends at least four
 * characters before the edited range, or starts after it, is the same text in the new file,
 * split the same way; the ones before the edit keep their document indexes and lines, and the ones
 * after keep them too when the edit added no line and no document (else they are loaded again from
 * their kept parse, at their new place). Everything between is split, guarded and parsed afresh.
 *
 * Only files loaded the ordinary way are kept: split into chunks, with the quick reader, no
 * document refused by the guard (its blanking shifts offsets) and no directive or `...` marker
 * (those files are parsed whole).
 */
import type { Diagnostic, Manifest, ManifestSource } from "../types";
import { editedRange } from "./editedRange";
import type { LoadLimits } from "./loadLimits";
import type { ParsedChunk } from "./parseCache";
import { scanDocuments } from "./guardDocuments";
import { isLeadingCommentPiece, parsingChunks, type ParsingChunk } from "./parsingChunks";
import type { FileEntries } from "./sourceLocator";

export interface LoadedChunk {
  /** Offsets of the chunk in the file's text. */
  start: number;
  end: number;
  /** Lines of the file before the chunk. */
  lineOffset: number;
  /** Index of the chunk's first document in the file, and how many documents it holds. */
  firstDoc: number;
  docs: number;
  parsed: ParsedChunk;
  manifests: Manifest[];
  diagnostics: Diagnostic[];
  /** What the chunk registered with the locator: forgotten when the chunk is read again. */
  registered: ManifestSource[];
}

export interface FileLoad {
  text: string;
  limits: LoadLimits;
  chunks: LoadedChunk[];
  /** The locator's entries for the file after this load. */
  entries: FileEntries;
  /**
   * Every chunk's objects and diagnostics in order, as this load returned them: the next load
   * around an edit copies the parts that stand in slices instead of chunk by chunk.
   */
  objects?: FileObjects;
}

export interface FileObjects {
  /** Never changed once built: the loads after this one copy from them. */
  manifests: Manifest[];
  diagnostics: Diagnostic[];
}

/** The part of the new text to load afresh, between the chunks that stand. */
export interface EditWindow {
  /** Chunks [0, first) of the previous load stand where they were. */
  first: number;
  /** Chunks [after, n) stand, `shift` characters later in the new text. */
  after: number;
  shift: number;
  /** Where the window starts in the new text, and lines before it. */
  start: number;
  lineOffset: number;
  /** The window's text and its parsing chunks (offsets and lines relative to the window). */
  text: string;
  pieces: ParsingChunk[];
  /** Lines the window gained (negative: lost), which the chunks after it move by. */
  lineShift: number;
}

/** A marker's position is decided by the character before it and the four from it. */
const MARKER_REACH = 4;

/** Undefined when the new text cannot be loaded around its edit (then it is loaded whole). */
export function editWindow(before: FileLoad, text: string): EditWindow | undefined {
  const chunks = before.chunks;
  const old = before.text;
  if (chunks.length === 0) return undefined;
  // Not `old === text` first: on a long file that compares up to the edit once more.
  const { prefix, suffix } = editedRange(old, text);
  if (prefix === old.length && prefix === text.length) {
    // Every chunk stands.
    const none = { start: old.length, lineOffset: 0, text: "", pieces: [], lineShift: 0 };
    return { first: chunks.length, after: chunks.length, shift: 0, ...none };
  }
  let first = 0;
  while (first < chunks.length && (chunks[first] as LoadedChunk).end <= prefix - MARKER_REACH)
    first++;
  let after = chunks.length;
  // A chunk stands after the edit when its marker and the line break before it are unchanged.
  while (after > first && (chunks[after - 1] as LoadedChunk).start > old.length - suffix) after--;
  const shift = text.length - old.length;
  const opening = chunks[first] as LoadedChunk;
  const oldEnd = after < chunks.length ? (chunks[after] as LoadedChunk).start : old.length;
  const windowText = text.slice(opening.start, oldEnd + shift);
  // A directive or `...` anywhere makes the whole file one parse; outside the window, the
  // previous load proved there is none.
  const scan = scanDocuments(windowText);
  if (scan.directiveOrEnd) return undefined;
  const whole = first === 0 && after === chunks.length;
  // Documents removed whole leave nothing to parse (only an empty file is one empty chunk).
  const pieces = windowText === "" && !whole ? [] : parsingChunks(windowText, scan);
  const last = pieces[pieces.length - 1];
  // A leading comment-only piece joins the next document, which lies past the window.
  if (
    opening.start === 0 &&
    after < chunks.length &&
    pieces.length === 1 &&
    last !== undefined &&
    isLeadingCommentPiece(last.text)
  )
    return undefined;
  return {
    first,
    after,
    shift,
    start: opening.start,
    lineOffset: opening.lineOffset,
    text: windowText,
    pieces,
    lineShift: countLines(windowText) - countLines(old.slice(opening.start, oldEnd)),
  };
}

function countLines(text: string): number {
  let n = 0;
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) n++;
  return n;
}
