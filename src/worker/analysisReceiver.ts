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
 *
 * The worker posts its revision's analysis, the graph's edges in chunks (engine/graph/edgeChunks):
 * the page's readers see one flat list, joined here once per analysis whose edges changed (the
 * delta copied every edge into a new list before; joining the chunks costs the same).
 */
import type { Readings, SourceFile, WorldMode } from "../engine";
import type { Analysis, RevisionAnalysis } from "../engine";
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
  let held: Held | undefined;

  function receive(update: AnalysisUpdate): Analysis | undefined {
    if ("full" in update) {
      held = { seq: update.seq, analysis: update.full, drawn: drawn(update.full, undefined) };
      return held.drawn;
    }
    if (held === undefined || held.seq !== update.base) return undefined;
    const analysis = applyDelta(held.analysis, update.delta) as RevisionAnalysis;
    held = { seq: update.seq, analysis, drawn: drawn(analysis, held) };
    return held.drawn;
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

/** The analysis the worker sent (its revision's) and the page's flat view of it. */
interface Held {
  seq: number;
  analysis: RevisionAnalysis;
  drawn: Analysis;
}

/**
 * The analysis with its graph's edges in one list: what was unchanged since `before` (the graph,
 * the edge list) is the previous view's by identity, so memoized readers skip it.
 */
function drawn(analysis: RevisionAnalysis, before: Held | undefined): Analysis {
  if (before?.analysis === analysis) return before.drawn;
  const { graph, ...rest } = analysis;
  if (before?.analysis.graph === graph) return { ...rest, graph: before.drawn.graph };
  const edges =
    before?.analysis.graph.edgeChunks === graph.edgeChunks
      ? before.drawn.graph.edges
      : graph.edgeChunks.flat();
  return { ...rest, graph: { nodes: graph.nodes, edges, namespaces: graph.namespaces } };
}
