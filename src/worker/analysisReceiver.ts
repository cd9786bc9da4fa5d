/**
 * The page's end of the analysis protocol (engineApi.analysisUpdate): it holds the last analysis
 * the worker posted to this session, sends its seq as the base of the next call, and applies the
 * delta that comes back. The result is a whole Analysis again (every consumer keeps reading one),
 * sharing every unchanged part with the previous one by identity.
 *
 * Every answer is applied in the order the worker sent it, whether or not the caller still wants
 * it (latest-wins may have dropped the call): the worker's base moved on either way. An answer
 * whose base is not the analysis held here (never expected: one worker answers in order) is
 * asked again as a full analysis, so the page can never drift from the worker.
 */
import type { Readings, SourceFile, WorldMode } from "../engine";
import type { Analysis } from "../engine";
import { applyDelta } from "./analysisDelta";
import type { AnalysisResult, AnalysisUpdate } from "./engineApi";

export type SendAnalysisUpdate = (
  session: string,
  base: number | undefined,
  revision: number,
  sources: SourceFile[],
  world: WorldMode,
  readings: Readings,
) => Promise<AnalysisUpdate>;

export interface AnalysisReceiver {
  analyze(
    revision: number,
    sources: SourceFile[],
    world: WorldMode,
    readings?: Readings,
  ): Promise<AnalysisResult>;
}

export function createAnalysisReceiver(
  session: string,
  send: SendAnalysisUpdate,
  clock: () => number = () => performance.now(),
): AnalysisReceiver {
  let held: { seq: number; analysis: Analysis } | undefined;

  function receive(update: AnalysisUpdate): Analysis | undefined {
    if ("full" in update) {
      held = { seq: update.seq, analysis: update.full };
      return update.full;
    }
    if (held === undefined || held.seq !== update.base) return undefined;
    held = { seq: update.seq, analysis: applyDelta(held.analysis, update.delta) as Analysis };
    return held.analysis;
  }

  return {
    async analyze(revision, sources, world, readings = {}) {
      let update = await send(session, held?.seq, revision, sources, world, readings);
      const started = clock();
      let analysis = receive(update);
      if (analysis === undefined) {
        held = undefined;
        update = await send(session, undefined, revision, sources, world, readings);
        analysis = receive(update);
        if (analysis === undefined) throw new Error("the engine worker sent no full analysis");
      }
      return { revision, analysis, timing: { ...update.timing, applyMs: clock() - started } };
    },
  };
}
