/**
 * The compiled route table as plain data: what `gwsim route` prints and the UI lists. One entry per
 * listener, one virtual host per effective hostname, and per virtual host every (route, rule,
 * match) candidate in the order the router tries them. The fast matcher built from the same
 * inputs is the Router (routing/compileRouter.ts), an in-process object that never crosses the
 * worker boundary.
 */
import type { ResourceKey } from "../api/keys";
import type { RouteKind } from "../api/kinds";

export interface RouteTable {
  listeners: RouteTableListener[];
}

export interface RouteTableListener {
  gateway: ResourceKey;
  /** "namespace/name" of the Gateway. */
  gatewayName: string;
  /** The Gateway or ListenerSet that declares the listener. */
  owner: ResourceKey;
  listener: string;
  port: number;
  protocol: string;
  hostname?: string;
  tlsMode?: string;
  /** False when the listener serves no traffic (not accepted, conflicted, or its Gateway is not reconciled). */
  ready: boolean;
  /** In lookup order: exact hostnames, wildcards from the longest suffix, then "*". */
  virtualHosts: RouteTableVirtualHost[];
}

/** Which reading of an unsettled spec point decided something here, and what. */
export interface RouteTableReadingNote {
  /** "reading NAME=VALUE" (readings/readings.ts describeReading). */
  reading: string;
  detail: string;
}

export interface RouteTableVirtualHost {
  /**
   * An effective (intersected) hostname, or "*". Under the reading
   * GatewayRouteHostnameIntersectionPrecedence=original-hostnames: the route's own hostname.
   */
  hostname: string;
  /** Set when routes with different own hostnames meet here, so the reading decided the grouping. */
  readingNote?: RouteTableReadingNote;
  /** Candidates in the order they are tried; the first that matches serves the request. */
  entries: RouteTableEntry[];
  /** Rules of the routes here that a controller drops (invalid), so they are never candidates. */
  droppedRules?: RouteTableDroppedRule[];
}

export interface RouteTableDroppedRule {
  route: ResourceKey;
  ruleIndex: number;
  ruleName?: string;
  reason: string;
}

export interface RouteTableMatch {
  /** HTTPRoute only; defaults applied (PathPrefix "/"). */
  path?: { type: string; value: string };
  method?: string;
  headers: { type: string; name: string; value: string }[];
  queryParams: { type: string; name: string; value: string }[];
  /** GRPCRoute only. */
  grpc?: { type: string; service?: string; method?: string };
  /** True when the rule had no matches and this is the default (PathPrefix "/", or every gRPC call). */
  defaulted: boolean;
}

export interface RouteTableBackend {
  /** "namespace/name:port", or "none" when the reference is invalid. */
  target: string;
  kind: string;
  namespace: string;
  name: string;
  port?: number;
  weight: number;
  /** Exact share of the rule's traffic in [0, 1]. */
  share: number;
  valid: boolean;
  reason?: string;
}

export interface RouteTableEntry {
  /** 1-based position within the virtual host. */
  rank: number;
  routeKind: RouteKind;
  route: ResourceKey;
  namespace: string;
  name: string;
  creationTimestamp?: string;
  ruleIndex: number;
  ruleName?: string;
  matchIndex: number;
  match: RouteTableMatch;
  /** Rule-level filter types, in order. */
  filters: string[];
  backends: RouteTableBackend[];
  /** For TCPRoute/UDPRoute entries after the first and shadowed TLSRoutes: why they carry no traffic. */
  shadowedBy?: ResourceKey;
}
