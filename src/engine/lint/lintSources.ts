/**
 * Lint findings with their structured extras (the proving request of a shadow), for callers that
 * want more than the diagnostics analyze() already carries: the designer's lint panel, the CLI.
 * Runs the same stages as analyze() up to the route table.
 */
import { loadValidated } from '../validate/loadValidated';
import { indexResources } from '../resolve/indexResources';
import { computeStatus } from '../status/computeStatus';
import { compileRouteTable } from '../routing/compileRouteTable';
import type { AnalyzeOptions, SourceFile } from '../types';
import { lintAnalysis } from './lintAnalysis';
import type { LintFinding } from './lintTypes';
import { DEFAULT_WORLD_MODE } from '../resolve/world';

const EPOCH = '1970-01-01T00:00:00Z';

export function lintSources(sources: readonly SourceFile[], options: AnalyzeOptions = {}): LintFinding[] {
  const loaded = loadValidated(sources, options.parseCache);
  const resolved = computeStatus(indexResources(loaded.manifests, options.world), loaded.locator, { clock: options.clock ?? (() => EPOCH) });
  const routeTable = compileRouteTable(resolved.gateways, resolved.routes, resolved.attachments);
  return lintAnalysis({ manifests: loaded.manifests, locator: loaded.locator, ...resolved, routeTable, world: options.world ?? DEFAULT_WORLD_MODE });
}
