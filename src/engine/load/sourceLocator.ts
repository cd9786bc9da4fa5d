/**
 * Maps a field path inside a loaded object back to where it was written. The locator keeps the
 * yaml nodes out of the Manifests (which stay plain data) and is never sent across the worker
 * boundary: stages use it to place diagnostics, then drop it.
 */
import type { LineCounter, Node, Pair } from "yaml";
import { isMap, isPair, isScalar, isSeq } from "./yamlNodeTypes";
import type { FieldPath, Manifest, ManifestSource, SourceLocation } from "../types";
import { LayeredMap } from "../collections/layeredMap";

export interface SourceLocator {
  /**
   * The value at `path`; when the path does not exist, the nearest existing ancestor (so a
   * missing required field points at its parent). Collections are located by their key, so a
   * diagnostic underlines one line rather than a whole block.
   */
  locate(manifest: Manifest, path: FieldPath): SourceLocation;
  /**
   * The key of the map entry at `path` (e.g. an unknown field's name); falls back like locate.
   * Optional so that simple test locators need only `locate`.
   */
  locateKey?(manifest: Manifest, path: FieldPath): SourceLocation;
}

/**
 * A parsed chunk of a source file (one or more YAML documents): node ranges and the line counter
 * are relative to `text`, which starts on line `lineOffset + 1` of the file.
 */
export interface LocatedFile {
  name: string;
  text: string;
  lineCounter: LineCounter;
  lineOffset: number;
}

export interface ObjectNodeRegistry {
  register(source: ManifestSource, root: Node, file: LocatedFile): void;
  /**
   * For objects read without yaml nodes (quickParse.ts): `resolve` parses their document when a
   * location inside it is first asked for, so objects nobody asks about never get nodes.
   */
  registerLazy(source: ManifestSource, resolve: () => LocatedRoot): void;
  /**
   * Starts `file`'s entries from a copy of another load's (fileEntries), for a file loaded around
   * its edit: the chunks that stand, or only moved to other lines, keep their entries without
   * registering each again (a located field moves with its object: linesMoved).
   */
  startFrom(file: string, entries: FileEntries): void;
  /** Drops an entry copied by startFrom whose chunk is read again. */
  forget(source: ManifestSource): void;
  /**
   * Moves the entries of `sources` (copied by startFrom) to documents `by` further on: a `---`
   * typed or deleted before them renumbers them, and their nodes stand (their lines move with the
   * object asking: linesMoved). Every entry is read before any is written, so one moving onto
   * another's old number never overwrites an entry still to move.
   */
  renumber(sources: readonly ManifestSource[], by: number): void;
  /** This load's entries for `file` (what the next load of it may start from). */
  fileEntries(file: string): FileEntries | undefined;
  locator: Required<SourceLocator>;
}

export interface LocatedRoot {
  root: Node;
  file: LocatedFile;
}

/** A located root, or how to parse it when first asked. */
type Entry = LocatedRoot | (() => LocatedRoot);

/**
 * One file's entries, by document index, and by document and list index for the items of a
 * `kind: List` (rare). Nearly every lookup is the numeric one, with no key string to build and
 * hash. Opaque outside this module.
 */
export interface FileEntries {
  readonly docs: LayeredMap<number, Entry>;
  readonly listItems: ReadonlyMap<string, Entry>;
}

interface MutableFileEntries {
  docs: LayeredMap<number, Entry>;
  listItems: Map<string, Entry>;
}

/** The entries of a file that registered nothing. */
export function emptyFileEntries(): FileEntries {
  return { docs: LayeredMap.empty(), listItems: new Map() };
}

export function createObjectNodeRegistry(): ObjectNodeRegistry {
  const files = new Map<string, MutableFileEntries>();
  const entriesOf = (file: string): MutableFileEntries => {
    let entries = files.get(file);
    if (entries === undefined) {
      entries = { docs: LayeredMap.empty(), listItems: new Map() };
      files.set(file, entries);
    }
    return entries;
  };
  const find = (manifest: Manifest): LocatedRoot | undefined => {
    const source = manifest.source;
    const entries = files.get(source.file);
    if (entries === undefined) return undefined;
    const entry = getEntry(entries, source);
    if (typeof entry !== "function") return entry;
    const resolved = entry();
    setEntry(entries, source, resolved);
    return resolved;
  };
  const locateWith = (manifest: Manifest, path: FieldPath, preferKey: boolean): SourceLocation => {
    const entry = find(manifest);
    if (!entry) return fallbackLocation(manifest.source);
    const { node, pair, complete } = walk(entry.root, path);
    const target = pickTarget(node, pair, complete && preferKey);
    return movedBy(rangeToLocation(entry.file, target), linesMoved(entry, manifest.source));
  };
  return {
    register(source, root, file) {
      setEntry(entriesOf(source.file), source, { root, file });
    },
    registerLazy(source, resolve) {
      setEntry(entriesOf(source.file), source, resolve);
    },
    // As a copy: the other load's locator keeps answering for its own revision.
    startFrom(file, entries) {
      files.set(file, {
        docs: LayeredMap.startingFrom(entries.docs),
        listItems: new Map(entries.listItems),
      });
    },
    forget(source) {
      const entries = files.get(source.file);
      if (entries !== undefined) deleteEntry(entries, source);
    },
    renumber(sources, by) {
      const moving: [ManifestSource, Entry][] = [];
      for (const source of sources) {
        const entries = files.get(source.file);
        const entry = entries === undefined ? undefined : getEntry(entries, source);
        if (entries === undefined || entry === undefined) continue;
        moving.push([source, entry]);
        deleteEntry(entries, source);
      }
      for (const [source, entry] of moving)
        setEntry(entriesOf(source.file), { ...source, docIndex: source.docIndex + by }, entry);
    },
    fileEntries: (file) => files.get(file),
    locator: {
      locate: (manifest, path) => locateWith(manifest, path, false),
      locateKey: (manifest, path) => locateWith(manifest, path, true),
    },
  };
}

/**
 * Lines the object's document moved since its entry was registered. An entry is found by document
 * index, and the loader keeps the entries of documents that only moved (lines added or removed
 * above them: Enter, a joined line) rather than registering 10,000 of them again per keystroke.
 * The object says where it is now: its source line is its root's line (sourceOf in
 * loadManifests.ts; the quick reader gives the same line), so the difference is the move.
 */
function linesMoved(entry: LocatedRoot, source: ManifestSource): number {
  return source.line - linePosition(entry.file, entry.root.range?.[0] ?? 0).line;
}

function movedBy(at: SourceLocation, lines: number): SourceLocation {
  return lines === 0 ? at : { ...at, line: at.line + lines, endLine: at.endLine + lines };
}

function getEntry(entries: MutableFileEntries, source: ManifestSource): Entry | undefined {
  return source.listIndex === undefined
    ? entries.docs.get(source.docIndex)
    : entries.listItems.get(listItemKey(source.docIndex, source.listIndex));
}

function setEntry(entries: MutableFileEntries, source: ManifestSource, entry: Entry): void {
  if (source.listIndex === undefined) entries.docs.set(source.docIndex, entry);
  else entries.listItems.set(listItemKey(source.docIndex, source.listIndex), entry);
}

function deleteEntry(entries: MutableFileEntries, source: ManifestSource): void {
  if (source.listIndex === undefined) entries.docs.delete(source.docIndex);
  else entries.listItems.delete(listItemKey(source.docIndex, source.listIndex));
}

/** Within its file (the file name is the outer key). */
function listItemKey(docIndex: number, listIndex: number): string {
  return `${docIndex}\u0000${listIndex}`;
}

interface WalkResult {
  node: Node;
  /** The map entry whose value is `node`, when `node` was reached through a key. */
  pair: Pair | undefined;
  complete: boolean;
}

function walk(root: Node, path: FieldPath): WalkResult {
  let node: Node = root;
  let pair: Pair | undefined;
  for (const segment of path) {
    let nextPair: Pair | undefined;
    let next: unknown;
    if (isMap(node) && typeof segment === "string") {
      nextPair = node.items.find((p) => isPair(p) && keyText(p.key) === segment) as
        Pair | undefined;
      next = nextPair?.value;
    } else if (isSeq(node) && typeof segment === "number") {
      next = node.items[segment];
      // `!!pairs` and `!!omap` hold pairs in a sequence: the pair's value is the item.
      if (isPair(next)) next = isNodeWithRange(next.value) ? next.value : next.key;
    }
    if (next === undefined && nextPair === undefined) return { node, pair, complete: false };
    // `key:` with no value has a null value node (or none): point at the key.
    if (!isNodeWithRange(next)) {
      const key = nextPair?.key;
      return isNodeWithRange(key)
        ? { node: key, pair: undefined, complete: true }
        : { node, pair, complete: false };
    }
    pair = nextPair;
    node = next;
  }
  return { node, pair, complete: true };
}

function keyText(key: unknown): string | undefined {
  if (isScalar(key)) return String(key.value);
  return undefined;
}

function isNodeWithRange(value: unknown): value is Node {
  return (
    typeof value === "object" && value !== null && "range" in value && Array.isArray(value.range)
  );
}

function pickTarget(node: Node, pair: Pair | undefined, preferKey: boolean): Node {
  const key = pair?.key;
  if (isNodeWithRange(key) && (preferKey || isMap(node) || isSeq(node))) return key;
  return node;
}

function rangeToLocation(file: LocatedFile, node: Node): SourceLocation {
  const range = node.range ?? [0, 0, 0];
  const start = range[0];
  let end = range[1];
  // A whole block (an object, a list item) is marked on its first line only: an editor would
  // otherwise underline dozens of lines for one missing field.
  if (isMap(node) || isSeq(node)) {
    const newline = file.text.indexOf("\n", start);
    if (newline >= 0 && newline < end) end = newline;
  }
  while (end > start && /\s/.test(file.text[end - 1] ?? "")) end--;
  return offsetsToLocation(file, start, Math.max(end, start));
}

export function offsetsToLocation(file: LocatedFile, start: number, end: number): SourceLocation {
  const from = linePosition(file, start);
  const to = linePosition(file, end);
  return {
    file: file.name,
    line: from.line,
    column: from.col,
    endLine: to.line,
    endColumn: to.col,
  };
}

/** 1-based line (in the whole file) and column of an offset in the chunk's text. */
export function linePosition(file: LocatedFile, offset: number): { line: number; col: number } {
  const at = file.lineCounter.linePos(offset);
  return { line: at.line + file.lineOffset, col: at.col };
}

function fallbackLocation(source: ManifestSource): SourceLocation {
  return {
    file: source.file,
    line: source.line,
    column: source.column,
    endLine: source.line,
    endColumn: source.column,
  };
}
