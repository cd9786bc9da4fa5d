/**
 * The compiled Router: the fast, in-process form of the route table. It holds compiled regexes,
 * hash maps and class instances, so it is NOT plain data and never crosses the worker boundary:
 * each side that simulates (worker, CLI, tests) builds its own with compileRouter().
 */
import type { CompiledGrpcMethodMatch } from "../match/grpc";
import type { HostnameIndex } from "../match/hostname";
import type { CompiledPathMatch } from "../match/path";
import type { CompiledValueMatch } from "../match/valueMatch";
import type { ResourceKey } from "../api/keys";
import type { GatewayModel, ListenerModel } from "../types";
import type { Candidate } from "./collectCandidates";
import type { PackedPathIndex } from "./packedPathIndex";
import type { MeshRouter } from "./compileMeshRouter";
import type {
  RouteTable,
  RouteTableDroppedRule,
  RouteTableReadingNote,
  RouteTableListener,
} from "./types";

/**
 * A candidate as the fast path reads it. Built by one constructor (compileRouter.ts) with every
 * field in a fixed order, so all candidates share one hidden class and the hot fields (path,
 * conditions, then the outcome) sit together at the front of the object.
 */
export interface CompiledCandidate extends Candidate {
  /** False when the path match cannot compile: the candidate never matches. */
  pathOk: boolean;
  /** An HTTPRoute Exact path match. */
  pathExact: boolean;
  /** True when the path is the only condition (and compiles): the index hit alone decides. */
  pathOnly: boolean;
  pathValue: string;
  /** PathPrefix value without its trailing "/". */
  pathPrefix: string;
  method: string | undefined;
  headers: CompiledValueMatch[];
  query: CompiledValueMatch[];
  grpc: CompiledGrpcMethodMatch | undefined;
  /** Copies of the rule's fast values, so the winner's outcome reads this one object. */
  routeKey: ResourceKey;
  ruleIndex: number;
  matchIndex: number;
  mayAnswer: boolean;
  /** The backendRef every draw picks when only one has a positive weight, else -1. */
  onlyBackend: number;
  fast: FastRule;
  /** Position in the virtual host's candidate list (0-based): lower wins. */
  index: number;
  path: CompiledPathMatch | undefined;
}

/** Per-rule values the fast path needs, computed once and shared by the rule's candidates. */
export interface FastRule {
  routeKey: ResourceKey;
  ruleIndex: number;
  /** True when a rule filter may answer the request itself (redirect, CORS, unsimulated filters). */
  mayAnswer: boolean;
  weights: number[];
  totalWeight: number;
  /** Per backendRef: "namespace/name:port", or undefined when the ref is invalid. */
  targets: (string | undefined)[];
  /** Per backendRef: whether its own filters may answer the request. */
  backendMayAnswer: boolean[];
}

export interface CompiledVirtualHost {
  hostname: string;
  /** Every candidate, all kinds, in table order (what a trace walks). */
  all: CompiledCandidate[];
  grpc: CompiledCandidate[];
  /** TLSRoute/TCPRoute/UDPRoute candidates: the first one serves. */
  l4: CompiledCandidate[];
  droppedRules: RouteTableDroppedRule[];
  /** Which reading decided how routes were grouped into this virtual host, when that mattered. */
  readingNote?: RouteTableReadingNote;
}

export interface CompiledListener {
  gateway: GatewayModel;
  model: ListenerModel;
  ready: boolean;
  table: RouteTableListener;
  virtualHosts: HostnameIndex<CompiledVirtualHost>;
  virtualHostList: CompiledVirtualHost[];
  /** The same hosts by their index in virtualHostList: the fast path reads numbers, not objects. */
  hostIndexes: HostnameIndex<number>;
  /** HTTPRoute candidates of every virtual host, by path (see packedPathIndex.ts). */
  paths: PackedPathIndex;
  /** Trace lines of what a route's attachment here relied on that the world assumed, by route. */
  routeAssumed?: ReadonlyMap<ResourceKey, string[]>;
}

export interface CompiledPort {
  port: number;
  /** Every listener on the port, ready or not, in declaration order (for traces). */
  listeners: CompiledListener[];
  /** Ready listeners per protocol, indexed by listener hostname. */
  byProtocol: Map<string, HostnameIndex<CompiledListener>>;
  /**
   * Ready HTTPS and TLS listeners together, indexed by hostname: on a shared port the SNI picks
   * among both kinds (an HTTPS client may reach a TLS passthrough listener).
   */
  bySni: HostnameIndex<CompiledListener>;
}

export interface CompiledGateway {
  model: GatewayModel;
  /** "namespace/name" */
  name: string;
  ports: Map<number, CompiledPort>;
}

export interface Router {
  readonly table: RouteTable;
  /** GAMMA: requests from mesh clients to Services (compileMeshRouter.ts). */
  readonly mesh: MeshRouter;
  readonly gateways: ReadonlyMap<string, CompiledGateway>;
  readonly gatewayList: readonly CompiledGateway[];
}
