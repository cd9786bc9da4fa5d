/**
 * computeIsolationLens(sources): the namespaces × listeners matrix and the cross-domain leaks,
 * for the designer's isolation tab and the CLI. Pure; reuses analyze() for status and routing.
 */
import { analyze } from '../analyze';
import type { Analysis } from '../analysisTypes';
import { loadValidated } from '../validate/loadValidated';
import type { ParseCache } from '../load/parseCache';
import { indexResources } from '../resolve/indexResources';
import type { SourceFile } from '../types';
import { computeIsolationMatrix } from './computeIsolationMatrix';
import { findIsolationLeaks } from './findIsolationLeaks';
import type { IsolationLens } from './isolationTypes';

/** `parseCache` as for analyze(): the designer passes the one its analysis used. */
export function computeIsolationLens(sources: readonly SourceFile[], analysis: Analysis = analyze(sources), parseCache?: ParseCache): IsolationLens {
  const loaded = loadValidated(sources, parseCache);
  const index = indexResources(loaded.manifests, analysis.world);
  const matrix = computeIsolationMatrix(loaded, index, analysis.explain);
  const leaks = findIsolationLeaks({ matrix, index, gateways: analysis.gateways, routes: analysis.routes, attachments: analysis.attachments });
  const domains = [...new Set(matrix.listeners.map((l) => l.domain))].sort();
  return { domains, ...matrix, leaks };
}
