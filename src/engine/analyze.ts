/**
 * Computes everything the UI and the CLI show for a set of manifests: diagnostics, status as a
 * conformant controller would write it (with the reasoning behind it), the compiled route
 * table, and the semantic graph.
 *
 * Pure and deterministic: the same sources and options give a deep-equal Analysis.
 */
import { loadValidated } from './validate/loadValidated';
import { indexResources } from './resolve/indexResources';
import { computeStatus } from './status/computeStatus';
import { compileRouteTable } from './routing/compileRouteTable';
import { buildSemanticGraph } from './graph/buildSemanticGraph';
import { lintDiagnostics } from './lint/lintAnalysis';
import { computeEffectivePolicies } from './policy/computeEffectivePolicies';
import { compareControllerStatus } from './drift/compareControllerStatus';
import { driftDiagnostics } from './drift/driftDiagnostics';
import type { Analysis } from './analysisTypes';
import { collectMeshServices } from './mesh/collectMeshModel';
import { DEFAULT_WORLD_MODE } from './resolve/world';
import type { AnalyzeOptions, Manifest, ObjectSummary, SourceFile } from './types';

const EPOCH = '1970-01-01T00:00:00Z';

export function analyze(sources: readonly SourceFile[], options: AnalyzeOptions = {}): Analysis {
  // Every stage below reads the typed view validation builds, never the raw parse.
  const loaded = loadValidated(sources, options.parseCache);
  const world = options.world ?? DEFAULT_WORLD_MODE;
  const index = indexResources(loaded.manifests, world);
  // Status comes before routing: a route only carries traffic on the listeners that accepted it,
  // and a listener that lost a conflict serves nothing, so routing reads the settled status.
  const resolved = computeStatus(index, loaded.locator, { clock: options.clock ?? (() => EPOCH), ...(options.readings !== undefined ? { readings: options.readings } : {}) });
  const routeTable = compileRouteTable(resolved.gateways, resolved.routes, resolved.attachments);
  const objects = loaded.manifests.map(summarize);
  const drift = compareControllerStatus(index, loaded.locator, resolved.status);
  const diagnostics = [
    ...loaded.loadDiagnostics,
    ...loaded.validationDiagnostics,
    ...resolved.diagnostics,
    ...lintDiagnostics({ manifests: loaded.manifests, locator: loaded.locator, ...resolved, routeTable, world }),
    ...driftDiagnostics(drift),
  ];
  return {
    world,
    assumptions: resolved.assumptions,
    objects,
    diagnostics,
    status: resolved.status,
    explain: resolved.explain,
    gateways: resolved.gateways,
    routes: resolved.routes,
    attachments: resolved.attachments,
    policies: resolved.policies,
    effectivePolicies: computeEffectivePolicies(resolved),
    statusDrift: drift.map((d) => d.entry),
    routeTable,
    mesh: { services: collectMeshServices(index), bindings: resolved.meshBindings },
    graph: buildSemanticGraph({ objects, manifests: loaded.manifests, ...resolved, diagnostics }),
  };
}

function summarize(m: Manifest): ObjectSummary {
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
