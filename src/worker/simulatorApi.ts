/**
 * The simulator's functions in the engine worker: trace one request, derive a request from a rule,
 * run a seeded mix of many requests in chunks, compare two configurations. engineApi loads this
 * module on the first simulator call and forwards each call, so the client calls them like any
 * other engine function.
 *
 * Compiled Routers hold regexes and hash maps: they live in the worker's revision cache
 * (revisionCache.ts) beside the analysis the editor and the platform checks read, and are never
 * posted. Every result carries the revision it was computed for, so the UI can tell a current
 * result from an outdated one.
 */
import {
  buildRequestCaseFile,
  compareWhatIf,
  compileRouter,
  computeMixTraffic,
  createMixSampler,
  summarizeOutcome,
  traceRequest,
  type RevisionAnalysis,
  type MixTally,
  type MixTraffic,
  type OutcomeSummary,
  type RequestCaseFile,
  type RequestMix,
  type RequestProbe,
  type RequestTrace,
  type Router,
  type SimRequest,
  type AnalyzedRevision,
  type SourceFile,
  type WhatIfProbes,
  type WhatIfReport,
} from "../engine";
import { workerSettings } from "./workerWorld";
import { workerRevisions, type CachedRevision, type RevisionCache } from "./revisionCache";
import { cancelSimRun, forgetSimRunCancel, isSimRunCancelled } from "./simRunCancels";

export interface SimTraceResult {
  revision: number;
  request: SimRequest;
  trace: RequestTrace;
  summary: OutcomeSummary;
}

export interface SimRunProgress {
  runId: string;
  done: number;
  total: number;
}

export interface SimRunResult {
  revision: number;
  runId: string;
  seed: number;
  /** Requests asked for. */
  requested: number;
  /** True when cancelled before all requests ran; the tally holds the ones that did. */
  cancelled: boolean;
  tally: MixTally;
  /** Exact traffic from the weights, to set the observed counts against. */
  expected: MixTraffic;
  /** Wall time inside the worker, for the progress line. */
  elapsedMs: number;
}

export interface SimWhatIfResult {
  revision: number;
  report: WhatIfReport;
}

/** Samples per chunk: about 20–60 ms of work, after which the worker yields to its message loop. */
export const RUN_CHUNK = 50_000;
export const MAX_RUN = 1_000_000;

interface Compiled {
  analysis: RevisionAnalysis;
  router: Router;
}

function yieldToMessages(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** The compiled Router of a revision: the revision cache keeps it beside the analysis. */
const compileRouterOf = (analysed: AnalyzedRevision): Router => compileRouter(analysed.analysis);

export function createSimulatorApi(revisions: RevisionCache) {
  // The world and readings are part of what was compiled: the same text routes differently under
  // another world or reading.
  const compiledFrom = (cached: CachedRevision): Compiled => ({
    analysis: cached.analysed.analysis,
    router: cached.derived(compileRouterOf),
  });
  const current = (sources: readonly SourceFile[]) =>
    compiledFrom(revisions.get(sources, workerSettings()));
  const baselineOf = (sources: readonly SourceFile[]) =>
    compiledFrom(revisions.get(sources, workerSettings(), { workspace: false }));
  return {
    simTrace(revision: number, sources: SourceFile[], request: SimRequest): SimTraceResult {
      const { router } = current(sources);
      const trace = traceRequest(router, request);
      return { revision, request, trace, summary: summarizeOutcome(trace) };
    },

    /** Saved requests with the outcome each gets now, as a `gwsim test` case file. */
    simCaseFile(
      revision: number,
      sources: SourceFile[],
      name: string,
      probes: RequestProbe[],
    ): RequestCaseFile {
      const { router } = current(sources);
      return buildRequestCaseFile(
        name,
        probes.map((p) => ({
          name: p.name,
          request: p.request,
          trace: traceRequest(router, p.request),
        })),
        // The outcomes hold under these settings only: the case file runs under them too.
        workerSettings(),
      );
    },

    simMixTraffic(
      revision: number,
      sources: SourceFile[],
      mix: RequestMix,
    ): { revision: number; traffic: MixTraffic } {
      const { router, analysis } = current(sources);
      return { revision, traffic: computeMixTraffic(router, analysis.routes, mix) };
    },

    /**
     * Routes `n` seeded samples of the mix (a single request is a mix of one), RUN_CHUNK at a time,
     * yielding between chunks so progress is posted and simCancel(runId) is heard.
     */
    async simRun(
      revision: number,
      sources: SourceFile[],
      runId: string,
      mix: RequestMix,
      n: number,
      seed: number,
      onProgress?: (progress: SimRunProgress) => unknown,
    ): Promise<SimRunResult> {
      const started = performance.now();
      const { router, analysis } = current(sources);
      const total = Math.max(0, Math.min(MAX_RUN, Math.floor(n)));
      const sampler = createMixSampler(router, mix, seed);
      let done = 0;
      let stopped = false;
      // A cancel recorded before this point is for this run (engineApi forgets an earlier one
      // before loading the simulator), so it is not cleared here.
      while (done < total) {
        const count = Math.min(RUN_CHUNK, total - done);
        sampler.run(count);
        done += count;
        report(onProgress, { runId, done, total });
        if (done < total) await yieldToMessages();
        if (isSimRunCancelled(runId)) {
          stopped = done < total;
          break;
        }
      }
      forgetSimRunCancel(runId);
      return {
        revision,
        runId,
        seed,
        requested: total,
        cancelled: stopped,
        tally: sampler.tally(),
        expected: computeMixTraffic(router, analysis.routes, mix),
        elapsedMs: Math.round(performance.now() - started),
      };
    },

    /** Stops a running simRun at its next chunk boundary. */
    simCancel(runId: string): void {
      cancelSimRun(runId);
    },

    /** What changes when the current revision replaces the baseline text. */
    simWhatIf(
      revision: number,
      sources: SourceFile[],
      baseline: SourceFile[],
      probes: WhatIfProbes,
    ): SimWhatIfResult {
      const before = baselineOf(baseline);
      const after = current(sources);
      const side = (c: Compiled) => ({
        status: c.analysis.status,
        routes: c.analysis.routes,
        router: c.router,
      });
      return { revision, report: compareWhatIf(side(before), side(after), probes) };
    },
  };
}

export const simulatorApi = createSimulatorApi(workerRevisions);

function report(
  onProgress: ((progress: SimRunProgress) => unknown) | undefined,
  progress: SimRunProgress,
): void {
  if (onProgress === undefined) return;
  // Over comlink the callback answers with a promise; a closed page must not fail the run.
  const answer = onProgress(progress);
  if (answer instanceof Promise) answer.catch(() => undefined);
}

export type SimulatorApi = ReturnType<typeof createSimulatorApi>;
