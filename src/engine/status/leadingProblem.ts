/**
 * Which of several reference problems names a ResolvedRefs condition's reason. A condition carries
 * one reason however many refs fail, and the order of the refs in the manifest must not decide it:
 * the reasons are ranked, the message still lists every problem. Part of the on-demand diagnostic
 * words: only a listener or route with two problems or more asks.
 */

import { ListenerReason, RouteReason } from "../api/conditions";

/**
 * A listener's ResolvedRefs reason when several refs fail. RefNotPermitted first: the
 * certificateRefs field says a ref no ReferenceGrant allows MUST give it, and InvalidCertificateRef
 * "must be used only when the reference is allowed". The rest in the order the API lists the
 * condition's reasons (PartiallyInvalidCertificateRef, a reading's stand-in, with
 * InvalidCertificateRef).
 */
const LISTENER_REF_RANKING: readonly string[] = [
  ListenerReason.RefNotPermitted,
  ListenerReason.InvalidCertificateRef,
  "PartiallyInvalidCertificateRef",
  ListenerReason.InvalidRouteKinds,
  ListenerReason.InvalidCACertificateRef,
  ListenerReason.InvalidCACertificateKind,
];

/**
 * A route's ResolvedRefs reason when several backendRefs fail. The backendRef field gives each
 * invalid ref its reason and no order between them; RefNotPermitted leads, as it must for the
 * listener's certificateRefs and the mirror filter's backendRef, then the others alphabetically:
 * the first of the reasons Envoy Gateway joins, sorted, into its one reason.
 */
const ROUTE_REF_RANKING: readonly string[] = [
  RouteReason.RefNotPermitted,
  RouteReason.BackendNotFound,
  RouteReason.InvalidKind,
  RouteReason.UnsupportedProtocol,
];

export function leadingListenerProblem<P extends { readonly reason: string }>(
  problems: readonly P[],
): P | undefined {
  return leadingProblem(problems, LISTENER_REF_RANKING);
}

export function leadingRouteProblem<P extends { readonly reason: string }>(
  problems: readonly P[],
): P | undefined {
  return leadingProblem(problems, ROUTE_REF_RANKING);
}

/**
 * The problem with the best-ranked reason (earliest in `ranking`); a reason the ranking does not
 * name ranks after every named one, and ties keep the manifest order.
 */
export function leadingProblem<P extends { readonly reason: string }>(
  problems: readonly P[],
  ranking: readonly string[],
): P | undefined {
  let best = problems[0];
  if (problems.length < 2 || best === undefined) return best;
  let bestRank = rankOf(best.reason, ranking);
  for (let i = 1; i < problems.length; i++) {
    const p = problems[i] as P;
    const rank = rankOf(p.reason, ranking);
    if (rank < bestRank) {
      best = p;
      bestRank = rank;
    }
  }
  return best;
}

function rankOf(reason: string, ranking: readonly string[]): number {
  const i = ranking.indexOf(reason);
  return i < 0 ? ranking.length : i;
}
