/**
 * Keeps `analysis` following `text`: each new revision is analysed in the worker after a short
 * pause in typing. At most one request is in flight; when it returns and the text has moved on,
 * the newest text is sent next (latest wins) and the old result is dropped by setAnalysis.
 */
import type { SourceFile } from '../engine';
import type { AnalysisResult } from '../worker/engineClient';
import type { GwsimStore } from './index';

/** The single source name the workspace text is analysed under; diagnostics name this file. */
export const WORKSPACE_FILE = 'workspace.yaml';
export const ANALYSIS_DEBOUNCE_MS = 150;

export type AnalyzeFn = (revision: number, sources: SourceFile[]) => Promise<AnalysisResult>;

export function startAnalysisSync(
  store: GwsimStore,
  analyzeInWorker: AnalyzeFn,
  debounceMs = ANALYSIS_DEBOUNCE_MS,
): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inFlight = false;
  let stopped = false;

  const run = async () => {
    timer = undefined;
    if (inFlight || stopped) return;
    const { revision, text } = store.getState();
    inFlight = true;
    store.getState().setAnalyzing(true);
    const started = performance.now();
    try {
      const result = await analyzeInWorker(revision, [{ name: WORKSPACE_FILE, text }]);
      // The latest round trip, for the performance timeline and measurement scripts (one entry kept).
      performance.clearMeasures('gwsim:analyze-roundtrip');
      performance.measure('gwsim:analyze-roundtrip', { start: started, end: performance.now() });
      if (!stopped) store.getState().setAnalysis(result.revision, result.analysis);
    } catch (error) {
      if (!stopped) store.getState().setAnalysisError(revision, error instanceof Error ? error.message : String(error));
    } finally {
      inFlight = false;
    }
    if (stopped) return;
    if (store.getState().revision !== revision) {
      if (timer === undefined) void run();
    } else {
      store.getState().setAnalyzing(false);
    }
  };

  const schedule = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => void run(), debounceMs);
  };

  const unsubscribe = store.subscribe((state, previous) => {
    if (state.revision !== previous.revision) schedule();
  });
  void run();

  return () => {
    stopped = true;
    unsubscribe();
    if (timer !== undefined) clearTimeout(timer);
  };
}
