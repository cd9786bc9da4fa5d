/**
 * The HTTPRoute/GRPCRoute hostname clash (computeRouteStatuses' resolveHttpGrpcClash) acts only on
 * listeners that admit routes of both kinds: a route whose hostnames are edited is touched by it
 * only when a route of the other kind is admitted on a listener it is admitted on, in revision n or
 * n+1. Every listener a route is admitted on has an entry in its attachment explain (attached or
 * not, a lost clash included), so the other kind's explains of revision n bound where a rival can
 * be: no shared listener, no clash to settle anew, whatever the edited hostnames.
 */
import type { ResourceIndex } from "../resolve/indexResources";
import { listKind } from "../resolve/indexResources";
import type { Analysis } from "../analysisTypes";
import type { RouteKind } from "../api/kinds";
import type { ListenerExplain } from "../types";
import { positionIndex, positionsOf } from "./positions";

type Explain = Analysis["explain"][number];

const explainsByRoute = positionIndex<Explain>((x) => x.route);

function listenerId(l: ListenerExplain): string {
  return `${l.gateway}\u0000${l.owner}\u0000${l.listener}`;
}

/**
 * Whether a route of the other clashing kind than `kind` is checked against any listener that the
 * edited route's explains (`mine`, one list per revision) check. Only HTTPRoute and GRPCRoute
 * clash; the other kinds' routes are in revision n's `analysis.explain`, which the edit left.
 */
export function rivalKindShares(
  index: ResourceIndex,
  analysis: Pick<Analysis, "explain">,
  kind: RouteKind,
  mine: readonly (readonly Explain[])[],
): boolean {
  const rivals = listKind(index, kind === "HTTPRoute" ? "GRPCRoute" : "HTTPRoute");
  if (rivals.length === 0) return false;
  const listeners = new Set<string>();
  for (const list of mine)
    for (const x of list) for (const l of x.listeners) listeners.add(listenerId(l));
  if (listeners.size === 0) return false;
  for (const rival of rivals)
    for (const i of positionsOf(explainsByRoute, analysis.explain, rival.key))
      for (const l of (analysis.explain[i] as Explain).listeners)
        if (listeners.has(listenerId(l))) return true;
  return false;
}
