/**
 * The working state of one listener while its conditions are settled: validation (per listener)
 * first, then conflicts (across the merged listener list), then attachment counts.
 */
import type { RouteKind } from "../api/kinds";
import type { Manifest, TLSMode } from "../types";

export interface Problem {
  reason: string;
  message: string;
}

export interface ListenerState {
  gateway: Manifest;
  /** The Gateway itself, or the ListenerSet the listener comes from. */
  owner: Manifest;
  /** Index in owner.spec.listeners, for diagnostics and explain. */
  specIndex: number;
  name: string;
  port: number;
  protocol: string;
  hostname?: string;
  tlsMode?: TLSMode;
  allowedRoutes: Record<string, unknown>;
  supportedKinds: RouteKind[];
  /** Why the listener is not Accepted (protocol, TLS mode, no valid CA certificate). */
  notAccepted?: Problem;
  /** ResolvedRefs problems in the order found; the first one names the reason. */
  refProblems: Problem[];
  /** A certificate the listener must serve is unusable: it cannot be programmed. */
  certificateUnusable: boolean;
  conflict?: Problem;
  /** OverlappingTLSConfig: another terminating listener on the port serves an overlapping hostname. */
  tlsOverlap?: Problem;
  attachedRoutes: number;
  /** Trace lines for certificate Secrets the world assumed (resolve/world.ts). */
  assumed?: string[];
  /**
   * An implementation-specific protocol its controller supports (or is assumed to): programmed
   * although it may serve no Gateway API route kind (status/implementationProtocol.ts).
   */
  implementationProtocol?: true;
}

/** Accepted, not conflicted, a certificate to serve and some route kind to serve. */
export function isListenerReady(l: ListenerState): boolean {
  return (
    !l.notAccepted &&
    !l.conflict &&
    !l.certificateUnusable &&
    (l.supportedKinds.length > 0 || l.implementationProtocol === true)
  );
}
