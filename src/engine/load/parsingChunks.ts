/**
 * Splits a file into the pieces the loader parses one by one, each holding the documents the
 * whole-file parse would find there: a piece starts at a column-0 `---` (the same split as
 * guardDocuments). A leading piece with nothing but comments and blank lines is no document of
 * its own (the parser attaches those comments to the next one), so it joins the next piece.
 *
 * Directives (`%YAML`, `%TAG`) and `...` end markers change how the documents around them read;
 * files with them (rare in Kubernetes manifests) are parsed whole. The scan that splits the text
 * (scanDocuments) also tells whether it holds any.
 */
import { scanDocuments, type DocumentScan } from "./guardDocuments";

export interface ParsingChunk {
  text: string;
  /** Offset of the chunk in the text split. */
  start: number;
  /** Lines of the file before the chunk. */
  lineOffset: number;
}

const CONTENT_FREE = /^(?:[ \t]*(?:#[^\n]*)?(?:\r?\n|$))*$/;

/** A piece with comments and blank lines only, before any `---`: it joins the next document. */
export function isLeadingCommentPiece(piece: string): boolean {
  return !piece.startsWith("---") && CONTENT_FREE.test(piece);
}

/** `scan`: scanDocuments(text) when the caller has it already. */
export function parsingChunks(
  text: string,
  scan: DocumentScan = scanDocuments(text),
): ParsingChunk[] {
  if (scan.directiveOrEnd) return [{ text, start: 0, lineOffset: 0 }];
  const chunks: ParsingChunk[] = [];
  let pendingStart = -1;
  let line = 0;
  let counted = 0;
  for (const [start, end] of scan.chunks) {
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
