/**
 * A file loaded around its edit from how it was last loaded (fileLoad.ts says why reuse is exact):
 * the loader's side of the incremental pass. It runs only when a previous load of the file is
 * kept, that is from a session's second analysis on, so it is loaded on demand with the rest of
 * the incremental pass (modules/engineModules.ts, `incremental`) rather than in the engine
 * worker's first chunk.
 */
import type { Diagnostic, Manifest, ManifestSource, SourceFile } from "../types";
import {
  editWindow,
  type EditWindow,
  type FileLoad,
  type FileObjects,
  type LoadedChunk,
} from "./fileLoad";
import { fullParse, parseChunk, type ParseCache, type ParsedChunk } from "./parseCache";
import { emptyFileEntries, type ObjectNodeRegistry } from "./sourceLocator";
import type { LoadLimits } from "./loadLimits";
import { guardDocuments } from "./guardDocuments";
import { loadChunk, type FileResult } from "./loadManifests";
import { rethrowIfModuleNeeded } from "../modules/engineModules";
import { appendAll } from "../collections/appendAll";

/**
 * The file loaded around its edit from how it was last loaded (fileLoad.ts), or undefined when
 * it must be loaded whole (the window holds a document the guard refuses, or the parser gives up).
 */
export function reloadFile(
  before: FileLoad,
  source: SourceFile,
  limits: LoadLimits,
  registry: ObjectNodeRegistry,
  cache: ParseCache,
): { result: FileResult; load: FileLoad } | undefined {
  const window = editWindow(before, source.text);
  if (window === undefined) return undefined;
  if (window.text !== "" && guardDocuments(window.text, limits).refused.length > 0)
    return undefined;
  // A chunk that stands is kept by this file's load only, not by text in the chunk cache too: a
  // keystroke at 10,000 documents should not insert 10,000 entries. A later load that cannot
  // start from this one puts them there first (loadFile). The chunks before the window stand.
  const chunks: LoadedChunk[] = before.chunks.slice(0, window.first);
  const standing = (chunk: LoadedChunk): void => {
    chunks.push(chunk);
  };
  let parsedPieces: ParsedChunk[];
  try {
    // A copy, so the kept chunk does not hold this whole revision's text alive.
    parsedPieces = window.pieces.map((piece) => parseChunk(detached(piece.text), cache, true));
  } catch (error) {
    rethrowIfModuleNeeded(error);
    return undefined;
  }
  // Documents the window gained (negative: lost), which the chunks after it move by.
  let docShift = 0;
  for (const parsed of parsedPieces) docShift += documentsIn(parsed);
  for (let i = window.first; i < window.after; i++)
    docShift -= (before.chunks[i] as LoadedChunk).docs;
  // The standing chunks' locator entries come with the copy, and so do those of chunks that only
  // moved (to other lines: the locator moves what it finds with the object asking; to other
  // documents: renumbered below); the window's are registered anew.
  registry.startFrom(source.name, before.entries);
  for (let i = window.first; i < window.after; i++)
    for (const s of (before.chunks[i] as LoadedChunk).registered) registry.forget(s);
  if (docShift !== 0) {
    const later: ManifestSource[] = [];
    for (let i = window.after; i < before.chunks.length; i++)
      appendAll(later, (before.chunks[i] as LoadedChunk).registered);
    registry.renumber(later, docShift);
  }
  const previousChunk = before.chunks[window.first - 1];
  let nextDoc = previousChunk === undefined ? 0 : previousChunk.firstDoc + previousChunk.docs;
  try {
    for (const [p, piece] of window.pieces.entries()) {
      const parsed = parsedPieces[p] as ParsedChunk;
      const at = {
        start: window.start + piece.start,
        lineOffset: window.lineOffset + piece.lineOffset,
      };
      const loaded = loadChunk(parsed, at, nextDoc, source.name, limits, registry);
      nextDoc += loaded.docs;
      chunks.push(loaded);
    }
    for (let i = window.after; i < before.chunks.length; i++) {
      const chunk = before.chunks[i] as LoadedChunk;
      if (window.lineShift === 0 && docShift === 0 && window.shift === 0) {
        standing(chunk);
        continue;
      }
      const at = {
        start: chunk.start + window.shift,
        lineOffset: chunk.lineOffset + window.lineShift,
      };
      const end = chunk.end + window.shift;
      if (docShift === 0 && window.lineShift === 0) standing({ ...chunk, ...at, end });
      else standing(movedChunk(chunk, at, end, docShift));
    }
  } catch (error) {
    rethrowIfModuleNeeded(error);
    return undefined;
  }
  const objects = standingObjects(before, window, chunks) ?? allObjects(chunks);
  const entries = registry.fileEntries(source.name) ?? emptyFileEntries();
  return {
    result: { manifests: objects.manifests, diagnostics: objects.diagnostics },
    load: { text: source.text, limits, chunks, entries, objects },
  };
}

/** How many documents loadChunk finds in a parsed chunk (a quick one is one document). */
function documentsIn(parsed: ParsedChunk): number {
  return parsed.quick !== undefined ? 1 : fullParse(parsed).docs.length;
}

/**
 * A chunk that only moved: to other lines (lines added or removed before it) and to other
 * document indexes (a `---` typed or deleted before it splits or joins a document). It gives the
 * same objects and diagnostics, each at its new lines and document, without building them again
 * (loadChunk's result depends on its text, first document and lines before it, and only the last
 * two changed). Its locator entries stand, renumbered by reloadFile (sourceLocator.ts moves what
 * it locates with the object asking).
 */
function movedChunk(
  chunk: LoadedChunk,
  at: { start: number; lineOffset: number },
  end: number,
  docs: number,
): LoadedChunk {
  const lines = at.lineOffset - chunk.lineOffset;
  return {
    ...chunk,
    ...at,
    end,
    firstDoc: chunk.firstDoc + docs,
    manifests: chunk.manifests.map((m) => movedManifest(m, lines, docs)),
    diagnostics:
      chunk.diagnostics.length === 0
        ? chunk.diagnostics
        : chunk.diagnostics.map((d) => movedDiagnostic(d, lines, docs)),
    registered:
      docs === 0
        ? chunk.registered
        : chunk.registered.map((s) => ({ ...s, docIndex: s.docIndex + docs })),
  };
}

/** The same object `lines` lines and `docs` documents further on (back when negative). */
function movedManifest(m: Manifest, lines: number, docs: number): Manifest {
  const source = m.source;
  return {
    ...m,
    source: {
      ...source,
      line: source.line + lines,
      endLine: source.endLine + lines,
      docIndex: source.docIndex + docs,
    },
  };
}

function movedDiagnostic(d: Diagnostic, lines: number, docs: number): Diagnostic {
  const moved = { ...d, line: d.line + lines, endLine: d.endLine + lines };
  if (d.docIndex !== undefined) moved.docIndex = d.docIndex + docs;
  return moved;
}

/** Every chunk's objects and diagnostics, in order. */
function allObjects(chunks: readonly LoadedChunk[]): FileObjects {
  const manifests: Manifest[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const chunk of chunks) {
    appendAll(manifests, chunk.manifests);
    appendAll(diagnostics, chunk.diagnostics);
  }
  return { manifests, diagnostics };
}

/**
 * The file's objects and diagnostics when only the window's chunks were read anew (the ones after
 * it kept their objects: no line or document moved): the previous load's lists with the window's
 * part replaced, copied in three slices rather than chunk by chunk.
 */
function standingObjects(
  before: FileLoad,
  window: EditWindow,
  chunks: readonly LoadedChunk[],
): FileObjects | undefined {
  const last = before.objects;
  if (last === undefined) return undefined;
  const moved = before.chunks[window.after];
  const inWindow = chunks.length - window.first - (before.chunks.length - window.after);
  if (inWindow < 0) return undefined;
  if (moved !== undefined && chunks[window.first + inWindow]?.manifests !== moved.manifests)
    return undefined;
  // How many objects (and diagnostics) the chunks before the window and the window held.
  let manifestsBefore = 0;
  let diagnosticsBefore = 0;
  for (let i = 0; i < window.first; i++) {
    const c = before.chunks[i] as LoadedChunk;
    manifestsBefore += c.manifests.length;
    diagnosticsBefore += c.diagnostics.length;
  }
  let manifestsWas = 0;
  let diagnosticsWas = 0;
  for (let i = window.first; i < window.after; i++) {
    const c = before.chunks[i] as LoadedChunk;
    manifestsWas += c.manifests.length;
    diagnosticsWas += c.diagnostics.length;
  }
  const fresh = allObjects(chunks.slice(window.first, window.first + inWindow));
  return {
    manifests: last.manifests
      .slice(0, manifestsBefore)
      .concat(fresh.manifests, last.manifests.slice(manifestsBefore + manifestsWas)),
    diagnostics: last.diagnostics
      .slice(0, diagnosticsBefore)
      .concat(fresh.diagnostics, last.diagnostics.slice(diagnosticsBefore + diagnosticsWas)),
  };
}

/** The same characters in a string of their own (a slice would keep its whole source alive). */
function detached(text: string): string {
  return (text + " ").slice(0, -1);
}
