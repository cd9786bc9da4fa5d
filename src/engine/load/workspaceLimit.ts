/**
 * The cap on a whole workspace: its total size and its number of documents. Per-document limits
 * (guardDocuments.ts) keep one hostile document from costing more than itself, but 35 MB of small
 * documents passes every one of them and took the CLI to 1.6 GB; analysis memory grows with the
 * objects, so the workspace needs a bound of its own. Every way text reaches the engine (the CLI,
 * the worker's analyses, the page's paste, Add files, zip and share-link imports) goes through
 * loadManifests, which applies this first.
 *
 * What fits is read; the file that crosses the cap is cut at a document boundary (whole
 * documents only, so nothing is half-parsed) and the files after it are not read. One located
 * diagnostic says what was read, what was not and what to do (workspaceLimitWords.ts).
 */
import { needEngineModule } from "../modules/engineModules";
import type { Diagnostic, SourceFile } from "../types";
import type { LoadLimits } from "./loadLimits";
import { utf8Length, utf8LengthOfRange } from "./utf8Length";

export interface WorkspaceCut {
  /** What is read: every source before the cut, the crossing one up to its cut. */
  sources: SourceFile[];
  /** Present when something was not read. */
  diagnostic?: Diagnostic;
}

export type WorkspaceLimits = Pick<LoadLimits, "maxWorkspaceBytes" | "maxWorkspaceDocuments">;

export function limitWorkspace(
  sources: readonly SourceFile[],
  limits: WorkspaceLimits,
): WorkspaceCut {
  let bytes = 0;
  let documents = 0;
  for (let i = 0; i < sources.length; i++) {
    const source = sources[i] as SourceFile;
    const text = source.text;
    const room = limits.maxWorkspaceDocuments - documents;
    // The cap is in UTF-8 bytes, as on disk; a text longer in UTF-16 units is over it for sure
    // (every unit is at least one byte), so only a text that may fit is counted.
    const size = bytes + text.length <= limits.maxWorkspaceBytes ? utf8Length(text) : Infinity;
    const count = bytes + size <= limits.maxWorkspaceBytes ? countDocuments(text, room) : -1;
    if (count >= 0 && count <= room) {
      bytes += size;
      documents += count;
      continue;
    }
    const cut = cutAt(text, limits.maxWorkspaceBytes - bytes, room);
    const kept = sources.slice(0, i);
    if (cut.offset > 0) kept.push({ ...source, text: text.slice(0, cut.offset) });
    return {
      sources: kept,
      // Its words load on demand (diagnosticWordsModule.ts): only a workspace over the cap asks.
      diagnostic: needEngineModule("diagnosticWords").workspaceDiagnostic(sources, i, cut.offset, {
        bytes: bytes + cut.bytes,
        documents: documents + cut.documents,
        limits,
      }),
    };
  }
  return { sources: [...sources] };
}

/**
 * The documents of `text`, counted as the loader splits them (a column-0 `---` followed by a
 * blank or the line's end opens one), with indexOf rather than a regex: this runs on every
 * workspace. Stops once past `room` (the caller then cuts).
 */
function countDocuments(text: string, room: number): number {
  if (text.length === 0) return 0;
  let count = 1;
  let at = nextDocumentStart(text, 1);
  while (at >= 0 && count <= room) {
    count++;
    at = nextDocumentStart(text, at + 1);
  }
  return count;
}

/** The offset of the first column-0 `---` marker at or after `from` (offset 0 opens no second document). */
function nextDocumentStart(text: string, from: number): number {
  for (let i = text.indexOf("\n---", from - 1); i >= 0; i = text.indexOf("\n---", i + 4)) {
    const after = text.charCodeAt(i + 4);
    // NaN at the end of the text: a marker on the last line.
    if (Number.isNaN(after) || after === 32 || after === 9 || after === 10 || after === 13)
      return i + 1;
  }
  return -1;
}

/**
 * The end of the last whole document that fits both budgets (`byteRoom` in UTF-8 bytes), how many
 * documents precede it and their bytes. Each document is counted once, over its own range.
 */
function cutAt(text: string, byteRoom: number, documentRoom: number) {
  let offset = 0;
  let documents = 0;
  let bytes = 0;
  let start = 0;
  while (start < text.length && documents < documentRoom) {
    const next = nextDocumentStart(text, start + 1);
    const end = next < 0 ? text.length : next;
    // Units bound bytes from below: a document longer in units than the room left is over it.
    if (bytes + (end - start) > byteRoom) break;
    const size = bytes + utf8LengthOfRange(text, start, end);
    if (size > byteRoom) break;
    offset = end;
    bytes = size;
    documents++;
    start = end;
  }
  return { offset, documents, bytes };
}
