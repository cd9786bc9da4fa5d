/**
 * The app's controller (the "editor" role of tldraw's design): plain TypeScript beside the store,
 * unit-tested without React or a Worker. It owns
 * - the worker calls: analysis of each revision (leading edge of a typing burst), platform checks, traces, mix
 *   traffic, what-if comparisons and canary runs, all under one latest-wins rule (workerQueries.ts);
 * - edit application from the canvas, inspector and fix-its (refused while read-only, failures
 *   reported as a notice) and undo/redo (grouping lives in undoGrouping.ts);
 * - read-only share mode: a flag on the document slice, entered and left here.
 * Components call it; results land in the store, where components read them.
 */
import type {
  Analysis,
  EditOp,
  EditResult,
  FixIt,
  IsolationLens,
  LintFinding,
  MixTraffic,
  RequestMix,
  RequestProbe,
  SimRequest,
  Readings,
  SourceFile,
  WorldMode,
} from "../engine";
import type { AnalysisTiming } from "../worker/engineApi";
import type {
  SimRunProgress,
  SimRunResult,
  SimTraceResult,
  SimWhatIfResult,
} from "../worker/simulatorApi";
import type { GwsimStore } from "./index";
import { MAX_RUN } from "./simulatorSlice";
import type { ChangeOrigin } from "./types";
import { createWorkerQueries, type WorkerQueries } from "./workerQueries";

/** The single source name the workspace text is analysed under; diagnostics name this file. */
export const WORKSPACE_FILE = "workspace.yaml";
/**
 * Analysis runs on the leading edge of a typing burst: a change after a quiet spell is analysed at
 * once (a single keystroke reaches the graph and the markers without waiting), and changes closer
 * together than this are analysed once more, this long after the last one, so the burst's final
 * text is always analysed. Answers for overtaken revisions are dropped (workerQueries.ts), and undo
 * grouping follows when the user typed, never when an analysis lands (undoGrouping.ts).
 */
export const ANALYSIS_DEBOUNCE_MS = 150;

/**
 * Whole workspaces arriving at once (opened files, an example, a restore) are no typing burst:
 * nothing follows them to wait for, so they are analysed at once instead of after the debounce
 * (which on a 1,000-resource import was time the user waited for the first graph; issue 11).
 */
export const WHOLE_WORKSPACE_ORIGINS: ReadonlySet<ChangeOrigin> = new Set<ChangeOrigin>([
  "file",
  "example",
  "restore",
]);

export interface PlatformChecks {
  revision: number;
  findings: LintFinding[];
  fixIts: FixIt[];
  lens: IsolationLens;
}

/** The worker calls the controller makes (worker/engineClient.ts provides them; tests fake them). */
export interface EngineCalls {
  analyze(
    revision: number,
    sources: SourceFile[],
    world: WorldMode,
    readings: Readings,
  ): Promise<{ revision: number; analysis: Analysis; timing?: AnalysisTiming }>;
  platformChecks(revision: number, sources: SourceFile[]): Promise<PlatformChecks>;
  simTrace(revision: number, sources: SourceFile[], request: SimRequest): Promise<SimTraceResult>;
  simMixTraffic(
    revision: number,
    sources: SourceFile[],
    mix: RequestMix,
  ): Promise<{ revision: number; traffic: MixTraffic }>;
  simWhatIf(
    revision: number,
    sources: SourceFile[],
    baseline: SourceFile[],
    probes: { requests: RequestProbe[]; mixes: RequestMix[] },
  ): Promise<SimWhatIfResult>;
  simRun(
    revision: number,
    sources: SourceFile[],
    runId: string,
    mix: RequestMix,
    n: number,
    seed: number,
    onProgress: (p: SimRunProgress) => void,
  ): Promise<SimRunResult>;
  simCancel(runId: string): Promise<void>;
}

export interface ControllerOptions {
  queries?: WorkerQueries;
  debounceMs?: number;
  /** For the performance timeline; absent in tests. */
  measure?: (name: string, start: number, end: number) => void;
  /**
   * Points of one keystroke's way to the screen (revision, analysis sent, received, applied), for
   * the performance timeline that bench/ui reads; absent in tests.
   */
  mark?: (name: string) => void;
  clock?: () => number;
}

export interface ShareModeHandlers {
  edit: () => void;
  keepMine: () => void;
}

export type AppController = ReturnType<typeof createAppController>;

export function createAppController(
  store: GwsimStore,
  engine: EngineCalls,
  options: ControllerOptions = {},
) {
  const queries = options.queries ?? createWorkerQueries();
  const debounceMs = options.debounceMs ?? ANALYSIS_DEBOUNCE_MS;
  const clock = options.clock ?? (() => performance.now());
  let runCounter = 0;
  /** User-sent traces still in flight; the app's own re-runs wait behind none of them, they skip. */
  let userTracesPending = 0;

  const current = () => {
    const { revision, text } = store.getState();
    return { revision, sources: [{ name: WORKSPACE_FILE, text }] as SourceFile[] };
  };
  const reportError = (what: string, error: unknown) =>
    store
      .getState()
      .setNotice({ kind: "error", message: `Simulator: ${what} failed: ${messageOf(error)}` });

  /** The worker's share of the round trip, ending when the answer was received. */
  function measureWorker(timing: AnalysisTiming, received: number): void {
    const applied = received - (timing.applyMs ?? 0);
    const diffed = applied - timing.diffMs;
    options.measure?.("gwsim:worker-analyze", diffed - timing.analyzeMs, diffed);
    options.measure?.("gwsim:worker-delta", diffed, applied);
    options.measure?.("gwsim:apply-delta", applied, received);
  }

  /** Analyses the current revision; an answer for an overtaken revision is dropped. */
  async function analyzeNow(): Promise<void> {
    const { revision, sources } = current();
    const { world, readings } = store.getState();
    store.getState().setAnalyzing(true);
    const started = clock();
    options.mark?.("gwsim:analysis-sent");
    try {
      const result = await queries.latest("analysis", [revision, world, readings], () =>
        engine.analyze(revision, sources, world, readings),
      );
      if (result === undefined) return; // a newer revision is on its way
      options.mark?.("gwsim:analysis-received");
      const received = clock();
      options.measure?.("gwsim:analyze-roundtrip", started, received);
      if (result.timing) measureWorker(result.timing, received);
      store.getState().setAnalysis(result.revision, result.analysis);
      options.mark?.("gwsim:analysis-applied");
    } catch (error) {
      store.getState().setAnalysisError(revision, messageOf(error));
    }
    if (store.getState().revision === revision) store.getState().setAnalyzing(false);
  }

  return {
    store,
    queries,

    /**
     * Keeps `analysis` following the text: the first change after a quiet spell is analysed at
     * once, further changes within `debounceMs` of the previous one once more after the burst.
     */
    startAnalysis(): () => void {
      const schedule = createBurstSchedule(debounceMs, () => void analyzeNow());
      const unsubscribe = store.subscribe((state, previous) => {
        if (state.revision === previous.revision) return;
        options.mark?.("gwsim:revision");
        const { lastChange } = state;
        if (
          lastChange.revision === state.revision &&
          WHOLE_WORKSPACE_ORIGINS.has(lastChange.origin)
        )
          schedule.now();
        else schedule.change();
      });
      void analyzeNow();
      return () => {
        unsubscribe();
        schedule.dispose();
        void queries.cancel("analysis");
      };
    },

    /** Query options for the platform panel's useQuery: findings, fix-its and lens of one revision. */
    platformChecksQuery(analysisRevision: number) {
      return queries.options("platformChecks", [analysisRevision], () => {
        // The text as it is when the call reaches the worker; the answer carries its revision.
        const { revision, sources } = current();
        return engine.platformChecks(revision, sources);
      });
    },

    // ------------------------------------------------------------------------------ edits

    /** Canvas, inspector and fix-it edits: one undo step; failures (and read-only) become a notice. */
    applyEdits(
      ops: readonly EditOp[],
      origin: Extract<ChangeOrigin, "canvas" | "inspector">,
    ): EditResult {
      const s = store.getState();
      const result = s.applyEdits(ops, origin);
      if (!s.readOnly && result.failed.length > 0) {
        store.getState().setNotice({
          kind: "error",
          message: `Could not edit the YAML: ${result.failed.map((f) => f.reason).join("; ")}`,
        });
      }
      return result;
    },
    undo: () => store.getState().undo(),
    redo: () => store.getState().redo(),

    // ------------------------------------------------------------------------------ share mode

    /** A shared workspace is read-only until the user chooses Edit (or goes back to their own). */
    enterShareMode(): void {
      store.getState().setReadOnly(true);
    },
    leaveShareMode(): void {
      store.getState().setReadOnly(false);
    },

    // ------------------------------------------------------------------------------ simulator

    /** Traces a request; `recent: false` for the app's own re-runs, which stay out of Recent. */
    async trace(request: SimRequest, options: { recent?: boolean } = {}): Promise<void> {
      const { revision, sources } = current();
      const sentByUser = options.recent !== false;
      // The app's own re-run must never overtake a request the user sent: under latest-wins it
      // would cancel the user's call, and their request would vanish from the trace and Recent.
      if (!sentByUser && userTracesPending > 0) return;
      if (sentByUser) userTracesPending++;
      try {
        const result = await queries.latest("trace", [revision, request], () =>
          engine.simTrace(revision, sources, request),
        );
        if (result !== undefined) store.getState().setSimTrace(result, options);
      } catch (error) {
        reportError("the trace", error);
      } finally {
        if (sentByUser) userTracesPending--;
      }
    },

    async mixTraffic(mix: RequestMix): Promise<void> {
      const { revision, sources } = current();
      try {
        const result = await queries.latest("mixTraffic", [revision, mix], () =>
          engine.simMixTraffic(revision, sources, mix),
        );
        if (result !== undefined)
          store
            .getState()
            .setSimTraffic({ revision: result.revision, mixId: mix.id, traffic: result.traffic });
      } catch (error) {
        reportError("the mix traffic", error);
      }
    },

    async whatIf(): Promise<void> {
      const s = store.getState();
      const baseline = s.simBaseline;
      if (baseline === undefined) return;
      const { revision, sources } = current();
      const probes = { requests: s.simSaved, mixes: s.simMixes };
      try {
        const result = await queries.latest("whatIf", [revision, baseline.text, probes], () =>
          engine.simWhatIf(
            revision,
            sources,
            [{ name: baseline.name, text: baseline.text }],
            probes,
          ),
        );
        if (result !== undefined) store.getState().setSimWhatIf(result);
      } catch (error) {
        reportError("the what-if comparison", error);
      }
    },

    /**
     * Runs n seeded samples in the worker with progress per chunk. A newer run cancels this one
     * (the worker stops at its next chunk and the answer is dropped); cancelRun() stops it and
     * keeps what was sampled.
     */
    async startRun(
      source: "canary" | "mix",
      mix: RequestMix,
      n: number,
      seed: number,
    ): Promise<void> {
      const runId = `run-${++runCounter}`;
      const total = Math.max(1, Math.min(MAX_RUN, Math.floor(n)));
      const { revision, sources } = current();
      const base = {
        runId,
        source,
        revision,
        total,
        ...(source === "mix" ? { mixId: mix.id } : {}),
      };
      store.getState().setSimRun({ ...base, status: "running", done: 0 });
      const onProgress = (p: SimRunProgress) => {
        const run = store.getState().simRun;
        if (run?.runId === p.runId && run.status === "running")
          store.getState().setSimRun({ ...run, done: p.done });
      };
      try {
        const result = await queries.latest("simRun", [runId], (signal) => {
          signal.addEventListener("abort", () => void engine.simCancel(runId), { once: true });
          return engine.simRun(revision, sources, runId, mix, total, seed, onProgress);
        });
        if (result === undefined) return;
        store.getState().setSimRun({
          ...base,
          status: result.cancelled ? "cancelled" : "done",
          done: result.tally.n,
          result,
        });
      } catch (error) {
        if (store.getState().simRun?.runId === runId)
          store
            .getState()
            .setSimRun({ ...base, status: "error", done: 0, error: messageOf(error) });
      }
    },

    async cancelRun(): Promise<void> {
      const run = store.getState().simRun;
      if (run?.status !== "running") return;
      await engine.simCancel(run.runId);
    },
  };
}

/**
 * Leading-and-trailing scheduling of a burst of changes: `run` fires at the first change after a
 * quiet spell of `quietMs`, and once more `quietMs` after the last change of a burst when changes
 * came in while the spell was running (so the last change is always run, and at most twice per
 * burst however long it lasts). `now` runs at once whatever the spell (a whole workspace was
 * opened: nothing to coalesce it with) and starts a new spell.
 */
export function createBurstSchedule(
  quietMs: number,
  run: () => void,
): { change(): void; now(): void; dispose(): void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pending = false;
  const quiet = () => {
    timer = setTimeout(() => {
      timer = undefined;
      if (!pending) return;
      pending = false;
      run();
    }, quietMs);
  };
  return {
    change() {
      if (timer === undefined) {
        run();
      } else {
        clearTimeout(timer);
        pending = true;
      }
      quiet();
    },
    now() {
      if (timer !== undefined) clearTimeout(timer);
      pending = false;
      run();
      quiet();
    },
    dispose() {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      pending = false;
    },
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
