/**
 * Listener conflicts across a Gateway and its ListenerSets (spec §2.2), per port:
 * - ProtocolConflict: HTTP shares the port with anything but HTTP; TCP with anything but UDP.
 *   HTTPS and TLS may share a port (SNI tells them apart), TLS Passthrough and Terminate too
 *   (gwsim supports TLSRouteModeMixed); UDP is another transport and coexists with everything.
 * - HostnameConflict: compatible protocols with the same hostname (absent counts as one value).
 * Among the Gateway's own listeners no winner is picked: every party to a conflict is rejected.
 * A ListenerSet listener is checked against every listener of higher precedence and only it loses.
 */
import { ListenerReason } from "../api/conditions";
import { intersectHostname } from "../resolve/intersectHostnames";
import type { ListenerState } from "./listenerState";
import { needEngineModule } from "../modules/engineModules";

/** Listeners in precedence order: the Gateway's own first (`gatewayCount` of them), then ListenerSets'. */
export function applyListenerConflicts(
  listeners: readonly ListenerState[],
  gatewayCount: number,
): void {
  const candidates = (l: ListenerState) =>
    !(l.notAccepted?.reason === ListenerReason.UnsupportedProtocol);
  for (let i = 0; i < listeners.length; i++) {
    const a = listeners[i];
    if (!a || !candidates(a)) continue;
    for (let j = 0; j < i; j++) {
      const b = listeners[j];
      if (!b || !candidates(b) || b.port !== a.port) continue;
      if (i >= gatewayCount && b.conflict && j >= gatewayCount) continue; // a losing ListenerSet listener holds nothing
      const kind = conflictBetween(a, b);
      if (!kind) continue;
      const message = describe(kind, a, b);
      a.conflict ??= { reason: kind, message };
      if (i < gatewayCount) b.conflict ??= { reason: kind, message: describe(kind, b, a) };
      if (i >= gatewayCount) break;
    }
  }
}

function conflictBetween(a: ListenerState, b: ListenerState): string | undefined {
  if (a.protocol === "UDP" || b.protocol === "UDP") {
    return a.protocol === b.protocol && sameHostname(a, b)
      ? ListenerReason.HostnameConflict
      : undefined;
  }
  const family = (p: string) => (p === "HTTPS" || p === "TLS" ? "TLS" : p);
  if (family(a.protocol) !== family(b.protocol)) return ListenerReason.ProtocolConflict;
  return sameHostname(a, b) ? ListenerReason.HostnameConflict : undefined;
}

function sameHostname(a: ListenerState, b: ListenerState): boolean {
  return (a.hostname ?? "") === (b.hostname ?? "");
}

function describe(kind: string, self: ListenerState, other: ListenerState): string {
  const where =
    other.owner === self.owner
      ? `listener ${other.name}`
      : `listener ${other.name} of ${other.owner.kind} ${other.owner.namespace}/${other.owner.name}`;
  if (kind === ListenerReason.ProtocolConflict) {
    return `port ${self.port} is also used by ${where} with protocol ${other.protocol}, which cannot share a port with ${self.protocol}`;
  }
  return `${where} also uses port ${self.port} with protocol ${other.protocol} and ${self.hostname ? `hostname ${self.hostname}` : "no hostname"}`;
}

/**
 * OverlappingTLSConfig (spec §2.1, ListenerConditionOverlappingTLSConfig): terminating listeners
 * (HTTPS, TLS Terminate) on one port whose hostnames overlap, e.g. foo.example.com and
 * *.example.com, invite HTTP/2 connection coalescing across listeners. Every party is marked. A
 * listener without a hostname matches every hostname (Listener.hostname: "When unspecified, all
 * hostnames are matched"), so it overlaps every other terminating listener of its port, as Envoy
 * Gateway reads it too: a connection it negotiated can carry a request for another listener's name
 * (the 421 case of GatewayHTTPSListenerDetectMisdirectedRequests).
 */
export function markOverlappingTlsHostnames(listeners: readonly ListenerState[]): void {
  const terminating = listeners.filter(
    (l) => l.tlsMode === "Terminate" && !l.conflict && !l.notAccepted,
  );
  for (const a of terminating) {
    // The message names one party: a listener with a hostname says more than the port's fallback.
    let party: ListenerState | undefined;
    for (const b of terminating) {
      if (a === b || a.port !== b.port || !hostnamesOverlap(a.hostname, b.hostname)) continue;
      if (party === undefined || (!party.hostname && b.hostname)) party = b;
    }
    if (party === undefined) continue;
    const where =
      party.owner === a.owner
        ? `listener ${party.name}`
        : `listener ${party.name} of ${party.owner.kind} ${party.owner.namespace}/${party.owner.name}`;
    a.tlsOverlap = {
      reason: ListenerReason.OverlappingHostnames,
      // Only overlapping listeners ask: the words load on demand (diagnosticWordsModule.ts).
      message: needEngineModule("diagnosticWords").describeOverlap(a, party, where),
    };
  }
}

/** Equal hostnames are a HostnameConflict (applyListenerConflicts), not an overlap. */
function hostnamesOverlap(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return Boolean(a) !== Boolean(b);
  return a !== b && intersectHostname(a, b) !== undefined;
}
