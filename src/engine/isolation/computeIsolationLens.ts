/**
 * computeIsolationLens(revision): the namespaces × listeners matrix and the cross-domain leaks,
 * for the designer's isolation tab and the CLI. Pure; reads what analyze() computed (status,
 * routing, the listeners the status stage settled) and analyses nothing again.
 */
import type { AnalyzedRevision } from "../analyze";
import { computeIsolationMatrix } from "./computeIsolationMatrix";
import { findIsolationLeaks } from "./findIsolationLeaks";
import type { IsolationLens } from "./isolationTypes";

export function computeIsolationLens(
  revision: Pick<AnalyzedRevision, "analysis" | "index" | "listeners"> &
    Partial<Pick<AnalyzedRevision, "stages">>,
): IsolationLens {
  const { analysis, index } = revision;
  const matrix = computeIsolationMatrix(
    index,
    revision.listeners,
    analysis.explain,
    revision.stages?.locator,
  );
  const leaks = findIsolationLeaks({
    matrix,
    index,
    gateways: analysis.gateways,
    routes: analysis.routes,
    attachments: analysis.attachments,
    locator: revision.stages?.locator,
  });
  const domains = [...new Set(matrix.listeners.map((l) => l.domain))].sort();
  return { domains, ...matrix, leaks };
}
