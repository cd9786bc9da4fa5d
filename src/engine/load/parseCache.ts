/**
 * Parsing YAML is most of what analyze() costs (the `yaml` library reads about 1 MB/s here), and
 * a keystroke changes one document. The loader parses each document chunk on its own, so a
 * chunk whose text did not change can reuse its parse from the previous analysis. The caller
 * (the worker) keeps one cache across revisions; without one, every chunk is parsed afresh.
 *
 * The parsed documents are only read afterwards, never changed, so sharing them between two
 * analyses is safe. Positions in them are relative to the chunk; the loader adds the chunk's
 * first line when it reports a location.
 */
import { LineCounter, parseAllDocuments, type Document } from 'yaml';

export interface ParsedChunk {
  docs: Document.Parsed[];
  lineCounter: LineCounter;
}

/** Opaque to callers: create with createParseCache() and pass it to every analyze() call. */
export interface ParseCache {
  /** Chunks parsed or reused by the analysis in progress; the rest are dropped when it ends. */
  current: Map<string, ParsedChunk>;
  previous: Map<string, ParsedChunk>;
}

export function createParseCache(): ParseCache {
  return { current: new Map(), previous: new Map() };
}

export function parseChunk(text: string, cache: ParseCache | undefined): ParsedChunk {
  const known = cache?.current.get(text) ?? cache?.previous.get(text);
  if (known !== undefined) {
    cache?.current.set(text, known);
    return known;
  }
  const lineCounter = new LineCounter();
  const parsed = parseAllDocuments(text, { lineCounter, prettyErrors: false });
  const chunk = { docs: Array.isArray(parsed) ? parsed : [], lineCounter };
  cache?.current.set(text, chunk);
  return chunk;
}

/** Ends an analysis: keeps what it used for the next one and forgets the rest (bounded memory). */
export function settleParseCache(cache: ParseCache | undefined): void {
  if (cache === undefined) return;
  cache.previous = cache.current;
  cache.current = new Map();
}
