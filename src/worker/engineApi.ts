/**
 * What the engine worker offers, as plain functions so they are unit-tested in Node without a
 * Worker. engine.worker.ts only exposes this object; engineClient.ts is the one caller.
 */
import { CRD_SCHEMAS, type Analysis, type CrdSchema, type SourceFile } from "../engine";
import {
  previewFixIt,
  type FixIt,
  type FixItPreview,
  type IsolationLens,
  type LintFinding,
} from "../engine";
import { buildMigratedWorkspace, compareMigration, type MigrationReport } from "../engine";
import { createSimulatorApi } from "./simulatorApi";
import { workerRevisions, type RevisionCache } from "./revisionCache";
import { setWorkerReadings, setWorkerWorld, workerSettings } from "./workerWorld";
import { DEFAULT_WORLD_MODE, type Readings, type WorldMode } from "../engine";

export interface AnalysisResult {
  /** The document revision the caller sent: results for an older revision are dropped. */
  revision: number;
  analysis: Analysis;
}

/**
 * The API over one revision cache (revisionCache.ts): the editor's analysis, the platform checks
 * and the simulator of one text all read the same analysed revision. The worker uses the shared
 * `workerRevisions`; tests pass their own cache with a fixed clock.
 */
export function createEngineApi(revisions: RevisionCache) {
  return {
    analyze(
      revision: number,
      sources: SourceFile[],
      world: WorldMode = DEFAULT_WORLD_MODE,
      readings: Readings = {},
    ): AnalysisResult {
      setWorkerWorld(world);
      setWorkerReadings(readings);
      return { revision, analysis: revisions.get(sources, workerSettings()).analysed.analysis };
    },
    /** The world every later call analyses in (the store sends it as soon as the user switches). */
    setWorld(world: WorldMode): void {
      setWorkerWorld(world);
    },
    /** The readings every later call analyses with (sent as soon as the user changes one). */
    setReadings(readings: Readings): void {
      setWorkerReadings(readings);
    },
    /** The CRD JSON Schemas, for the editor's completion and hover (plain JSON from the vendored CRDs). */
    crdSchemas(): readonly CrdSchema[] {
      return CRD_SCHEMAS;
    },
    /** Lint findings (with the request that proves each shadowed match), the fix-its on offer, and the isolation lens. */
    platformChecks(
      revision: number,
      sources: SourceFile[],
    ): { revision: number; findings: LintFinding[]; fixIts: FixIt[]; lens: IsolationLens } {
      const cached = revisions.get(sources, workerSettings());
      return {
        revision,
        findings: cached.analysed.analysis.lint,
        fixIts: cached.fixIts(),
        lens: cached.lens(),
      };
    },
    /** The file a fix-it would produce and its unified diff, before the store applies it. */
    previewFixIt(sources: SourceFile[], fix: FixIt): FixItPreview | undefined {
      return previewFixIt(sources, fix);
    },
    /**
     * "Migrate from Ingress": the generated (or the user's edited) Gateway API YAML and the requests
     * that behave differently under it than under ingress-nginx.
     */
    compareMigration(sources: SourceFile[], gatewayApiYaml?: string): MigrationReport {
      return compareMigration(sources, gatewayApiYaml === undefined ? {} : { gatewayApiYaml });
    },
    /** The workspace text after "Use this Gateway API": the YAML plus every non-Ingress document. */
    migratedWorkspace(sources: SourceFile[], gatewayApiYaml: string): string {
      return buildMigratedWorkspace(sources, gatewayApiYaml);
    },
    ...createSimulatorApi(revisions),
  };
}

export const engineApi = createEngineApi(workerRevisions);

export type EngineApi = typeof engineApi;
