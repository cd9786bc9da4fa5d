/**
 * Parsing YAML is most of what analyze() costs, and a keystroke changes one document. The loader
 * parses each document chunk on its own, so a chunk whose text did not change can reuse its parse
 * from the previous analysis. The caller (the worker) keeps one cache across revisions; without
 * one, every chunk is parsed afresh.
 *
 * A chunk is read by quickParse.ts when it can be (plain value and the object's line range only),
 * else by the `yaml` library (Documents with node ranges). A quick chunk's Documents are built
 * on demand, by fullParse(), when a diagnostic needs a location inside it, and kept with the chunk.
 *
 * The parsed documents and values are only read afterwards, never changed, so sharing them
 * between two analyses is safe (parseCache.test.ts freezes them and re-analyses). Positions in
 * them are relative to the chunk; the loader adds the chunk's first line when it reports a
 * location.
 */
import type { Document, LineCounter } from "yaml";
import { needEngineModule } from "../modules/engineModules";
import { quickParseDocument, type QuickDocument } from "./quickParse";
import type { FileLoad } from "./fileLoad";
import { QUIET_YAML } from "./quietYaml";

export interface FullChunk {
  docs: Document.Parsed[];
  lineCounter: LineCounter;
}

export interface ParsedChunk {
  text: string;
  /** Set when quickParse read the chunk: one document whose value is a mapping. */
  quick: QuickDocument | undefined;
  /** The `yaml` library's parse: made at once when quick is undefined, else on demand. */
  full: FullChunk | undefined;
}

/** Opaque to callers: create with createParseCache() and pass it to every analyze() call. */
export interface ParseCache {
  /** Chunks parsed or reused by the analysis in progress; the rest are dropped when it ends. */
  current: Map<string, ParsedChunk>;
  previous: Map<string, ParsedChunk>;
  /**
   * Each file as last loaded, by name (fileLoad.ts): the next load of an edited text finds its
   * unchanged documents from where the text changed, without splitting or hashing all of it.
   */
  files: { current: Map<string, FileLoad>; previous: Map<string, FileLoad> };
}

export function createParseCache(): ParseCache {
  return {
    current: new Map(),
    previous: new Map(),
    files: { current: new Map(), previous: new Map() },
  };
}

/** `quick` false parses with the `yaml` library only (the reference the quick reader is tested against). */
export function parseChunk(text: string, cache: ParseCache | undefined, quick = true): ParsedChunk {
  const known = cache?.current.get(text) ?? cache?.previous.get(text);
  if (known !== undefined) {
    cache?.current.set(text, known);
    return known;
  }
  const quickDoc = quick ? quickParseDocument(text) : undefined;
  const chunk: ParsedChunk = {
    text,
    quick: quickDoc,
    full: quickDoc === undefined ? parseFull(text) : undefined,
  };
  cache?.current.set(text, chunk);
  return chunk;
}

/** The chunk's Documents, parsed now if the quick reader read it. */
export function fullParse(chunk: ParsedChunk): FullChunk {
  chunk.full ??= parseFull(chunk.text);
  return chunk.full;
}

/** Needs the `yaml` library, loaded on demand in the worker (modules/engineModules.ts). */
function parseFull(text: string): FullChunk {
  const { LineCounter, parseAllDocuments } = needEngineModule("yaml");
  const lineCounter = new LineCounter();
  // merge: kubectl reads manifests with go-yaml v2 (sigs.k8s.io/yaml), which resolves YAML 1.1
  // merge keys (`<<: *defaults`); the yaml library's default 1.2 core schema keeps `<<` as a plain
  // key, which put a merged metadata.namespace in "default" and called `<<` an unknown field.
  const parsed = parseAllDocuments(text, {
    ...QUIET_YAML,
    lineCounter,
    prettyErrors: false,
    merge: true,
  });
  return { docs: Array.isArray(parsed) ? parsed : [], lineCounter };
}

/** Ends an analysis: keeps what it used for the next one and forgets the rest (bounded memory). */
export function settleParseCache(cache: ParseCache | undefined): void {
  if (cache === undefined) return;
  cache.previous = cache.current;
  cache.current = new Map();
  cache.files.previous = cache.files.current;
  cache.files.current = new Map();
}
