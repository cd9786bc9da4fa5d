/**
 * What the engine worker offers, as plain functions so they are unit-tested in Node without a
 * Worker. engine.worker.ts only exposes this object; engineClient.ts is the one caller.
 */
import { analyze, createParseCache, CRD_SCHEMAS, type Analysis, type CrdSchema, type SourceFile } from '../engine';
import { computeFixIts, computeIsolationLens, lintSources, previewFixIt, type FixIt, type FixItPreview, type IsolationLens, type LintFinding } from '../engine';
import { buildMigratedWorkspace, compareMigration, type MigrationReport } from '../engine';
import { simulatorApi } from './simulatorApi';
import { setWorkerWorld, workerWorld } from './workerWorld';
import { DEFAULT_WORLD_MODE, type WorldMode } from '../engine';

export interface AnalysisResult {
  /** The document revision the caller sent: results for an older revision are dropped. */
  revision: number;
  analysis: Analysis;
}

/**
 * The workspace's documents as last parsed: a keystroke re-parses only the document it changed.
 * Only the analyses of the workspace's current text use it (what-if comparisons of other
 * revisions would evict each other's entries).
 */
const parseCache = createParseCache();

export const engineApi = {
  analyze(revision: number, sources: SourceFile[], world: WorldMode = DEFAULT_WORLD_MODE): AnalysisResult {
    setWorkerWorld(world);
    // The clock lives in the shell, not the engine: lastTransitionTime reads like a real cluster's.
    return { revision, analysis: analyze(sources, { clock: () => new Date().toISOString(), parseCache, world }) };
  },
  /** The world every later call analyses in (the store sends it as soon as the user switches). */
  setWorld(world: WorldMode): void {
    setWorkerWorld(world);
  },
  /** The CRD JSON Schemas, for the editor's completion and hover (plain JSON from the vendored CRDs). */
  crdSchemas(): readonly CrdSchema[] {
    return CRD_SCHEMAS;
  },
  /** Lint findings (with the request that proves each shadowed match), the fix-its on offer, and the isolation lens. */
  platformChecks(revision: number, sources: SourceFile[]): { revision: number; findings: LintFinding[]; fixIts: FixIt[]; lens: IsolationLens } {
    const world = workerWorld();
    const analysis = analyze(sources, { parseCache, world });
    return { revision, findings: lintSources(sources, { parseCache, world }), fixIts: computeFixIts(sources, analysis, parseCache), lens: computeIsolationLens(sources, analysis, parseCache) };
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
  ...simulatorApi,
};

export type EngineApi = typeof engineApi;
