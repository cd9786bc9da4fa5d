/**
 * Builds the Router (see router.ts) once per configuration change. Everything expensive happens
 * here: regex compilation, path and hostname hash indexes, precedence sorting. The per-request
 * path (simulate/routeRequest.ts) then does a few map probes and walks short lists.
 */
import { compileGrpcMethodMatch, type CompiledGrpcMethodMatch } from "../match/grpc";
import { compileHeaderMatches } from "../match/headers";
import { HostnameIndex } from "../match/hostname";
import { compilePathMatch, type CompiledPathMatch } from "../match/path";
import { compileQueryMatches } from "../match/query";
import type { CompiledValueMatch } from "../match/valueMatch";
import type { ResourceKey } from "../api/keys";
import type { GRPCRouteMatch, HTTPRouteMatch } from "../api/spec";
import type {
  GatewayModel,
  ResolvedBackendRef,
  ResolvedFilter,
  ResolvedRoute,
  ResolvedRule,
  RouteAttachment,
} from "../types";
import {
  backendTarget,
  collectCandidates,
  rankKeyOf,
  routeRankFacts,
  type Candidate,
  type VirtualHostCandidates,
} from "./collectCandidates";
import { packPathIndex } from "./packedPathIndex";
import { emptyList } from "../collections/emptyList";
import { readingValue, type Readings } from "../readings/readings";
import type { RankKey } from "./precedence";
import type {
  CompiledCandidate,
  CompiledGateway,
  CompiledListener,
  CompiledPort,
  CompiledVirtualHost,
  FastRule,
  Router,
} from "./router";
import { describeListener } from "./compileRouteTable";
import { compileMeshRouter } from "./compileMeshRouter";
import type { MeshModel } from "../mesh/meshTypes";
import type { RouteTable, RouteTableListener } from "./types";
import { candidatesFromTable } from "./candidatesFromTable";

/** What the Router is built from: an Analysis satisfies it. */
export interface RouterInput {
  gateways: readonly GatewayModel[];
  routes: readonly ResolvedRoute[];
  attachments: readonly RouteAttachment[];
  /** Non-default readings the analysis followed (Analysis.readings). */
  readings?: Readings | undefined;
  /** Services and their route bindings; without it no route binds a Service (mesh requests get default routing). */
  mesh?: MeshModel;
  /**
   * The route table analysed from these same inputs (Analysis.routeTable). When given, its
   * candidate order and entries are reused rather than collected and sorted again.
   */
  routeTable?: RouteTable;
}

export function compileRouter(input: RouterInput): Router {
  const gateways = new Map<string, CompiledGateway>();
  const gatewayList: CompiledGateway[] = [];
  const tableListeners: RouteTableListener[] = [];
  const fastRules = new Map<ResolvedRule, FastRule>();
  const fromTable =
    input.routeTable === undefined
      ? undefined
      : candidatesFromTable(input.gateways, input.routes, input.routeTable);
  const listeners =
    fromTable ?? collectCandidates(input.gateways, input.routes, input.attachments, input.readings);
  const assumedByListener = attachmentAssumptions(input.attachments);
  const partialRegex = readingValue(input.readings, "regexMatch") === "partial";
  for (const [position, lc] of listeners.entries()) {
    const name = `${lc.gateway.namespace}/${lc.gateway.name}`;
    let gw = gateways.get(name);
    if (gw === undefined) {
      gw = { model: lc.gateway, name, ports: new Map() };
      gateways.set(name, gw);
      gatewayList.push(gw);
    }
    // The analysis's own table listener when the candidates came from it: the same entries.
    const table =
      fromTable === undefined
        ? describeListener(lc)
        : (input.routeTable?.listeners[position] ?? describeListener(lc));
    tableListeners.push(table);
    const virtualHosts = new HostnameIndex<CompiledVirtualHost>();
    const virtualHostList = lc.virtualHosts.map((v) =>
      compileVirtualHost(v, fastRules, partialRegex),
    );
    const hostIndexes = new HostnameIndex<number>();
    virtualHostList.forEach((v, i) => {
      virtualHosts.add(v.hostname, v);
      hostIndexes.add(v.hostname, i);
    });
    const paths = packPathIndex(virtualHostList.map((v) => v.all));
    const listener: CompiledListener = {
      gateway: lc.gateway,
      model: lc.listener,
      ready: lc.ready,
      table,
      virtualHosts,
      virtualHostList,
      hostIndexes,
      paths,
    };
    const routeAssumed = assumedByListener.get(
      `${lc.listener.gateway}|${lc.listener.owner}|${lc.listener.name}`,
    );
    if (routeAssumed !== undefined) listener.routeAssumed = routeAssumed;
    let port = gw.ports.get(lc.listener.port);
    if (port === undefined)
      gw.ports.set(
        lc.listener.port,
        (port = {
          port: lc.listener.port,
          listeners: [],
          byProtocol: new Map(),
          bySni: new HostnameIndex(),
        }),
      );
    addListener(port, listener);
  }
  return {
    table: { listeners: tableListeners },
    gateways,
    gatewayList,
    mesh: compileMeshRouter(input.mesh, input.routes, partialRegex),
  };
}

/** Assumed trace lines of the attachments that have any, by listener and then by route. */
function attachmentAssumptions(
  attachments: readonly RouteAttachment[],
): Map<string, Map<ResourceKey, string[]>> {
  const out = new Map<string, Map<ResourceKey, string[]>>();
  for (const a of attachments) {
    if (a.assumed === undefined) continue;
    const key = `${a.gateway}|${a.owner ?? a.gateway}|${a.listener}`;
    let byRoute = out.get(key);
    if (byRoute === undefined) out.set(key, (byRoute = new Map()));
    const lines = byRoute.get(a.route) ?? [];
    for (const line of a.assumed) if (!lines.includes(line)) lines.push(line);
    byRoute.set(a.route, lines);
  }
  return out;
}

function addListener(port: CompiledPort, listener: CompiledListener): void {
  port.listeners.push(listener);
  if (!listener.ready) return;
  let index = port.byProtocol.get(listener.model.protocol);
  if (index === undefined)
    port.byProtocol.set(listener.model.protocol, (index = new HostnameIndex()));
  index.add(listener.model.hostname, listener);
  if (listener.model.protocol === "HTTPS" || listener.model.protocol === "TLS")
    port.bySni.add(listener.model.hostname, listener);
}

/** `partialRegex`: the reading regexMatch=partial (every RegularExpression match searches its value). */
export function compileVirtualHost(
  { hostname, candidates, dropped: droppedRules, readingNote }: VirtualHostCandidates,
  fastRules: Map<ResolvedRule, FastRule>,
  partialRegex: boolean,
): CompiledVirtualHost {
  const all = candidates.map((c, index) => {
    let fast = fastRules.get(c.rule);
    if (fast === undefined) fastRules.set(c.rule, (fast = compileFastRule(c)));
    return compileCandidate(c, index, fast, partialRegex);
  });
  const grpc = all.filter((c) => c.route.kind === "GRPCRoute");
  const l4 = all.filter((c) => c.route.kind !== "HTTPRoute" && c.route.kind !== "GRPCRoute");
  const vhost: CompiledVirtualHost = { hostname, all, grpc, l4, droppedRules };
  if (readingNote !== undefined) vhost.readingNote = readingNote;
  return vhost;
}

const PASSIVE_FILTERS: ReadonlySet<string | undefined> = new Set([
  "RequestHeaderModifier",
  "ResponseHeaderModifier",
  "URLRewrite",
  "RequestMirror",
]);

function mayAnswer(filters: readonly ResolvedFilter[]): boolean {
  return filters.some((f) => !PASSIVE_FILTERS.has(f.filter.type));
}

function compileFastRule(c: Candidate): FastRule {
  const refs = c.rule.backendRefs;
  return {
    routeKey: c.route.key,
    ruleIndex: c.rule.index,
    mayAnswer: mayAnswer(c.rule.filters),
    // Weights below 1 never carry traffic (0, or values the API server would refuse).
    weights: refs.map((r) => (r.weight >= 1 ? r.weight : 0)),
    totalWeight: refs.reduce((sum, r) => sum + (r.weight >= 1 ? r.weight : 0), 0),
    // The table entry already names each valid backend (describeBackends, same refs in order):
    // share its strings rather than building them again.
    targets: refs.map((r, i) =>
      r.valid ? (c.entry.backends[i]?.target ?? backendTarget(r)) : undefined,
    ),
    backendMayAnswer: backendsMayAnswer(refs),
  };
}

/**
 * All-false backendMayAnswer lists by length, shared by every rule whose backendRefs have no
 * filter that could answer (nearly all of them). Only read by index, never written.
 */
const NONE_MAY_ANSWER: boolean[][] = [];
const SHARED_LENGTHS = 64;

function backendsMayAnswer(refs: readonly ResolvedBackendRef[]): boolean[] {
  if (refs.some((r) => mayAnswer(r.filters)) || refs.length > SHARED_LENGTHS)
    return refs.map((r) => mayAnswer(r.filters));
  let shared = NONE_MAY_ANSWER[refs.length];
  if (shared === undefined)
    NONE_MAY_ANSWER[refs.length] = shared = Object.freeze(refs.map(() => false)) as boolean[];
  return shared;
}

/** The index every weighted draw lands on when exactly one weight is positive, else -1. */
function onlyBackendOf(weights: readonly number[]): number {
  let only = -1;
  for (let i = 0; i < weights.length; i++) {
    if (!((weights[i] ?? 0) >= 1)) continue;
    if (only >= 0) return -1;
    only = i;
  }
  return only;
}

/** Conditions of a match that writes none: one shared frozen list (most matches have none). */
const NO_VALUES: CompiledValueMatch[] = emptyList();

class FastCandidate implements CompiledCandidate {
  readonly pathOk: boolean;
  readonly pathExact: boolean;
  readonly pathOnly: boolean;
  readonly pathValue: string;
  readonly pathPrefix: string;
  readonly routeKey: ResourceKey;
  readonly ruleIndex: number;
  readonly matchIndex: number;
  readonly mayAnswer: boolean;
  readonly onlyBackend: number;

  constructor(
    c: Candidate,
    readonly index: number,
    readonly fast: FastRule,
    readonly path: CompiledPathMatch | undefined,
    readonly method: string | undefined,
    readonly headers: CompiledValueMatch[],
    readonly query: CompiledValueMatch[],
    readonly grpc: CompiledGrpcMethodMatch | undefined,
    readonly entry = c.entry,
    readonly route = c.route,
    readonly rule = c.rule,
    readonly match = c.match,
  ) {
    this.pathOk = path !== undefined && path.error === undefined;
    this.pathExact = path?.type === "Exact";
    this.pathOnly =
      this.pathOk && method === undefined && headers.length === 0 && query.length === 0;
    this.pathValue = path?.value ?? "";
    this.pathPrefix = path?.prefix ?? "";
    this.routeKey = fast.routeKey;
    this.ruleIndex = fast.ruleIndex;
    this.matchIndex = c.entry.matchIndex;
    this.mayAnswer = fast.mayAnswer;
    this.onlyBackend = onlyBackendOf(fast.weights);
  }

  #rank: RankKey | undefined;

  /**
   * The precedence keys, worked out when first asked (a trace explaining why the winner won):
   * routing itself only needs the kind (route.kind) and the candidate's position, and a router
   * over 10,000 routes would otherwise hold some 60,000 key objects nobody reads.
   */
  get rank(): RankKey {
    return (this.#rank ??= rankKeyOf(
      this.route,
      routeRankFacts(this.route),
      this.rule,
      this.entry.match,
      this.entry.matchIndex,
    ));
  }
}

function compileCandidate(
  c: Candidate,
  index: number,
  fast: FastRule,
  partialRegex: boolean,
): CompiledCandidate {
  if (c.route.kind === "HTTPRoute") {
    const m = c.match as HTTPRouteMatch | undefined;
    return new FastCandidate(
      c,
      index,
      fast,
      compilePathMatch(m?.path, partialRegex),
      m?.method,
      m?.headers?.length ? compileHeaderMatches(m.headers, partialRegex) : NO_VALUES,
      m?.queryParams?.length ? compileQueryMatches(m.queryParams, partialRegex) : NO_VALUES,
      undefined,
    );
  }
  if (c.route.kind === "GRPCRoute") {
    const m = c.match as GRPCRouteMatch | undefined;
    const grpc =
      m?.method === undefined ? undefined : compileGrpcMethodMatch(m.method, partialRegex);
    return new FastCandidate(
      c,
      index,
      fast,
      undefined,
      undefined,
      m?.headers?.length ? compileHeaderMatches(m.headers, partialRegex) : NO_VALUES,
      NO_VALUES,
      grpc,
    );
  }
  return new FastCandidate(c, index, fast, undefined, undefined, NO_VALUES, NO_VALUES, undefined);
}
