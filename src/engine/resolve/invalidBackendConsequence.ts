/**
 * What traffic meant for a backendRef gets when that backendRef is invalid: the closed world's
 * answer, told next to every backend the auto world assumes exists. It depends on who sends:
 *
 * - HTTPRoute / GRPCRoute: the request is answered 500 (spec §2.7, the HTTPRoute backendRefs
 *   comment).
 * - TCPRoute / TLSRoute / UDPRoute: there is no status code to answer with; the spec's L4
 *   backendRefs comments say the connection is rejected (gwsim's outcome: connection-refused).
 * - A RequestMirror filter's backendRef: the copy is not sent, and the request itself still
 *   reaches the rule's backends (the mirror is not configured, the route keeps serving).
 */
import type { RouteKind } from "../api/kinds";

export interface InvalidBackendConsequence {
  /** For a trace's `(closed world: …)` aside. */
  short: string;
  /** For an assumption note's "In a closed world: …" sentence. */
  sentence: string;
}

const REQUEST: InvalidBackendConsequence = {
  short: "500",
  sentence: "requests sent to it are answered 500",
};
const CONNECTION: InvalidBackendConsequence = {
  short: "connections refused",
  sentence: "connections sent to it are refused",
};
const MIRROR: InvalidBackendConsequence = {
  short: "not mirrored",
  sentence: "requests are not mirrored to it, and the rule's backends still answer them",
};

export function invalidBackendConsequence(
  routeKind: RouteKind,
  mirror: boolean,
): InvalidBackendConsequence {
  if (mirror) return MIRROR;
  return routeKind === "TCPRoute" || routeKind === "TLSRoute" || routeKind === "UDPRoute"
    ? CONNECTION
    : REQUEST;
}
