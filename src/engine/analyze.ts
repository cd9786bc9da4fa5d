/**
 * Computes everything the UI and the CLI show for a set of manifests: diagnostics, status as a
 * conformant controller would write it (with the reasoning behind it), the compiled route
 * table, the lint findings with their proving requests, and the semantic graph.
 *
 * Pure and deterministic: the same sources and options give a deep-equal Analysis. This is the
 * one pipeline: every caller that needs something derived from the text alone reads it from here
 * (or from the AnalyzedRevision beside it) instead of running stages again.
 */
import { loadValidated, type ValidatedLoad } from "./validate/loadValidated";
import { indexResources, type ResourceIndex } from "./resolve/indexResources";
import { computeStatus } from "./status/computeStatus";
import type { GatewayListeners } from "./status/buildGatewayListeners";
import { compileRouteTable } from "./routing/compileRouteTable";
import { buildSemanticGraph } from "./graph/buildSemanticGraph";
import { drawnGraph, revisionGraph } from "./graph/edgeChunks";
import { lintByRules } from "./lint/lintAnalysis";
import type { LintFinding } from "./lint/lintTypes";
import type { SourceLocator } from "./load/sourceLocator";
import { appendAll } from "./collections/appendAll";
import { hasControllerStatus } from "./drift/hasControllerStatus";
import { needEngineModule } from "./modules/engineModules";
import type { LocatedDrift } from "./drift/compareConditions";
import type { Analysis, RevisionAnalysis } from "./analysisTypes";
import type { SemanticGraph } from "./graph/types";
import { collectMeshServices } from "./mesh/collectMeshModel";
import { DEFAULT_WORLD_MODE } from "./resolve/world";
import type {
  AnalyzeOptions,
  Diagnostic,
  Manifest,
  ObjectSummary,
  ResourceKey,
  SourceFile,
} from "./types";

const EPOCH = "1970-01-01T00:00:00Z";

/**
 * One analysed revision of the text: the plain-data Analysis (what crosses the worker boundary)
 * and the in-process working state later consumers need (fix-its, the isolation lens), so they
 * never reload or re-index the sources. Stays in the process that analysed; never posted.
 */
export interface AnalyzedRevision {
  /** Its graph's edges in chunks (graph/edgeChunks.ts); analyze() gives them as one list. */
  analysis: RevisionAnalysis;
  /** The sources analysed, exactly as given: fix-its are proven by re-analysing an edit of them. */
  sources: readonly SourceFile[];
  /** The options analysed with (world, readings, parse cache): a proof analyses the same way. */
  options: AnalyzeOptions;
  /** The typed objects, indexed as every stage read them. */
  index: ResourceIndex;
  /** The objects as written, before validation pruned unknown fields (renamed-field fix-its). */
  written: readonly Manifest[];
  /** Every modelled Gateway's merged listeners, as the status stage settled them. */
  listeners: ReadonlyMap<ResourceKey, GatewayListeners>;
  /** Each stage's own output, kept so the next revision can reuse what its edit did not touch. */
  stages: StageOutputs;
}

/**
 * What each stage produced on its own, before analyze() merged it into the Analysis: the next
 * revision's incremental pass (incremental/reanalyze.ts) replaces only the parts an edit touched
 * and rebuilds the merged arrays in the same order a fresh run gives.
 */
export interface StageOutputs {
  /** The typed manifests as loaded, duplicates included, in input order. */
  manifests: readonly Manifest[];
  locator: SourceLocator;
  loadDiagnostics: readonly Diagnostic[];
  validationDiagnostics: readonly Diagnostic[];
  statusDiagnostics: readonly Diagnostic[];
  /** Where the status stage's per-route findings sit in statusDiagnostics ([from, to)). */
  statusRouteDiagnostics: readonly [number, number];
  /** Lint findings per rule, in rule order (lintAnalysis's RULES). */
  lintByRule: readonly (readonly LintFinding[])[];
  drift: readonly LocatedDrift[];
}

/** analyzeRevision's options: `previous` lets it reuse what the edit since then did not touch. */
export interface RevisionOptions extends AnalyzeOptions {
  /**
   * The revision analysed just before, with the same world and readings. Only what the edit
   * provably left alone is reused; the result deep-equals a fresh analysis of the same text.
   */
  previous?: AnalyzedRevision;
}

export function analyze(sources: readonly SourceFile[], options: AnalyzeOptions = {}): Analysis {
  // The graph keeps its edges in the one list buildSemanticGraph made: chunking them for a
  // revision and joining the chunks again copied every edge twice (70,000 at 10,000 routes).
  const loaded = loadValidated(sources, options.parseCache, options.workspaceLimits);
  return analyzeLoaded(sources, options, loaded, (graph) => graph).analysis;
}

/** The analysis with its graph's edges in one list, every other part shared (key order kept). */
export function drawnAnalysis(analysis: RevisionAnalysis): Analysis {
  const { graph, ...rest } = analysis;
  return { ...rest, graph: drawnGraph(graph) };
}

export function analyzeRevision(
  sources: readonly SourceFile[],
  revisionOptions: RevisionOptions = {},
): AnalyzedRevision {
  // The previous revision is not kept: each revision would otherwise hold the whole chain.
  const { previous, ...options } = revisionOptions;
  // Asked for before any work: the first analysis of a session runs without it (engineModules.ts).
  const incremental = previous === undefined ? undefined : needEngineModule("incremental");
  // Every stage below reads the typed view validation builds, never the raw parse.
  const loaded = loadValidated(sources, options.parseCache, options.workspaceLimits);
  if (previous !== undefined && incremental !== undefined) {
    const reused = incremental.reanalyze(previous, sources, options, loaded);
    if (reused.revision !== undefined) return reused.revision;
  }
  return analyzeLoaded(sources, options, loaded, revisionGraph);
}

/** An AnalyzedRevision whose analysis holds the graph as `G`: chunked, or as built for analyze(). */
type AnalyzedAs<G> = Omit<AnalyzedRevision, "analysis"> & {
  analysis: Omit<RevisionAnalysis, "graph"> & { graph: G };
};

/** The full pipeline after loading: every stage runs; `keptGraph` shapes the graph it keeps. */
function analyzeLoaded<G>(
  sources: readonly SourceFile[],
  options: AnalyzeOptions,
  loaded: ValidatedLoad,
  keptGraph: (graph: SemanticGraph) => G,
): AnalyzedAs<G> {
  const world = options.world ?? DEFAULT_WORLD_MODE;
  const index = indexResources(loaded.manifests, world);
  // Status comes before routing: a route only carries traffic on the listeners that accepted it,
  // and a listener that lost a conflict serves nothing, so routing reads the settled status.
  const resolved = computeStatus(index, loaded.locator, {
    clock: options.clock ?? (() => EPOCH),
    ...(options.readings !== undefined ? { readings: options.readings } : {}),
  });
  const routeTable = compileRouteTable(
    resolved.gateways,
    resolved.routes,
    resolved.attachments,
    options.readings,
  );
  const objects = loaded.manifests.map(summarize);
  // The drift module is loaded only for a workspace that carries a controller's status.
  const drift = index.manifests.some(hasControllerStatus)
    ? needEngineModule("drift").compareControllerStatus(index, loaded.locator, resolved.status)
    : [];
  const lintByRule = lintByRules({
    manifests: loaded.manifests,
    locator: loaded.locator,
    ...resolved,
    routeTable,
    world,
    ...(options.readings !== undefined ? { readings: options.readings } : {}),
  });
  const lint = lintByRule.flat();
  const diagnostics = mergeDiagnostics(
    loaded.loadDiagnostics,
    loaded.validationDiagnostics,
    resolved.diagnostics,
    lint,
    drift,
  );
  const analysis: AnalyzedAs<G>["analysis"] = {
    world,
    ...(options.readings !== undefined ? { readings: options.readings } : {}),
    assumptions: resolved.assumptions,
    objects,
    diagnostics,
    lint,
    status: resolved.status,
    explain: resolved.explain,
    gateways: resolved.gateways,
    routes: resolved.routes,
    attachments: resolved.attachments,
    policies: resolved.policies,
    // An on-demand engine module (modules/engineModules.ts): without a policy attached to an
    // object of the input or to one the world assumes, no object has an effective policy.
    effectivePolicies: resolved.policies.some(
      (p) => p.target !== undefined || p.assumedTarget !== undefined,
    )
      ? needEngineModule("policy").computeEffectivePolicies(resolved)
      : {},
    statusDrift: drift.map((d) => d.entry),
    routeTable,
    mesh: {
      services: collectMeshServices(index),
      bindings: resolved.meshBindings,
      // Only a route with Gateway and Service parents that a grant refused has a mesh view.
      ...(resolved.meshRoutes.length > 0 ? { routes: resolved.meshRoutes } : {}),
    },
    graph: keptGraph(
      buildSemanticGraph({ objects, manifests: loaded.manifests, ...resolved, diagnostics }),
    ),
  };
  return {
    analysis,
    sources,
    options,
    index,
    written: loaded.written,
    listeners: resolved.listeners,
    stages: {
      manifests: loaded.manifests,
      locator: loaded.locator,
      loadDiagnostics: loaded.loadDiagnostics,
      validationDiagnostics: loaded.validationDiagnostics,
      statusDiagnostics: resolved.diagnostics,
      statusRouteDiagnostics: resolved.routeDiagnostics,
      lintByRule,
      drift,
    },
  };
}

/** analyze().diagnostics, in stage order. */
export function mergeDiagnostics(
  load: readonly Diagnostic[],
  validation: readonly Diagnostic[],
  status: readonly Diagnostic[],
  lint: readonly LintFinding[],
  drift: readonly LocatedDrift[],
): Diagnostic[] {
  const out: Diagnostic[] = [];
  appendAll(out, load);
  appendAll(out, validation);
  appendAll(out, status);
  // A finding that restates a status condition stays out: the status already reports it.
  for (const f of lint) if (f.restatesStatus !== true) out.push(f.diagnostic);
  if (drift.length > 0) appendAll(out, needEngineModule("drift").driftDiagnostics(drift));
  return out;
}

export function summarize(m: Manifest): ObjectSummary {
  const summary: ObjectSummary = {
    key: m.key,
    apiVersion: m.apiVersion,
    kind: m.kind,
    name: m.name,
    modelled: m.modelled,
    file: m.source.file,
    docIndex: m.source.docIndex,
    line: m.source.line,
    endLine: m.source.endLine,
  };
  if (m.namespace !== undefined) summary.namespace = m.namespace;
  return summary;
}
