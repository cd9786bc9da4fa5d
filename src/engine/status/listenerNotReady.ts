/**
 * Why a listener serves no traffic, in the words a trace prints next to it: the same facts its
 * status conditions carry (Conflicted, Accepted, ResolvedRefs), so a refused request names the
 * fix instead of "not ready".
 */
import type { ListenerState } from "./listenerState";

export function listenerNotReadyReason(
  l: ListenerState,
  gatewayServes: boolean,
): string | undefined {
  if (l.conflict) return `conflicted (${l.conflict.reason}): ${l.conflict.message}`;
  if (l.notAccepted) return `not accepted (${l.notAccepted.reason}): ${l.notAccepted.message}`;
  const refs = l.refProblems.map((p) => p.message).join("; ");
  if (l.certificateUnusable)
    return `not programmed, no usable certificate${refs === "" ? "" : `: ${refs}`}`;
  if (l.supportedKinds.length === 0 && l.implementationProtocol !== true)
    return `not programmed, no route kind can attach${refs === "" ? "" : `: ${refs}`}`;
  if (!gatewayServes) return "its Gateway is not programmed, so none of its listeners serve";
  return undefined;
}
