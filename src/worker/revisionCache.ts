/**
 * The worker's one cache of analysed revisions, shared by every API it serves (the editor's
 * analysis, the platform checks, the simulator, what-if). A keystroke used to analyse the same
 * text three or more times (once per API, fix-its and the lens reloading it again); now the first
 * caller analyses it and the others read the same entry, and what is derived from it (the compiled
 * Router, fix-its, the isolation lens) is computed once, on first use. The derivations are passed
 * in by their callers, never imported here: the worker's first chunk holds this cache, and the
 * simulator and the fix-its load only when first used (engineApi.ts).
 *
 * Entries are keyed by exactly what the analysis depends on: every file's name and text, the
 * world, and the readings. The texts are compared, never copied into a key: a key built from the
 * text cost a copy of the whole workspace on every call (megabytes at 10,000 routes), while
 * comparing a few entries' texts is a memory comparison that stops at the first difference (and is
 * free when the page sends the very string it sent before). The revision number the page sends is not part of the key: two
 * revisions with the same text share one entry, and one number with new text is a new entry.
 * The clock is not part of it either: a revision keeps the timestamps of its first analysis.
 */
import { analyzeRevision, createParseCache, DEFAULT_WORLD_MODE } from "../engine/analysisCore";
import type { AnalyzedRevision, AnalyzeOptions, Readings, SourceFile, WorldMode } from "../engine";

export interface RevisionSettings {
  world?: WorldMode;
  readings?: Readings;
}

/** One analysed text and everything derived from it, each part computed on first use. */
export interface CachedRevision {
  readonly analysed: AnalyzedRevision;
  /**
   * What `derive` computes from this revision (the compiled Router, the fix-its, the isolation
   * lens): computed on the first call and kept, so a later call with the same function returns
   * the same result. Pass a function defined once (module level), not a fresh closure per call.
   */
  derived<T>(derive: (analysed: AnalyzedRevision) => T): T;
}

export interface RevisionCache {
  /**
   * The revision for this text and settings, analysed now if no entry has it. `workspace: false`
   * (a what-if baseline) analyses without the workspace's parse cache, whose entries it would
   * otherwise evict.
   */
  get(
    sources: readonly SourceFile[],
    settings?: RevisionSettings,
    use?: { workspace: boolean },
  ): CachedRevision;
  /** How many analyses ran: a test's view of "analysed once". */
  readonly analyses: number;
}

export interface RevisionCacheOptions {
  /** lastTransitionTime for the conditions of a new revision (the worker passes the wall clock). */
  clock: () => string;
  /**
   * Entries kept, least recently used evicted first: the current text, the one before it (a
   * trace for revision n-1 still answers while n is typed), the what-if baseline, and slack.
   */
  capacity?: number;
}

const DEFAULT_CAPACITY = 4;

export function createRevisionCache(options: RevisionCacheOptions): RevisionCache {
  const capacity = Math.max(1, options.capacity ?? DEFAULT_CAPACITY);
  // Least recently used first: a handful of entries, found by comparing their inputs.
  const entries: KeyedRevision[] = [];
  // The workspace's documents as last parsed: a keystroke re-parses only the chunk it changed.
  const parseCache = createParseCache();
  // The workspace's last analysed revision: the next one reuses what its edit did not touch.
  let latest: AnalyzedRevision | undefined;
  let analyses = 0;
  return {
    get(sources, settings = {}, use = { workspace: true }) {
      const settingsKey = settingsKeyOf(settings);
      const at = entries.findIndex(
        (e) => e.settingsKey === settingsKey && sameSources(e.sources, sources),
      );
      const hit = entries[at];
      if (hit !== undefined) {
        // Moved to the end: the list's order is least recently used first.
        entries.splice(at, 1);
        entries.push(hit);
        // Back to an earlier text (undo): the next edit is closest to this one.
        if (use.workspace) latest = hit.entry.analysed;
        return hit.entry;
      }
      const analyzeOptions: AnalyzeOptions = {
        clock: options.clock,
        world: settings.world ?? DEFAULT_WORLD_MODE,
      };
      if (settings.readings !== undefined) analyzeOptions.readings = settings.readings;
      if (use.workspace) analyzeOptions.parseCache = parseCache;
      analyses += 1;
      const analysed = analyzeRevision(
        [...sources],
        use.workspace && latest !== undefined
          ? { ...analyzeOptions, previous: latest }
          : analyzeOptions,
      );
      if (use.workspace) latest = analysed;
      const entry = cachedRevision(analysed);
      // The sources as given (a copy of the list, not of the texts): the caller may reuse its array.
      entries.push({
        settingsKey,
        sources: sources.map((s) => ({ name: s.name, text: s.text })),
        entry,
      });
      while (entries.length > capacity) entries.shift();
      return entry;
    },
    get analyses() {
      return analyses;
    },
  };
}

function cachedRevision(analysed: AnalyzedRevision): CachedRevision {
  const results = new Map<(analysed: AnalyzedRevision) => unknown, unknown>();
  return {
    analysed,
    derived<T>(derive: (analysed: AnalyzedRevision) => T): T {
      if (results.has(derive)) return results.get(derive) as T;
      const result = derive(analysed);
      results.set(derive, result);
      return result;
    },
  };
}

/** One cache entry with what it was analysed from. */
interface KeyedRevision {
  settingsKey: string;
  sources: readonly SourceFile[];
  entry: CachedRevision;
}

/** The settings an analysis depends on (world, readings in name order), as one string. */
function settingsKeyOf(settings: RevisionSettings): string {
  const readings =
    settings.readings === undefined
      ? ""
      : JSON.stringify(
          Object.entries(settings.readings).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        );
  return `${settings.world ?? DEFAULT_WORLD_MODE}\u0002${readings}`;
}

/** Same files in the same order, each with the same name and text. */
function sameSources(a: readonly SourceFile[], b: readonly SourceFile[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as SourceFile;
    const y = b[i] as SourceFile;
    if (x.name !== y.name || x.text.length !== y.text.length || x.text !== y.text) return false;
  }
  return true;
}

/** The worker's one cache: the wall clock makes lastTransitionTime read like a real cluster's. */
export const workerRevisions: RevisionCache = createRevisionCache({
  clock: () => new Date().toISOString(),
});
