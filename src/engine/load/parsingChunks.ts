/**
 * Splits a file into the pieces the loader parses one by one, each holding the documents the
 * whole-file parse would find there: a piece starts at a column-0 `---` (the same split as
 * guardDocuments). A leading piece with nothing but comments and blank lines is no document of
 * its own (the parser attaches those comments to the next one), so it joins the next piece.
 *
 * Directives (`%YAML`, `%TAG`) and `...` end markers change how the documents around them read;
 * files with them (rare in Kubernetes manifests) are parsed whole.
 */
import { documentChunks } from "./guardDocuments";

export interface ParsingChunk {
  text: string;
  /** Offset of the chunk in the text split. */
  start: number;
  /** Lines of the file before the chunk. */
  lineOffset: number;
}

const DIRECTIVE_OR_END = /^(?:%|\.\.\.(?=[ \t\r\n]|$))/m;
const CONTENT_FREE = /^(?:[ \t]*(?:#[^\n]*)?(?:\r?\n|$))*$/;

/** Whether the text holds a directive or a `...` marker (then it is parsed whole). */
export function hasDirectiveOrEnd(text: string): boolean {
  return DIRECTIVE_OR_END.test(text);
}

/** A piece with comments and blank lines only, before any `---`: it joins the next document. */
export function isLeadingCommentPiece(piece: string): boolean {
  return !piece.startsWith("---") && CONTENT_FREE.test(piece);
}

/** `documents`: documentChunks(text) when the caller has them already. */
export function parsingChunks(
  text: string,
  documents: readonly (readonly [number, number])[] = documentChunks(text),
): ParsingChunk[] {
  if (DIRECTIVE_OR_END.test(text)) return [{ text, start: 0, lineOffset: 0 }];
  const chunks: ParsingChunk[] = [];
  let pendingStart = -1;
  let line = 0;
  let counted = 0;
  for (const [start, end] of documents) {
    const from = pendingStart >= 0 ? pendingStart : start;
    const piece = text.slice(from, end);
    if (isLeadingCommentPiece(piece) && end < text.length) {
      pendingStart = from;
      continue;
    }
    pendingStart = -1;
    line += countLines(text, counted, from);
    counted = from;
    chunks.push({ text: piece, start: from, lineOffset: line });
  }
  return chunks;
}

function countLines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf("\n", from); i >= 0 && i < to; i = text.indexOf("\n", i + 1)) n++;
  return n;
}
