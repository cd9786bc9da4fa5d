/**
 * A request's full story through the simulator, as plain data: the UI draws it, printTrace
 * renders it for the terminal. Answers "why did my request go there".
 */
import type { ResourceKey } from "../api/keys";
import type { RouteKind } from "../api/kinds";
import type { TieBreakStep } from "../routing/precedence";
import type { RouteTableDroppedRule, RouteTableMatch } from "../routing/types";
import type { BackendAttempt } from "./backendAttempts";
import type { ForwardedRequest, RequestOutcome, SimScheme } from "./types";

/** The request after defaults: what the simulator actually matched. */
export interface NormalizedRequest {
  gateway?: string;
  scheme: SimScheme;
  port: number;
  /** Host header as sent ("" when none: the client addressed the Gateway by IP). */
  host: string;
  /** Host lower-cased, port stripped: what hostname matching compares. */
  hostname: string;
  /** TLS server name (https/tls). */
  sni?: string;
  method: string;
  /** Path without the query, normalized (dot segments, merged slashes, unreserved %-escapes). */
  path: string;
  /** The path as sent, when normalization changed it. */
  sentPath?: string;
  /** Raw query without "?", "" when none. */
  query: string;
  /** Header names lower-cased; repeated headers joined with ",". */
  headers: Record<string, string>;
  grpc?: { service: string; method: string };
}

export interface ListenerConsideration {
  gateway: ResourceKey;
  owner: ResourceKey;
  listener: string;
  port: number;
  protocol: string;
  hostname?: string;
  chosen: boolean;
  /** Why it was (not) chosen: port, protocol, readiness, hostname specificity, SNI vs Host. */
  reason: string;
  /** What the listener relies on that the world assumed (its certificate Secrets), one line each. */
  assumed?: string[];
}

export type ConditionName = "path" | "method" | "headers" | "queryParams" | "grpcMethod";

export interface CandidateCondition {
  condition: ConditionName;
  pass: boolean;
  /** The values compared. */
  detail: string;
}

export interface CandidateRef {
  rank: number;
  routeKind: RouteKind;
  route: ResourceKey;
  ruleIndex: number;
  ruleName?: string;
  matchIndex: number;
}

export interface CandidateConsideration extends CandidateRef {
  match: RouteTableMatch;
  pass: boolean;
  /** Every condition of the match, evaluated even after one fails, so all reasons show. */
  conditions: CandidateCondition[];
  /** Set when the candidate matches but is not tried: it is of a kind this request does not use, or shadowed. */
  skipped?: string;
}

export interface FilterStep {
  level: "rule" | "backend";
  /** Index in the rule's (or the picked backendRef's) filters. */
  index: number;
  type: string;
  /** False for filters gwsim cannot execute (ExtensionRef, ExternalAuth): their effect is unknown. */
  simulated: boolean;
  /** One sentence: what the filter did to this request. */
  effect: string;
  before?: ForwardedRequest;
  after?: ForwardedRequest;
}

export interface RuleAttribute {
  name: "timeouts" | "retry" | "sessionPersistence";
  /** The settings as written, compactly. */
  value: string;
  /** What the simulator does with it (shown, not enforced). */
  note: string;
}

export interface BackendPick {
  seed: number;
  sample: number;
  /** The uniform draw in [0, 1) that chose the backend. */
  draw: number;
}

/** How one route bound to the called Service fared for this mesh client. */
export interface MeshRouteConsideration {
  route: ResourceKey;
  routeKind: RouteKind;
  parentRefIndex: number;
  /** Producer: in the Service's namespace, for every client. Consumer: for clients in its own namespace. */
  role: "producer" | "consumer";
  /** The Service ports it binds, in words: "port 9080", "ports 80, 443", "every port", "no port of the Service (…)". */
  ports: string;
  /** True when its rules are candidates for this request. */
  applies: boolean;
  /** Why it applies, or why it lost. */
  reason: string;
}

export interface MeshTrace {
  clientNamespace: string;
  /** "namespace/name" of the called Service. */
  service: string;
  port: number;
  /** How the Service and port were found (or assumed). */
  serviceReason: string;
  /** Every route whose parentRef is this Service, consumer routes first. */
  routes: MeshRouteConsideration[];
  /** True when no route binds the port for this client: the request goes to the Service itself. */
  defaultRouting: boolean;
}

export interface RequestTrace {
  request: NormalizedRequest;
  /** Set for a mesh (GAMMA) request: the client, the Service and the routes bound to it. */
  mesh?: MeshTrace;
  /** "namespace/name" of the Gateway that received the request. */
  gateway?: string;
  gatewayReason: string;
  /** What the Gateway relies on that the world assumed (its GatewayClass), one line each. */
  gatewayAssumed?: string[];
  /** What the winner's attachment to the listener relies on that the world assumed, one line each. */
  winnerAssumed?: string[];
  listeners: ListenerConsideration[];
  /** The chosen listener; `owner` is set when a ListenerSet, not the Gateway, declares it. */
  listener?: { gateway: ResourceKey; owner?: ResourceKey; name: string };
  virtualHost?: { hostname: string; reason: string };
  /** Every candidate of the virtual host in precedence order. */
  candidates: CandidateConsideration[];
  /** Rules under this hostname that the controller dropped as invalid: never candidates. */
  droppedRules?: RouteTableDroppedRule[];
  winner?: CandidateRef;
  /** Why the winner ranks above the next candidate that also matched. */
  tieBreak?: { runnerUp: CandidateRef; step: TieBreakStep; detail: string };
  filters: FilterStep[];
  attributes: RuleAttribute[];
  pick?: BackendPick;
  /** With SimRequest.backendBehavior: every attempt at the backend (retries, timeouts). */
  attempts?: BackendAttempt[];
  outcome: RequestOutcome;
}
