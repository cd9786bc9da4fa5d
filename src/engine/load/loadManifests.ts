/**
 * text → Manifest[] + SourceLocator + Diagnostic[].
 *
 * Every document is parsed on its own terms: a syntax error, an alias bomb or an oversized
 * document costs that document only, and the others still load. Objects keep their source range,
 * so every later diagnostic can point at the line the user wrote.
 */
import type { Document, Node } from "yaml";
import { isMap, isSeq } from "./yamlNodeTypes";
import { diagnostic } from "../diagnostics/diagnostic";
import { unknownKindDiagnostics } from "./unknownKinds";
import type { Diagnostic, Manifest, ManifestSource, SourceFile } from "../types";
import { buildManifest, isPlainObject, refOf, type ObjectInput } from "./buildManifest";
import { needEngineModule } from "../modules/engineModules";
import { guardDocuments, positionIn, type RefusedDocument } from "./guardDocuments";
import { inspectDocument } from "./inspectDocument";
import { DEFAULT_LOAD_LIMITS, type LoadLimits } from "./loadLimits";
import { limitWorkspace } from "./workspaceLimit";
import {
  fullParse,
  parseChunk,
  settleParseCache,
  type FullChunk,
  type ParseCache,
  type ParsedChunk,
} from "./parseCache";
import { forgetScalars, type QuickDocument } from "./quickParse";
import { parsingChunks } from "./parsingChunks";
import { jsonStreamStart } from "./jsonStreamStart";
import type { LoadedChunk } from "./fileLoad";
import {
  createObjectNodeRegistry,
  emptyFileEntries,
  linePosition,
  offsetsToLocation,
  type LocatedFile,
  type LocatedRoot,
  type ObjectNodeRegistry,
} from "./sourceLocator";
import type { SourceLocator } from "./sourceLocator";
import { appendAll } from "../collections/appendAll";
import { isEngineModuleLoaded, rethrowIfModuleNeeded } from "../modules/engineModules";

export type { SourceLocator } from "./sourceLocator";
export type { LoadLimits } from "./loadLimits";

export interface LoadResult {
  manifests: Manifest[];
  diagnostics: Diagnostic[];
  /** Internal to the engine (holds yaml nodes): never crosses the worker boundary. */
  locator: Required<SourceLocator>;
}

/**
 * `cache` reuses unchanged documents' parses across calls (see parseCache.ts). `splitDocuments`
 * false parses each file as one stream: the reference the chunked parse is tested against;
 * `quickParse` false reads every chunk with the `yaml` library: the reference for quickParse.ts.
 */
export function loadManifests(
  sources: readonly SourceFile[],
  limits: Partial<LoadLimits> = {},
  cache?: ParseCache,
  splitDocuments = true,
  quickParse = true,
): LoadResult {
  const effective: LoadLimits = { ...DEFAULT_LOAD_LIMITS, ...limits };
  const registry = createObjectNodeRegistry();
  const diagnostics: Diagnostic[] = [];
  const loaded: Manifest[] = [];
  // First, before anything is parsed: what is over the workspace cap is not read at all.
  const workspace = limitWorkspace(sources, effective);
  if (workspace.diagnostic !== undefined) diagnostics.push(workspace.diagnostic);
  for (const source of workspace.sources) {
    const file = loadFile(source, effective, registry, cache, {
      split: splitDocuments,
      quick: quickParse,
    });
    appendAll(loaded, file.manifests);
    appendAll(diagnostics, file.diagnostics);
    // Edge case, not the hot path: U+FFFD (bytes a decoder found not UTF-8) or NUL, and the file is
    // asked about (encodingWords.ts, on demand). indexOf, not a regex: V8 answers U+FFFD at once in
    // a one-byte string and finds NUL with memchr, where /[\ufffd\u0000]/ read every character
    // (≈15 ms per load of a 10,000-route text, 6% of loading in the edit bench).
    if (source.text.indexOf("\u0000") >= 0 || source.text.indexOf("\ufffd") >= 0) {
      const encoding = needEngineModule("diagnosticWords").describeEncoding(source);
      if (encoding !== undefined) diagnostics.push(encoding);
    }
  }
  settleParseCache(cache);
  forgetScalars();
  const manifests = sameKeysAsLastLoad(cache, loaded)
    ? loaded
    : dropDuplicates(loaded, registry.locator, diagnostics);
  if (cache !== undefined)
    lastLoads.set(cache, { loaded, unique: manifests.length === loaded.length });
  appendAll(diagnostics, unknownKindDiagnostics(manifests, registry.locator));
  return { manifests, diagnostics, locator: registry.locator };
}

/**
 * The objects the last load with a parse cache gave (before duplicates were dropped), and whether
 * their keys were all distinct: a keystroke keeps every object's key at its position, so the next
 * load knows it has no duplicate either without putting every key in a map again.
 */
const lastLoads = new WeakMap<ParseCache, { loaded: readonly Manifest[]; unique: boolean }>();

/**
 * True when `loaded` holds the keys of the last load, position by position, and those were all
 * distinct. An object reused from that load is the same object (the same key, compared by
 * reference); only the re-read ones compare their keys.
 */
function sameKeysAsLastLoad(cache: ParseCache | undefined, loaded: readonly Manifest[]): boolean {
  const last = cache === undefined ? undefined : lastLoads.get(cache);
  if (last === undefined || !last.unique || last.loaded.length !== loaded.length) return false;
  for (let i = 0; i < loaded.length; i++) {
    const a = loaded[i] as Manifest;
    const b = last.loaded[i] as Manifest;
    if (a !== b && a.key !== b.key) return false;
  }
  return true;
}

export interface FileResult {
  manifests: Manifest[];
  diagnostics: Diagnostic[];
}

function loadFile(
  source: SourceFile,
  limits: LoadLimits,
  registry: ObjectNodeRegistry,
  cache: ParseCache | undefined,
  mode: { split: boolean; quick: boolean },
): FileResult {
  const keep = cache !== undefined && mode.split && mode.quick;
  if (keep) {
    const before = cache.files.current.get(source.name) ?? cache.files.previous.get(source.name);
    // Loading around the edit is in the incremental pass's on-demand module (reloadFile.ts). Not
    // asked for when it is not loaded: a run retried for another module (its first try kept this
    // file) loads the file whole, which gives the same, instead of a retry for this one.
    const reloaded =
      before !== undefined &&
      sameLimits(before.limits, limits) &&
      isEngineModuleLoaded("incremental")
        ? needEngineModule("incremental").reloadFile(before, source, limits, registry, cache)
        : undefined;
    if (reloaded !== undefined) {
      cache.files.current.set(source.name, reloaded.load);
      return reloaded.result;
    }
    // Loaded whole after all: its documents that stand are found by text, as any others.
    if (before !== undefined)
      for (const c of before.chunks) cache.current.set(c.parsed.text, c.parsed);
  }
  const diagnostics: Diagnostic[] = [];
  const manifests: Manifest[] = [];
  const guarded = guardDocuments(source.text, limits);
  for (const refused of guarded.refused)
    diagnostics.push(refusedDiagnostic(source, refused, limits));
  // A refused first document without a `---` leaves only blanks, which the parser does not count.
  const firstRefused = guarded.refused[0];
  let docIndex = firstRefused?.start === 0 && !source.text.startsWith("---") ? 1 : 0;
  const chunks = mode.split
    ? parsingChunks(guarded.text, guarded.scan)
    : [{ text: guarded.text, start: 0, lineOffset: 0 }];
  // The splitter loads on demand: only a piece opening with `{` may be a JSON stream.
  const streams = chunks.some((chunk) => jsonStreamStart(chunk.text) >= 0)
    ? needEngineModule("jsonStream").splitJsonStreams(chunks)
    : { pieces: chunks, split: false };
  const pieces = streams.pieces;
  // What the next load of an edited text may reuse (fileLoad.ts says which files qualify; its
  // pieces start at `---` markers, so a JSON stream's objects are loaded whole each time).
  const kept: LoadedChunk[] | undefined =
    keep && guarded.scan !== undefined && !guarded.scan.directiveOrEnd && !streams.split
      ? []
      : undefined;
  for (const piece of pieces) {
    let loaded: LoadedChunk;
    try {
      const parsed = parseChunk(piece.text, cache, mode.quick);
      loaded = loadChunk(
        parsed,
        piece,
        docIndex,
        source.name,
        limits,
        registry,
        cache !== undefined,
      );
    } catch (error) {
      rethrowIfModuleNeeded(error);
      if (kept !== undefined) cache?.files.current.delete(source.name);
      return lostFile(source, error);
    }
    appendAll(manifests, loaded.manifests);
    appendAll(diagnostics, loaded.diagnostics);
    docIndex += loaded.docs;
    kept?.push(loaded);
  }
  if (kept !== undefined)
    cache?.files.current.set(source.name, {
      text: source.text,
      limits,
      chunks: kept,
      entries: registry.fileEntries(source.name) ?? emptyFileEntries(),
      objects: { manifests, diagnostics },
    });
  return { manifests, diagnostics };
}

/**
 * One parsing chunk's objects and diagnostics: they depend on its text, the file's name, its first
 * document index and the lines before it, and on nothing else (so a chunk can be reused).
 */
export function loadChunk(
  parsed: ParsedChunk,
  at: { start: number; lineOffset: number },
  firstDoc: number,
  fileName: string,
  limits: LoadLimits,
  registry: ObjectNodeRegistry,
  cached = true,
): LoadedChunk {
  let docIndex = firstDoc;
  if (parsed.quick !== undefined && listItemsOf(parsed.quick.value) === undefined) {
    // Nearly every chunk: one document, one object, one registration, so none of the recording
    // registry, its closures and the lists below is made for it.
    const result = loadQuickDocument(
      parsed,
      parsed.quick,
      docIndex,
      fileName,
      at.lineOffset,
      registry,
      cached,
    );
    return {
      start: at.start,
      end: at.start + parsed.text.length,
      lineOffset: at.lineOffset,
      firstDoc,
      docs: 1,
      parsed,
      manifests: result.manifests,
      diagnostics: inDocument(result.diagnostics, docIndex),
      registered: [result.source],
    };
  }
  const registered: ManifestSource[] = [];
  const recording: ObjectNodeRegistry = {
    ...registry,
    register(source, root, file) {
      registry.register(source, root, file);
      registered.push(source);
    },
    registerLazy(source, resolve) {
      registry.registerLazy(source, resolve);
      registered.push(source);
    },
  };
  const loaded: LoadedChunk = {
    start: at.start,
    end: at.start + parsed.text.length,
    lineOffset: at.lineOffset,
    firstDoc,
    docs: 0,
    parsed,
    manifests: [],
    diagnostics: [],
    registered,
  };
  // Lists are read from the full Document: each item's object starts at its own node.
  const full = fullParse(parsed);
  const file: LocatedFile = {
    name: fileName,
    text: parsed.text,
    lineCounter: full.lineCounter,
    lineOffset: at.lineOffset,
  };
  for (const doc of full.docs) {
    const result = loadDocument(doc, docIndex, file, limits, recording);
    appendAll(loaded.manifests, result.manifests);
    appendAll(loaded.diagnostics, inDocument(result.diagnostics, docIndex));
    docIndex += 1;
  }
  loaded.docs = docIndex - firstDoc;
  return loaded;
}

/**
 * The guard above should keep the parser from recursing this deep; if it still fails, the file is
 * lost as a whole, but with a diagnostic rather than a crash.
 */
function lostFile(source: SourceFile, error: unknown): FileResult {
  const at = { file: source.name, line: 1, column: 1, endLine: 1, endColumn: 1 };
  const why = error instanceof Error ? error.message : String(error);
  return {
    manifests: [],
    diagnostics: [
      diagnostic(
        "yaml.nesting-limit",
        at,
        `The YAML parser gave up on this file (${why}); nothing in it was loaded.`,
      ),
    ],
  };
}

function sameLimits(a: LoadLimits, b: LoadLimits): boolean {
  return (
    a.maxDocumentBytes === b.maxDocumentBytes &&
    a.maxAliasCount === b.maxAliasCount &&
    a.maxNestingDepth === b.maxNestingDepth
  );
}

/** Everything loading one document reported is in that document. */
function inDocument(found: readonly Diagnostic[], docIndex: number): Diagnostic[] {
  return found.map((d) => (d.docIndex === undefined ? { ...d, docIndex } : d));
}

/**
 * A document quickParse read: its object is built from the plain value, and its yaml nodes are
 * parsed only if a diagnostic asks where one of its fields is.
 */
function loadQuickDocument(
  parsed: ParsedChunk,
  quick: QuickDocument,
  docIndex: number,
  fileName: string,
  lineOffset: number,
  registry: ObjectNodeRegistry,
  cached: boolean,
): FileResult & { source: ManifestSource } {
  const source: ManifestSource = {
    file: fileName,
    docIndex,
    line: quick.startLine + lineOffset + 1,
    column: quick.startColumn + 1,
    endLine: quick.endLine + lineOffset + 1,
  };
  registry.registerLazy(
    source,
    cached
      ? lazyRootOfChunk(parsed, fileName, lineOffset)
      : lazyRootOfText(parsed.text, fileName, lineOffset),
  );
  const built = buildManifest({
    value: quick.value,
    source,
    locate: (path) => registry.locator.locate(stub(source), path),
    mayHoldPlaceholders: mayHoldPlaceholders(parsed.text),
  });
  return {
    manifests: built.manifest ? [built.manifest] : [],
    diagnostics: built.diagnostics,
    source,
  };
}

/**
 * How to find a quick document's root when first asked, for a chunk a parse cache keeps: its
 * Documents, once parsed, stay with the chunk for the next analysis. Made here rather than in the
 * caller's scope: a closure keeps every variable its scope shares with other closures, and the
 * caller's `locate` closure shares the chunk's recording registry, which the locator would then
 * hold for every document of the workspace.
 */
function lazyRootOfChunk(
  parsed: ParsedChunk,
  fileName: string,
  lineOffset: number,
): () => LocatedRoot {
  return () => locatedRoot(fullParse(parsed), parsed.text, fileName, lineOffset);
}

/**
 * The same without a parse cache: only the text is kept, not the chunk. Nothing else reads a
 * chunk no cache holds, and it would keep its quick reading (an object per document, for the
 * whole analysis) through this closure. The locator asks once: the root replaces the closure.
 */
function lazyRootOfText(text: string, fileName: string, lineOffset: number): () => LocatedRoot {
  return () =>
    locatedRoot(fullParse(parseChunk(text, undefined, false)), text, fileName, lineOffset);
}

function locatedRoot(
  full: FullChunk,
  text: string,
  fileName: string,
  lineOffset: number,
): LocatedRoot {
  const root = full.docs[0]?.contents as Node;
  return { root, file: { name: fileName, text, lineCounter: full.lineCounter, lineOffset } };
}

function loadDocument(
  doc: Document.Parsed,
  docIndex: number,
  file: LocatedFile,
  limits: LoadLimits,
  registry: ObjectNodeRegistry,
): FileResult {
  const diagnostics: Diagnostic[] = [];
  for (const warning of doc.warnings) {
    const at = offsetsToLocation(file, warning.pos[0], warning.pos[1]);
    diagnostics.push(diagnostic("yaml.warning", at, `YAML: ${warning.message}`));
  }
  const first = doc.errors[0];
  if (first) {
    const at = offsetsToLocation(file, first.pos[0], Math.max(first.pos[0], first.pos[1]));
    // Its words are in the on-demand module the diagnostic below needs anyway (its catalog entry).
    const described = needEngineModule("diagnosticWords").describeYamlError(
      first,
      lineAt(file.text, first.pos[0]),
    );
    const more =
      doc.errors.length > 1 ? ` (${doc.errors.length - 1} more error(s) follow from it.)` : "";
    diagnostics.push(
      diagnostic(
        "yaml.syntax",
        at,
        `${described.message} This document was not loaded; the others were.${more}`,
        {
          ...(described.hint ? { hint: described.hint } : {}),
        },
      ),
    );
    return { manifests: [], diagnostics };
  }
  const contents = doc.contents as Node | null;
  // Documents holding only comments, or a trailing `---`, are not objects and not mistakes.
  if (contents === null || isEmptyScalar(contents)) return { manifests: [], diagnostics };
  const problem = inspectDocument(doc, limits.maxNestingDepth);
  if (problem) {
    const at = offsetsToLocation(file, problem.offset, problem.offset + 1);
    diagnostics.push(
      problem.kind === "complex-key"
        ? needEngineModule("diagnosticWords").complexKeyDiagnostic(
            at,
            lineAt(file.text, problem.offset),
          )
        : diagnostic(
            "yaml.nesting-limit",
            at,
            `The document nests more than ${limits.maxNestingDepth} levels deep here; it was not loaded.`,
          ),
    );
    return { manifests: [], diagnostics };
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: limits.maxAliasCount });
  } catch (error) {
    diagnostics.push(
      needEngineModule("diagnosticWords").conversionDiagnostic(error, file, contents),
    );
    return { manifests: [], diagnostics };
  }
  const manifests: Manifest[] = [];
  const placeholders = mayHoldPlaceholders(file.text);
  const build = (input: Omit<ObjectInput, "locate">, root: Node): void => {
    registry.register(input.source, root, file);
    const built = buildManifest({
      ...input,
      locate: (path) => registry.locator.locate(stub(input.source), path),
      mayHoldPlaceholders: placeholders,
    });
    appendAll(diagnostics, built.diagnostics);
    if (built.manifest) manifests.push(built.manifest);
  };
  const listItems = isPlainObject(value) ? listItemsOf(value) : undefined;
  if (listItems && isMap(contents)) {
    flattenListItems(listItems, contents).forEach(({ item, node, path }, listIndex) => {
      const root = node ?? contents;
      const source = sourceOf(file, docIndex, root, listIndex);
      build({ value: item, source, listItemPath: path }, root);
    });
    return { manifests, diagnostics };
  }
  build({ value, source: sourceOf(file, docIndex, contents) }, contents);
  return { manifests, diagnostics };
}

/** Flux's `${VAR}` or a Go template's `{{ … }}` may be in the text (buildManifest looks closer). */
function mayHoldPlaceholders(text: string): boolean {
  return text.includes("${") || text.includes("{{");
}

/**
 * `kind: List` (what `kubectl get -o yaml` prints) and typed lists such as `HTTPRouteList`: each
 * item is an object of its own. Typed lists from the API server omit the items' kind/apiVersion.
 */
function listItemsOf(value: Record<string, unknown>): unknown[] | undefined {
  const kind = typeof value.kind === "string" ? value.kind : "";
  if (!kind.endsWith("List") || !Array.isArray(value.items)) return undefined;
  if (kind === "List") return value.items;
  const itemKind = kind.slice(0, -"List".length);
  return value.items.map((item) =>
    isPlainObject(item) && item.kind === undefined
      ? { apiVersion: value.apiVersion, kind: itemKind, ...item }
      : item,
  );
}

interface ListEntry {
  item: unknown;
  node: Node | undefined;
  /** Where the item sits, for diagnostics: `items[2]`, or `items[0].items[1]` in a nested List. */
  path: string;
}

/**
 * A List's items, with the items of Lists nested in it expanded, in the order kubectl's resource
 * builder visits them (cli-runtime FlattenListVisitor): breadth-first, so a List's own objects
 * come before those of Lists nested in it. Order decides which of two duplicates wins (the later
 * one is applied last). Depth is bounded by the nesting limit the document already passed;
 * listIndex is the position in this flat sequence, unique within the document.
 */
function flattenListItems(items: readonly unknown[], listNode: Node): ListEntry[] {
  const out: ListEntry[] = [];
  const queue: { list: readonly unknown[]; owner: Node | undefined; path: string }[] = [
    { list: items, owner: listNode, path: "" },
  ];
  for (let next = 0; next < queue.length; next++) {
    const { list, owner, path } = queue[next] as (typeof queue)[number];
    const seq = isMap(owner) ? owner.get("items", true) : undefined;
    list.forEach((item, index) => {
      const node = isSeq(seq) ? (seq.items[index] as Node | undefined) : undefined;
      const itemPath = `${path}${path ? "." : ""}items[${index}]`;
      const nested = isPlainObject(item) ? listItemsOf(item) : undefined;
      if (nested) queue.push({ list: nested, owner: node, path: itemPath });
      else out.push({ item, node, path: itemPath });
    });
  }
  return out;
}

function sourceOf(
  file: LocatedFile,
  docIndex: number,
  root: Node,
  listIndex?: number,
): ManifestSource {
  const [start = 0, end = 0] = root.range ?? [];
  let last = end;
  while (last > start && /\s/.test(file.text[last - 1] ?? "")) last--;
  const from = linePosition(file, start);
  const to = linePosition(file, last);
  const source: ManifestSource = {
    file: file.name,
    docIndex,
    line: from.line,
    column: from.col,
    endLine: to.line,
  };
  if (listIndex !== undefined) source.listIndex = listIndex;
  return source;
}

// The locator finds objects by their source; buildManifest needs to locate before the Manifest exists.
function stub(source: ManifestSource): Manifest {
  return { source } as Manifest;
}

function isEmptyScalar(node: Node): boolean {
  return (
    !isMap(node) &&
    !isSeq(node) &&
    "value" in node &&
    node.value === null &&
    !("tag" in node && node.tag)
  );
}

function refusedDiagnostic(
  source: SourceFile,
  refused: RefusedDocument,
  limits: LoadLimits,
): Diagnostic {
  const located = (from: number, to: number) => {
    const a = positionIn(source.text, from);
    const b = positionIn(source.text, to);
    return { file: source.name, line: a.line, column: a.col, endLine: b.line, endColumn: b.col };
  };
  if (refused.reason === "too-large") {
    const at = located(refused.start, refused.start);
    return diagnostic(
      "yaml.document-too-large",
      at,
      `This YAML document is ${formatSize(refused.size)}, over the ${formatSize(limits.maxDocumentBytes)} limit; it was not loaded.`,
    );
  }
  const at = located(refused.at, refused.at + 1);
  return diagnostic(
    "yaml.nesting-limit",
    at,
    `Collections nest more than ${limits.maxNestingDepth} levels deep here; the document was not loaded.`,
  );
}

function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes} bytes`;
}

function lineAt(text: string, offset: number): string {
  const start = text.lastIndexOf("\n", offset - 1) + 1;
  const end = text.indexOf("\n", offset);
  return text.slice(start, end < 0 ? text.length : end);
}

function dropDuplicates(
  manifests: Manifest[],
  locator: SourceLocator,
  diagnostics: Diagnostic[],
): Manifest[] {
  const byKey = new Map<string, number>();
  const kept: (Manifest | undefined)[] = [];
  for (const m of manifests) {
    const key = m.key;
    const previous = byKey.get(key);
    if (previous !== undefined) {
      const earlier = kept[previous] as Manifest;
      kept[previous] = undefined;
      diagnostics.push(
        diagnostic(
          "object.duplicate",
          locator.locate(m, ["metadata", "name"]),
          needEngineModule("diagnosticWords").duplicateMessage(m, earlier),
          { object: refOf(m), docIndex: m.source.docIndex, path: ["metadata", "name"] },
        ),
      );
    }
    byKey.set(key, kept.length);
    kept.push(m);
  }
  return kept.filter((m): m is Manifest => m !== undefined);
}
