/**
 * What the engine worker offers, as plain functions so they are unit-tested in Node without a
 * Worker. engine.worker.ts only exposes this object; engineClient.ts is the one caller.
 *
 * The worker's first chunk holds what the first graph and its Problems need: the analysis (load,
 * validation, status, routes, graph, lint). Everything else is loaded by the worker on first use,
 * with a dynamic import: the delta of a later revision (the first is posted whole; the page asks
 * for it with the engine's modules once its first graph is shown), the simulator (traces, runs,
 * what-if, case files), the
 * platform checks' fix-its, their previews and the isolation lens, the Ingress migration, and the
 * CRD schemas with their descriptions (the editor's hover). The
 * page calls every function through comlink and awaits its answer either way, so an on-demand
 * function answers exactly what it did when it was loaded up front, only later the first time.
 */
import { DEFAULT_WORLD_MODE, drawnAnalysis } from "../engine/analysisCore";
import { loadAllEngineModules } from "../engine/modules";
import type { Analysis, CrdSchema, RevisionAnalysis, SourceFile } from "../engine";
import type { FixIt, FixItPreview, IsolationLens, LintFinding, MigrationReport } from "../engine";
import { workerRevisions, type RevisionCache } from "./revisionCache";
import { setWorkerReadings, setWorkerWorld, workerSettings } from "./workerWorld";
import type { Readings, WorldMode } from "../engine";
import type { ValueDelta } from "./analysisDelta";
import { cancelSimRun, forgetSimRunCancel } from "./simRunCancels";
import type { SimulatorApi } from "./simulatorApi";
import { placeOnlyRunsOf } from "../engine/placeOnlyRuns";

/**
 * Loads a module on first use and keeps it. A failed load (a flaky connection while the app is
 * being updated) is not kept: the next call tries again.
 */
function onFirstUse<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () =>
    (loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    }));
}

const loadPlatformChecks = onFirstUse(() => import("./platformChecks"));
const loadMigration = onFirstUse(() => import("./migrationApi"));
const loadEditorSchemas = onFirstUse(() => import("../engine/validate/editorSchemas"));
const loadAnalysisDelta = onFirstUse(() => import("./analysisDelta"));

/** Page sessions whose last analysis the worker keeps (one per engine client; a few is plenty). */
const MAX_SESSIONS = 4;

export interface AnalysisResult {
  /** The document revision the caller sent: results for an older revision are dropped. */
  revision: number;
  analysis: Analysis;
  /** Where the worker's time went (analysisUpdate only), for the performance timeline. */
  timing?: AnalysisTiming;
}

export interface AnalysisTiming {
  /** The analysis itself (0 when the revision cache had it). */
  analyzeMs: number;
  /** Computing the delta against the analysis the page holds. */
  diffMs: number;
  /** Applying it on the page (set by the page's receiver). */
  applyMs?: number;
}

/**
 * What the worker posts for one analysis (analysisUpdate): the whole analysis when the page holds
 * none the worker knows, else what changed since the one the page holds (`base`). Both are of the
 * revision's analysis, its graph's edges in chunks: a keystroke's delta names the one chunk it
 * changed, found by identity. The page's receiver joins the chunks (analysisReceiver.ts).
 */
export type AnalysisUpdate = {
  revision: number;
  /** Names this analysis: the page sends it back as the base of its next call. */
  seq: number;
  timing: AnalysisTiming;
} & ({ full: RevisionAnalysis } | { base: number; delta: ValueDelta | undefined });

/**
 * The API over one revision cache (revisionCache.ts): the editor's analysis, the platform checks
 * and the simulator of one text all read the same analysed revision. The worker uses the shared
 * `workerRevisions`; tests pass their own cache with a fixed clock.
 */
export function createEngineApi(revisions: RevisionCache) {
  /** Per page session, the last analysis posted to it: the base of the next delta. */
  const posted = new Map<string, { seq: number; analysis: RevisionAnalysis }>();
  let seq = 0;
  return {
    analyze(
      revision: number,
      sources: SourceFile[],
      world: WorldMode = DEFAULT_WORLD_MODE,
      readings: Readings = {},
    ): AnalysisResult {
      setWorkerWorld(world);
      setWorkerReadings(readings);
      const analysed = revisions.get(sources, workerSettings()).analysed;
      return { revision, analysis: drawnAnalysis(analysed.analysis) };
    },
    /**
     * The analysis of a revision as what changed since the one the page holds (`base`, the seq of
     * the last update it applied), so a keystroke posts kilobytes, not the whole analysis. A full
     * analysis when the worker does not hold that base (first call, worker restarted, another
     * call answered in between) or the world or readings changed.
     */
    async analysisUpdate(
      session: string,
      base: number | undefined,
      revision: number,
      sources: SourceFile[],
      world: WorldMode = DEFAULT_WORLD_MODE,
      readings: Readings = {},
    ): Promise<AnalysisUpdate> {
      setWorkerWorld(world);
      setWorkerReadings(readings);
      const started = performance.now();
      const analysis = revisions.get(sources, workerSettings()).analysed.analysis;
      const analysed = performance.now();
      // Only a session that was posted an analysis can be sent a delta. Awaited before reading
      // `posted`, so what follows runs in one go: a call that arrives meanwhile cannot take this
      // one's base.
      const deltas = posted.has(session) ? await loadAnalysisDelta() : undefined;
      const previous = posted.get(session);
      posted.delete(session);
      const id = ++seq;
      posted.set(session, { seq: id, analysis });
      while (posted.size > MAX_SESSIONS) posted.delete(posted.keys().next().value as string);
      const comparable =
        previous !== undefined &&
        deltas !== undefined &&
        previous.seq === base &&
        previous.analysis.world === analysis.world &&
        deltas.deepEqual(previous.analysis.readings, analysis.readings);
      const delta = comparable
        ? deltas.diffValue(previous.analysis, analysis, placeOnlyRunsOf)
        : undefined;
      const timing = { analyzeMs: analysed - started, diffMs: performance.now() - analysed };
      return comparable
        ? { revision, seq: id, timing, base: previous.seq, delta }
        : { revision, seq: id, timing, full: analysis };
    },
    /** The world every later call analyses in (the store sends it as soon as the user switches). */
    setWorld(world: WorldMode): void {
      setWorkerWorld(world);
    },
    /** The readings every later call analyses with (sent as soon as the user changes one). */
    setReadings(readings: Readings): void {
      setWorkerReadings(readings);
    },
    /**
     * Fetches the engine's on-demand modules (engine/modules/engineModules.ts) and the delta code.
     * The page asks once its first graph is shown, so a later revision that needs one (an edit, an opened file with
     * a diagnostic to locate) does not wait for it and is not analysed twice.
     */
    async preloadModules(): Promise<void> {
      await Promise.all([loadAllEngineModules(), loadAnalysisDelta()]);
    },
    /**
     * The CRD JSON Schemas, descriptions included, for the editor's completion and hover (plain
     * JSON from the vendored CRDs; loaded when the editor first asks).
     */
    async crdSchemas(): Promise<readonly CrdSchema[]> {
      return (await loadEditorSchemas()).EDITOR_CRD_SCHEMAS;
    },
    /** Lint findings (with the request that proves each shadowed match), the fix-its on offer, and the isolation lens. */
    async platformChecks(
      revision: number,
      sources: SourceFile[],
    ): Promise<{
      revision: number;
      findings: LintFinding[];
      fixIts: FixIt[];
      lens: IsolationLens;
    }> {
      const { platformChecksOf } = await loadPlatformChecks();
      return { revision, ...platformChecksOf(revisions.get(sources, workerSettings())) };
    },
    /** The file a fix-it would produce and its unified diff, before the store applies it. */
    async previewFixIt(sources: SourceFile[], fix: FixIt): Promise<FixItPreview | undefined> {
      return (await loadPlatformChecks()).previewFixIt(sources, fix);
    },
    /**
     * "Migrate from Ingress": the generated (or the user's edited) Gateway API YAML and the requests
     * that behave differently under it than under ingress-nginx.
     */
    async compareMigration(
      sources: SourceFile[],
      gatewayApiYaml?: string,
    ): Promise<MigrationReport> {
      const { compareMigration } = await loadMigration();
      return compareMigration(sources, gatewayApiYaml === undefined ? {} : { gatewayApiYaml });
    },
    /** The workspace text after "Use this Gateway API": the YAML plus every non-Ingress document. */
    async migratedWorkspace(sources: SourceFile[], gatewayApiYaml: string): Promise<string> {
      return (await loadMigration()).buildMigratedWorkspace(sources, gatewayApiYaml);
    },
    ...simulatorOnFirstUse(revisions),
  };
}

/**
 * The simulator's functions (simulatorApi.ts), loaded with the first call. Each answers what the
 * simulator answers; the run's cancel stays here, so a cancel sent while the simulator is still
 * loading is heard at the run's first chunk boundary.
 */
function simulatorOnFirstUse(revisions: RevisionCache) {
  const simulator = onFirstUse(async () =>
    (await import("./simulatorApi")).createSimulatorApi(revisions),
  );
  return {
    async simTrace(...args: Parameters<SimulatorApi["simTrace"]>) {
      return (await simulator()).simTrace(...args);
    },
    async simCaseFile(...args: Parameters<SimulatorApi["simCaseFile"]>) {
      return (await simulator()).simCaseFile(...args);
    },
    async simMixTraffic(...args: Parameters<SimulatorApi["simMixTraffic"]>) {
      return (await simulator()).simMixTraffic(...args);
    },
    async simRun(...args: Parameters<SimulatorApi["simRun"]>) {
      // A cancel from an earlier run with this id is forgotten before the run starts, not after
      // the simulator loaded: a cancel sent in between stops this run.
      forgetSimRunCancel(args[2]);
      return (await simulator()).simRun(...args);
    },
    /** Stops a running simRun at its next chunk boundary. */
    simCancel(runId: string): void {
      cancelSimRun(runId);
    },
    async simWhatIf(...args: Parameters<SimulatorApi["simWhatIf"]>) {
      return (await simulator()).simWhatIf(...args);
    },
  };
}

export const engineApi = createEngineApi(workerRevisions);

export type EngineApi = typeof engineApi;
