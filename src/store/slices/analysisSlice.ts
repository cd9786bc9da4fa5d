/**
 * The latest analysis from the worker, accepted only for the document's current revision, with
 * the objects kept as stale while their document has a syntax error.
 */
import type { Analysis } from "../../engine";
import { computeStaleEntries } from "../staleObjects";
import type { AnalysisSlice } from "../types";
import type { SliceContext } from "./sliceKit";

export function createAnalysisSlice({ set, get }: SliceContext): AnalysisSlice {
  return {
    analysis: undefined,
    analysisRevision: 0,
    analysisText: undefined,
    analyzing: false,
    analysisError: undefined,
    analysisErrorRevision: undefined,
    stale: [],
    lastGoodAnalysis: undefined,
    setAnalysis(revision, analysis) {
      const s = get();
      if (revision !== s.revision) return;
      const previous: { analysis: Analysis; text: string } | undefined =
        s.analysis && s.analysisText !== undefined
          ? { analysis: s.analysis, text: s.analysisText }
          : undefined;
      const computed = computeStaleEntries({ analysis, text: s.text, previous, stale: s.stale });
      // Nothing stale before or now: keep the same (empty) list, so whatever reads it stays put.
      const stale = computed.length === 0 && s.stale.length === 0 ? s.stale : computed;
      const clean = !analysis.diagnostics.some((d) => d.code === "yaml.syntax");
      // The answer for the current revision ends the busy state in the same update: each store
      // update runs every subscribed component's selector, once more per keystroke otherwise.
      set({
        analysis,
        analyzing: false,
        analysisRevision: revision,
        analysisText: s.text,
        analysisError: undefined,
        analysisErrorRevision: undefined,
        stale,
        lastGoodAnalysis: clean ? analysis : s.lastGoodAnalysis,
      });
      // While a document has a syntax error its objects are only unreadable, not gone.
      if (clean) get().revalidateSimulator(analysis, s.lastGoodAnalysis);
    },
    setAnalysisError(revision, message) {
      if (revision !== get().revision) return;
      set({ analysisError: message, analysisErrorRevision: revision, analyzing: false });
    },
    setAnalyzing(busy) {
      if (busy !== get().analyzing) set({ analyzing: busy });
    },
  };
}
