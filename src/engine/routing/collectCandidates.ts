/**
 * Gathers, per listener and per effective hostname (virtual host), every (route, rule, match)
 * candidate in precedence order. Shared by compileRouteTable (plain data) and compileRouter (the
 * fast matcher), so the printed table and the simulator can never disagree on order.
 */
import type { RouteKind } from "../api/kinds";
import type { GRPCRouteMatch, HTTPRouteMatch } from "../api/spec";
import { hostnameSpecificity } from "../match/hostnameSpecificity";
import type {
  GatewayModel,
  ListenerModel,
  ResolvedBackendRef,
  ResolvedRoute,
  ResolvedRule,
  RouteAttachment,
} from "../types";
// Only the key's type: the tie-break explanations (precedence.ts) are for the simulator and the
// incremental pass, which load on demand, not for the worker's first chunk.
import type { RankKey } from "./precedence";
import { creationTime } from "../resolve/compareByAge";
import type {
  RouteTableBackend,
  RouteTableDroppedRule,
  RouteTableEntry,
  RouteTableMatch,
} from "./types";
import { appendAll } from "../collections/appendAll";
import { emptyList } from "../collections/emptyList";
import { smallShare, smallWeightTotal, weightShares } from "../simulate/weightShares";
import { intersectHostname } from "../resolve/intersectHostnames";
import { describeReading, readingValue, type Readings } from "../readings/readings";
import type { RouteTableReadingNote } from "./types";

export interface Candidate {
  readonly entry: RouteTableEntry;
  readonly route: ResolvedRoute;
  readonly rule: ResolvedRule;
  /** The match as written; undefined for a defaulted match and for L4 routes. */
  readonly match: HTTPRouteMatch | GRPCRouteMatch | undefined;
  /** Its precedence keys (plain data: compareRank explains with them, the incremental pass compares them). */
  readonly rank: RankKey;
}

/**
 * One object per candidate: the entry it describes, what it was built from, and its precedence
 * keys read on demand. Sorting reads the few keys it compares straight from the described match
 * and the route's facts (compareCandidates), so no key object is built per candidate; `rank`
 * builds one only when something asks (a trace's tie-break, the incremental pass), once.
 */
export class RankedCandidate implements Candidate {
  #rank: RankKey | undefined;
  /** orderCandidates' packed sort key (sortKeyOf), set just before it sorts; -1 until then. */
  sortKey = -1;

  constructor(
    readonly entry: RouteTableEntry,
    readonly route: ResolvedRoute,
    readonly rule: ResolvedRule,
    readonly match: HTTPRouteMatch | GRPCRouteMatch | undefined,
    readonly facts: RouteRankFacts,
  ) {}

  get rank(): RankKey {
    return (this.#rank ??= rankKeyOf(
      this.route,
      this.facts,
      this.rule,
      this.entry.match,
      this.entry.matchIndex,
    ));
  }
}

export interface VirtualHostCandidates {
  hostname: string;
  candidates: Candidate[];
  dropped: RouteTableDroppedRule[];
  /** Set when the readings would group this listener's routes differently: the one that decided. */
  readingNote?: RouteTableReadingNote;
}

export interface ListenerCandidates {
  gateway: GatewayModel;
  listener: ListenerModel;
  ready: boolean;
  virtualHosts: VirtualHostCandidates[];
}

const L4_KINDS: ReadonlySet<RouteKind> = new Set(["TLSRoute", "TCPRoute", "UDPRoute"]);
const KIND_ORDER: Record<RouteKind, number> = {
  HTTPRoute: 0,
  GRPCRoute: 1,
  TLSRoute: 2,
  TCPRoute: 3,
  UDPRoute: 4,
};

export function collectCandidates(
  gateways: readonly GatewayModel[],
  routes: readonly ResolvedRoute[],
  attachments: readonly RouteAttachment[],
  readings?: Readings,
): ListenerCandidates[] {
  const byRouteHostname = readingValue(readings, HOSTNAME_READING) === "original-hostnames";
  // The last route with a key wins (as a Map built from the list would have it).
  // Indexed loops here: this runs once per analysis over every route and attachment, mostly
  // before the engine optimizes it, and each for…of step there allocates an iterator result.
  // Each route by its position: what is worked out once per route is kept in lists by position
  // (no Map keyed by route objects).
  const routeByKey = new Map<string, number>();
  for (let i = 0; i < routes.length; i++) routeByKey.set((routes[i] as ResolvedRoute).key, i);
  // listener → route → effective hostnames (a route may attach twice through two parentRefs).
  // Distinct, in first-seen order; a route's list is short, so a scan beats a Set per route.
  const attached = new Map<string, RoutesOnListener>();
  for (let i = 0; i < attachments.length; i++) {
    const a = attachments[i] as RouteAttachment;
    // Listener names are unique only per owner (the Gateway or one of its ListenerSets).
    const lk = listenerKey(a.gateway, a.owner ?? a.gateway, a.listener);
    let on = attached.get(lk);
    if (on === undefined) attached.set(lk, (on = { at: new Map(), routes: [], hosts: [] }));
    const at = on.at.get(a.route);
    let hosts: string[];
    const named = a.hostnames.length > 0 ? a.hostnames : ANY_HOST;
    let j = 0;
    if (at === undefined) {
      on.at.set(a.route, on.routes.length);
      on.routes.push(a.route);
      // A list of the first hostname, sized for it (an empty list grown by push reserves room
      // for 17): nearly every route has one, and the list lives until the table is gathered.
      on.hosts.push((hosts = [named[j++] as string]));
    } else hosts = on.hosts[at] as string[];
    for (; j < named.length; j++) {
      const h = named[j] as string;
      if (!hosts.includes(h)) hosts.push(h);
    }
  }
  const out: ListenerCandidates[] = [];
  // A route attached to several listeners is described once: its entries share these values.
  const candidatesOf: (RankedCandidate[] | undefined)[] = new Array(routes.length);
  // One target string per distinct backend: thousands of rules name the same few Services.
  const targetName = createTargetNames();
  const sharedBackends = new SharedBackends();
  // Only routes that drop a rule have an entry: nearly every route drops none.
  const droppedOf: (RouteTableDroppedRule[] | undefined)[] = new Array(routes.length);
  for (const gateway of gateways) {
    for (const listener of gateway.listeners) {
      const on = attached.get(listenerKey(gateway.key, listener.owner, listener.name));
      const routeKeys = on?.routes ?? emptyList<string>();
      const byHost = new Map<string, GatheredHost>();
      // Intersected hostname → the routes' own hostnames behind it (HOSTNAME_READING).
      const ownByIntersection = new Map<string, Set<string>>();
      for (let r = 0; r < routeKeys.length; r++) {
        const hosts = on?.hosts[r] as string[];
        const at = routeByKey.get(routeKeys[r] as string);
        if (at === undefined) continue;
        const route = routes[at] as ResolvedRoute;
        let candidates = candidatesOf[at];
        let dropped: RouteTableDroppedRule[];
        if (candidates === undefined) {
          candidatesOf[at] = candidates = routeCandidates(route, targetName, sharedBackends);
          dropped = droppedRules(route);
          if (dropped.length > 0) droppedOf[at] = dropped;
        } else dropped = droppedOf[at] ?? emptyList();
        for (let j = 0; j < hosts.length; j++) {
          const h = hosts[j] as string;
          const own = ownHostnames(route, listener.hostname, h);
          let seen = ownByIntersection.get(h);
          if (seen === undefined) ownByIntersection.set(h, (seen = new Set()));
          for (let k = 0; k < own.length; k++) seen.add(own[k] as string);
          // Each own hostname intersects to one hostname only, so a route lands on a key once.
          if (!byRouteHostname) place(byHost, h, h, candidates, dropped);
          else
            for (let k = 0; k < own.length; k++)
              place(byHost, own[k] as string, h, candidates, dropped);
        }
      }
      const virtualHosts = [...byHost.entries()]
        .sort(
          ([a], [b]) =>
            hostnameSpecificity(b) - hostnameSpecificity(a) || (a < b ? -1 : a > b ? 1 : 0),
        )
        .map(([hostname, v]) => {
          const vhost: VirtualHostCandidates = {
            hostname,
            candidates: orderCandidates(v.candidates),
            dropped: v.dropped,
          };
          const note = hostnameReadingNote(
            byRouteHostname,
            hostname,
            v.intersections,
            ownByIntersection,
          );
          if (note !== undefined) vhost.readingNote = note;
          return vhost;
        });
      out.push({ gateway, listener, ready: listener.ready && gateway.reconciled, virtualHosts });
    }
  }
  return out;
}

const HOSTNAME_READING = "GatewayRouteHostnameIntersectionPrecedence";

/**
 * The routes attached to one listener, in first-attached order, with their effective hostnames:
 * lists walked by index (a Map's entries allocate an entry and a result per step before the
 * engine optimizes this one-shot pass, and a forEach callback made every variable it reads a
 * context slot), and each route's position for the attachments that add to it.
 */
interface RoutesOnListener {
  at: Map<string, number>;
  routes: string[];
  hosts: string[][];
}

/** The hostnames of an attachment that names none. Never mutated. */
const ANY_HOST: readonly string[] = ["*"];

/** One virtual host's candidates while they are gathered. */
interface GatheredHost {
  candidates: RankedCandidate[];
  dropped: RouteTableDroppedRule[];
  /** The intersected hostnames of the routes gathered here. */
  intersections: Set<string>;
}

/** Adds a route's candidates and dropped rules to the virtual host `key`. */
function place(
  byHost: Map<string, GatheredHost>,
  key: string,
  intersected: string,
  candidates: readonly RankedCandidate[],
  dropped: readonly RouteTableDroppedRule[],
): void {
  let v = byHost.get(key);
  if (v === undefined)
    byHost.set(key, (v = { candidates: [], dropped: [], intersections: new Set() }));
  v.intersections.add(intersected);
  appendAll(v.candidates, candidates);
  appendAll(v.dropped, dropped);
}

/**
 * The route's own hostnames that intersect the listener to `intersected` ("*" for a route that
 * lists none: it claims no hostname of its own).
 */
function ownHostnames(
  route: ResolvedRoute,
  listenerHostname: string | undefined,
  intersected: string,
): readonly string[] {
  if (route.hostnames.length === 0) return ANY_HOST;
  // Nearly every route names one hostname: its own list is the answer (read only, never kept
  // apart from the route), not a copy of it per attachment.
  if (route.hostnames.length === 1)
    return intersectHostname(listenerHostname, route.hostnames[0] as string) === intersected
      ? route.hostnames
      : [intersected];
  // Distinct, in the route's order; hostname lists are short, so a scan beats a Set per route.
  const own: string[] = [];
  for (const o of route.hostnames)
    if (intersectHostname(listenerHostname, o) === intersected && !own.includes(o)) own.push(o);
  return own.length > 0 ? own : [intersected];
}

/**
 * When routes with different own hostnames meet on one intersected hostname, the two readings of
 * HOSTNAME_READING build different virtual hosts: say which one decided this virtual host.
 */
function hostnameReadingNote(
  byRouteHostname: boolean,
  key: string,
  intersections: ReadonlySet<string>,
  ownByIntersection: ReadonlyMap<string, ReadonlySet<string>>,
): RouteTableReadingNote | undefined {
  if (!byRouteHostname) {
    const own = [...(ownByIntersection.get(key) ?? [])];
    if (own.length < 2) return undefined;
    return {
      reading: describeReading(HOSTNAME_READING, "intersected-hostname"),
      detail: `routes with different hostnames of their own (${own.sort().join(", ")}) intersect this listener to ${key}: they share this virtual host and rank by path, then age (original-hostnames would rank the more specific route hostname first)`,
    };
  }
  const shared = [...intersections].filter((h) => (ownByIntersection.get(h)?.size ?? 0) > 1);
  if (shared.length === 0) return undefined;
  return {
    reading: describeReading(HOSTNAME_READING, "original-hostnames"),
    detail: `keyed by the route hostname ${key}, not by its intersection with the listener (${shared.sort().join(", ")}), which routes with other hostnames share`,
  };
}

/**
 * The candidates of a set of routes that serve one parent together, in precedence order, with
 * the rules the controller dropped: a mesh Service port (no hostnames, no listener) uses this.
 */
export function candidatesForRoutes(routes: readonly ResolvedRoute[]): {
  candidates: Candidate[];
  dropped: RouteTableDroppedRule[];
} {
  const candidates: RankedCandidate[] = [];
  const dropped: RouteTableDroppedRule[] = [];
  for (const route of routes) {
    appendAll(candidates, routeCandidates(route));
    appendAll(dropped, droppedRules(route));
  }
  return { candidates: orderCandidates(candidates), dropped };
}

function listenerKey(gateway: string, owner: string, listener: string): string {
  return `${gateway}\u0000${owner}\u0000${listener}`;
}

/** Sorts by kind, then precedence; numbers the ranks; marks L4 routes that an older one shadows. */
function orderCandidates(list: RankedCandidate[]): RankedCandidate[] {
  // The list is the caller's own, built for this call: it is sorted in place (sort is stable, so
  // the order is the one a sorted copy has).
  for (let i = 0; i < list.length; i++) {
    const c = list[i] as RankedCandidate;
    c.sortKey = sortKeyOf(c.route.kind, c.entry.match);
  }
  const sorted = list.sort(compareCandidates);
  const servingL4 = new Map<RouteKind, Candidate>();
  return sorted.map((c, i) => {
    const ordered = placedCandidate(c, i + 1);
    if (L4_KINDS.has(c.route.kind)) {
      const first = servingL4.get(c.route.kind);
      if (first === undefined) servingL4.set(c.route.kind, c);
      else if (first.route.key !== c.route.key) ordered.entry.shadowedBy = first.route.key;
    }
    return ordered;
  });
}

/**
 * By kind, then compareRankOrder (precedence.ts) on the keys rankKeyOf would give: the same order,
 * without a key object per candidate. Kind and specificity come packed in sortKey (one number
 * compared instead of up to six fields read through the route and the match, for every one of the
 * hundreds of thousands of comparisons a large table sorts with); a candidate whose counts do not
 * fit the packing compares them one by one.
 */
function compareCandidates(a: RankedCandidate, b: RankedCandidate): number {
  const sa = a.sortKey;
  const sb = b.sortKey;
  if (sa < 0 || sb < 0) {
    const d = compareSpecificity(a, b);
    if (d !== 0) return d;
  } else if (sa !== sb) return sa - sb;
  const ta = a.facts.createdAt;
  const tb = b.facts.createdAt;
  if (ta !== tb) return ta < tb ? -1 : 1;
  const na = a.facts.nsName;
  const nb = b.facts.nsName;
  if (na !== nb) return na < nb ? -1 : 1;
  return a.rule.index - b.rule.index || a.entry.matchIndex - b.entry.matchIndex;
}

/**
 * Sizes of sortKey's slots (powers of two, written out so the key is built from small integers
 * only): path and gRPC name lengths, header and query counts, and all of a specificity below the
 * kind (gRPC's two lengths and a count, the widest).
 */
const LENGTH_SLOT = 2048;
const COUNT_SLOT = 32;
const SPECIFICITY_SLOT = LENGTH_SLOT * LENGTH_SLOT * COUNT_SLOT;

/**
 * Kind order, then the match's specificity (most specific first), packed into one small integer
 * that sorts ascending exactly as compareSpecificity does: the kind times SPECIFICITY_SLOT, plus
 * the room left above the specificity, whose fields each sit in a slot wide enough for them (so
 * their lexicographic order is numeric order). -1 when a length or count does not fit its slot.
 * At most 5 × 2^27, a small integer in every engine.
 */
function sortKeyOf(kind: RouteKind, match: RouteTableMatch): number {
  let specificity = 0;
  if (kind === "HTTPRoute") {
    const length = pathLength(match);
    const headers = match.headers.length;
    const queries = match.queryParams.length;
    if (length >= LENGTH_SLOT || headers >= COUNT_SLOT || queries >= COUNT_SLOT) return -1;
    const method = match.method !== undefined ? 1 : 0;
    specificity =
      (((pathTypeRank(match) * LENGTH_SLOT + length) * 2 + method) * COUNT_SLOT + headers) *
        COUNT_SLOT +
      queries;
  } else if (kind === "GRPCRoute") {
    const service = match.grpc?.service?.length ?? 0;
    const method = match.grpc?.method?.length ?? 0;
    const headers = match.headers.length;
    if (service >= LENGTH_SLOT || method >= LENGTH_SLOT || headers >= COUNT_SLOT) return -1;
    specificity = (service * LENGTH_SLOT + method) * COUNT_SLOT + headers;
  }
  return KIND_ORDER[kind] * SPECIFICITY_SLOT + (SPECIFICITY_SLOT - 1 - specificity);
}

/** compareCandidates' kind and specificity, field by field (for keys sortKeyOf cannot pack). */
function compareSpecificity(a: RankedCandidate, b: RankedCandidate): number {
  const ka = a.route.kind;
  const kb = b.route.kind;
  if (ka !== kb) {
    const d = KIND_ORDER[ka] - KIND_ORDER[kb];
    if (d !== 0) return d;
  }
  const ma = a.entry.match;
  const mb = b.entry.match;
  if (ka === "HTTPRoute" || kb === "HTTPRoute") {
    const d =
      pathTypeRank(mb) - pathTypeRank(ma) ||
      pathLength(mb) - pathLength(ma) ||
      Number(mb.method !== undefined) - Number(ma.method !== undefined) ||
      mb.headers.length - ma.headers.length ||
      mb.queryParams.length - ma.queryParams.length;
    if (d !== 0) return d;
  }
  if (ka === "GRPCRoute" || kb === "GRPCRoute") {
    const d =
      (mb.grpc?.service?.length ?? 0) - (ma.grpc?.service?.length ?? 0) ||
      (mb.grpc?.method?.length ?? 0) - (ma.grpc?.method?.length ?? 0) ||
      mb.headers.length - ma.headers.length;
    if (d !== 0) return d;
  }
  return 0;
}

/** RankKey.pathTypeRank of a described match: Exact 3, RegularExpression 2, PathPrefix 1. */
function pathTypeRank(match: RouteTableMatch): number {
  const path = match.path;
  return path === undefined
    ? 0
    : path.type === "Exact"
      ? 3
      : path.type === "RegularExpression"
        ? 2
        : 1;
}

/** RankKey.pathLength of a described match (a PathPrefix without its trailing "/"). */
function pathLength(match: RouteTableMatch): number {
  const path = match.path;
  return path === undefined
    ? 0
    : path.type === "PathPrefix" && path.value.endsWith("/")
      ? path.value.length - 1
      : path.value.length;
}

/**
 * The candidate at `rank` of one ordered list. A candidate is built with rank 0 (routeCandidates)
 * and most land in exactly one virtual host: the first list to place it takes the candidate and
 * its entry as they are (rank set in place, no copy); a route attached to several listeners or
 * hostnames gets a copy for every further place, without the first place's shadowedBy.
 */
function placedCandidate(c: RankedCandidate, rank: number): RankedCandidate {
  if (c.entry.rank === 0) {
    c.entry.rank = rank;
    return c;
  }
  const entry: RouteTableEntry = { ...c.entry, rank };
  if (entry.shadowedBy !== undefined) delete entry.shadowedBy;
  return new RankedCandidate(entry, c.route, c.rule, c.match, c.facts);
}

export function droppedRules(route: ResolvedRoute): RouteTableDroppedRule[] {
  // Nearly every route drops none: those share the empty list rather than build two arrays.
  if (allValid(route.rules)) return emptyList();
  return route.rules
    .filter((r) => !r.valid)
    .map((r) => {
      const d: RouteTableDroppedRule = {
        route: route.key,
        ruleIndex: r.index,
        reason: `${r.invalidReason ?? "invalid"}${r.invalidMessage !== undefined ? `: ${r.invalidMessage}` : ""}`,
      };
      if (r.name !== undefined) d.ruleName = r.name;
      return d;
    });
}

/** An indexed loop: every() took a callback per route of every analysis. */
function allValid(rules: readonly ResolvedRule[]): boolean {
  for (let i = 0; i < rules.length; i++) if (!(rules[i] as ResolvedRule).valid) return false;
  return true;
}

/** What every candidate of one route ranks by alike, worked out once per route. */
export interface RouteRankFacts {
  createdAt: number;
  nsName: string;
}

export function routeRankFacts(route: ResolvedRoute): RouteRankFacts {
  return {
    createdAt: creationTime(route.creationTimestamp),
    nsName: `${route.namespace}/${route.name}`,
  };
}

export function routeCandidates(
  route: ResolvedRoute,
  targetName: (ref: ResolvedBackendRef) => string = backendTarget,
  shared?: SharedBackends,
): RankedCandidate[] {
  const rules = route.rules;
  const l4 = L4_KINDS.has(route.kind);
  // Sized up front: an empty list grown by push reserves room for 17 candidates, and every
  // route's list is kept until the whole table is gathered.
  const out = new Array<RankedCandidate>(candidateCount(rules, l4));
  let at = 0;
  const facts = routeRankFacts(route);
  for (let r = 0; r < rules.length; r++) {
    const rule = rules[r] as ResolvedRule;
    if (!rule.valid) continue;
    // Shared by the rule's candidates (plain data, never mutated).
    const filters =
      rule.filters.length === 0
        ? emptyList<string>()
        : rule.filters.map((f) => f.filter.type ?? "(no type)");
    const backends =
      shared === undefined
        ? describeBackends(rule.backendRefs, targetName)
        : shared.describe(rule.backendRefs, targetName);
    const written = rule.matches as readonly (HTTPRouteMatch | GRPCRouteMatch)[];
    if (l4 || written.length === 0)
      out[at++] = buildCandidate(route, facts, rule, undefined, 0, filters, backends);
    else
      for (let matchIndex = 0; matchIndex < written.length; matchIndex++)
        out[at++] = buildCandidate(
          route,
          facts,
          rule,
          written[matchIndex],
          matchIndex,
          filters,
          backends,
        );
  }
  return out;
}

/** How many candidates routeCandidates gives: one per match of a valid rule, one for none (or L4). */
function candidateCount(rules: readonly ResolvedRule[], l4: boolean): number {
  let n = 0;
  for (let r = 0; r < rules.length; r++) {
    const rule = rules[r] as ResolvedRule;
    if (rule.valid) n += l4 ? 1 : Math.max(1, rule.matches.length);
  }
  return n;
}

/**
 * The match a candidate stands for, as written: undefined for L4 routes and for a rule without
 * matches (defaulted); otherwise `matches[matchIndex]`.
 */
export function writtenMatch(
  route: ResolvedRoute,
  rule: ResolvedRule,
  matchIndex: number,
): HTTPRouteMatch | GRPCRouteMatch | undefined {
  const written = rule.matches as readonly (HTTPRouteMatch | GRPCRouteMatch)[];
  return L4_KINDS.has(route.kind) || written.length === 0 ? undefined : written[matchIndex];
}

function buildCandidate(
  route: ResolvedRoute,
  facts: RouteRankFacts,
  rule: ResolvedRule,
  match: HTTPRouteMatch | GRPCRouteMatch | undefined,
  matchIndex: number,
  filters: string[],
  backends: RouteTableBackend[],
): RankedCandidate {
  const tableMatch = describeMatch(route.kind, match);
  const entry: RouteTableEntry = {
    rank: 0,
    routeKind: route.kind,
    route: route.key,
    namespace: route.namespace,
    name: route.name,
    ruleIndex: rule.index,
    matchIndex,
    match: tableMatch,
    filters,
    backends,
  };
  if (route.creationTimestamp !== undefined) entry.creationTimestamp = route.creationTimestamp;
  if (rule.name !== undefined) entry.ruleName = rule.name;
  return new RankedCandidate(entry, route, rule, match, facts);
}

/** The precedence keys of one candidate, read from its described match. */
export function rankKeyOf(
  route: ResolvedRoute,
  facts: RouteRankFacts,
  rule: ResolvedRule,
  tableMatch: RouteTableMatch,
  matchIndex: number,
): RankKey {
  return {
    kind: route.kind,
    pathTypeRank: pathTypeRank(tableMatch),
    pathLength: pathLength(tableMatch),
    hasMethod: tableMatch.method !== undefined,
    headerCount: tableMatch.headers.length,
    queryCount: tableMatch.queryParams.length,
    grpcServiceChars: tableMatch.grpc?.service?.length ?? 0,
    grpcMethodChars: tableMatch.grpc?.method?.length ?? 0,
    creationTimestamp: route.creationTimestamp,
    createdAt: facts.createdAt,
    nsName: facts.nsName,
    ruleIndex: rule.index,
    matchIndex,
  };
}

function describeMatch(
  kind: RouteKind,
  match: HTTPRouteMatch | GRPCRouteMatch | undefined,
): RouteTableMatch {
  // Most matches have no header or query conditions: those share one frozen empty list.
  const headers = describeConditions(dedupe(match?.headers ?? emptyList(), true));
  if (kind === "GRPCRoute") {
    const m = (match as GRPCRouteMatch | undefined)?.method;
    const grpc: RouteTableMatch["grpc"] = { type: m?.type ?? "Exact" };
    if (m?.service !== undefined) grpc.service = m.service;
    if (m?.method !== undefined) grpc.method = m.method;
    return { headers, queryParams: emptyList(), grpc, defaulted: match === undefined };
  }
  if (kind !== "HTTPRoute")
    return { headers: emptyList(), queryParams: emptyList(), defaulted: true };
  const http = match as HTTPRouteMatch | undefined;
  const out: RouteTableMatch = {
    path: describePath(http?.path),
    headers,
    queryParams: describeConditions(dedupe(http?.queryParams ?? emptyList(), false)),
    defaulted: match === undefined,
  };
  if (http?.method !== undefined) out.method = http.method;
  return out;
}

/** The default path of a match that names none, shared (plain data, never mutated). */
const DEFAULT_PATH: RouteTableMatch["path"] = Object.freeze({ type: "PathPrefix", value: "/" });

/**
 * A match's path with the defaults applied. A path written as exactly `type` then `value` is
 * that description already: the entry shares the written object (plain data that nothing
 * mutates) rather than hold one more copy per match as long as the analysis.
 */
function describePath(path: HTTPRouteMatch["path"]): NonNullable<RouteTableMatch["path"]> {
  if (path === undefined) return DEFAULT_PATH as NonNullable<RouteTableMatch["path"]>;
  if (typeof path.type === "string" && typeof path.value === "string" && isTypeThenValue(path))
    return path as NonNullable<RouteTableMatch["path"]>;
  return { type: path.type ?? "PathPrefix", value: path.value ?? "/" };
}

/** True when the object's own enumerable keys are exactly "type", then "value". */
function isTypeThenValue(o: object): boolean {
  let at = 0;
  for (const k in o) {
    if (!Object.hasOwn(o, k)) return false;
    if (at === 0 ? k !== "type" : at !== 1 || k !== "value") return false;
    at++;
  }
  return at === 2;
}

function describeConditions(
  list: readonly { type?: string; name?: string; value?: string }[],
): RouteTableMatch["headers"] {
  if (list.length === 0) return emptyList();
  return list.map((c) => ({ type: c.type ?? "Exact", name: c.name ?? "", value: c.value ?? "" }));
}

/** First entry wins when names repeat (case-insensitively for headers), as the matcher does. */
function dedupe<T extends { name?: string }>(
  list: readonly T[],
  caseInsensitive: boolean,
): readonly T[] {
  // A list of one has nothing to drop (most header matches): no Set and no copy for it.
  if (list.length < 2) return list;
  const seen = new Set<string>();
  return list.filter((m) => {
    const key = caseInsensitive ? (m.name ?? "").toLowerCase() : (m.name ?? "");
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function backendTarget(ref: ResolvedBackendRef): string {
  return `${ref.namespace}/${ref.name}${ref.port === undefined ? "" : `:${ref.port}`}`;
}

/**
 * backendTarget, remembered per namespace, name and port: equal targets are one string, so a
 * table of thousands of rules holds each distinct target once.
 */
export function createTargetNames(): (ref: ResolvedBackendRef) => string {
  const byNamespace = new Map<string, Map<string, Map<number | undefined, string>>>();
  return (ref) => {
    let byName = byNamespace.get(ref.namespace);
    if (byName === undefined) byNamespace.set(ref.namespace, (byName = new Map()));
    let byPort = byName.get(ref.name);
    if (byPort === undefined) byName.set(ref.name, (byPort = new Map()));
    let target = byPort.get(ref.port);
    if (target === undefined) byPort.set(ref.port, (target = backendTarget(ref)));
    return target;
  };
}

function describeBackends(
  refs: readonly ResolvedBackendRef[],
  targetName: (ref: ResolvedBackendRef) => string,
): RouteTableBackend[] {
  const shares = weightShares(refs.map((r) => r.weight));
  return refs.map((r, i) => describeBackend(r, shares[i] ?? 0, targetName));
}

function describeBackend(
  r: ResolvedBackendRef,
  share: number,
  targetName: (ref: ResolvedBackendRef) => string,
): RouteTableBackend {
  const b: RouteTableBackend = {
    target: r.valid ? targetName(r) : "none",
    kind: r.kind,
    namespace: r.namespace,
    name: r.name,
    weight: r.weight,
    share,
    valid: r.valid,
  };
  if (r.port !== undefined) b.port = r.port;
  if (!r.valid) b.reason = r.reason ?? "invalid backendRef";
  return b;
}

/** A node of SharedBackends' list trie: the lists that continue with one more backend. */
interface ListNode {
  next: Map<RouteTableBackend, ListNode>;
  list?: RouteTableBackend[];
}

/**
 * The table's backend descriptions, equal ones shared: thousands of rules forward to the same few
 * Services with the same weights, and each rule held its own copies. A valid reference to a
 * Service is described once per namespace, name, port, weight and share (which is all its
 * description says), and a rule whose backends all are shared gets the one list of them. Invalid
 * references are described per rule. Plain data, never mutated after construction.
 */
export class SharedBackends {
  private readonly byNamespace = new Map<
    string,
    Map<string, Map<number | undefined, Map<number, Map<number, RouteTableBackend>>>>
  >();
  private readonly lists: ListNode = { next: new Map() };
  private readonly scratch: RouteTableBackend[] = [];

  describe(
    refs: readonly ResolvedBackendRef[],
    targetName: (ref: ResolvedBackendRef) => string,
  ): RouteTableBackend[] {
    // Nearly every rule's weights add up to a small total: its shares need no array of their own.
    const total = smallWeightTotal(refs);
    const shares = total < 0 ? weightShares(refs.map((r) => r.weight)) : undefined;
    let node: ListNode | undefined = this.lists;
    // Most rules end on a list already built: the backends go to a scratch list, copied only for
    // a list not seen before. The scratch list is written over, never emptied: emptying it
    // (length = 0) dropped its storage, and the next push allocated room for 17 again, per rule.
    const out = this.scratch;
    for (let i = 0; i < refs.length; i++) {
      const r = refs[i] as ResolvedBackendRef;
      const share = shares === undefined ? smallShare(r.weight, total) : (shares[i] ?? 0);
      const sharable = r.valid && r.kind === "Service";
      const b = sharable
        ? this.backend(r, share, targetName)
        : describeBackend(r, share, targetName);
      out[i] = b;
      // A list with a backend described for this rule alone is this rule's own.
      node = node !== undefined && sharable ? this.step(node, b) : undefined;
    }
    if (node?.list !== undefined) return node.list;
    const list = out.slice(0, refs.length);
    if (node !== undefined) node.list = list;
    return list;
  }

  private step(node: ListNode, b: RouteTableBackend): ListNode {
    let next = node.next.get(b);
    if (next === undefined) node.next.set(b, (next = { next: new Map() }));
    return next;
  }

  private byShare(r: ResolvedBackendRef): Map<number, RouteTableBackend> {
    let byName = this.byNamespace.get(r.namespace);
    if (byName === undefined) this.byNamespace.set(r.namespace, (byName = new Map()));
    let byPort = byName.get(r.name);
    if (byPort === undefined) byName.set(r.name, (byPort = new Map()));
    let byWeight = byPort.get(r.port);
    if (byWeight === undefined) byPort.set(r.port, (byWeight = new Map()));
    let shares = byWeight.get(r.weight);
    if (shares === undefined) byWeight.set(r.weight, (shares = new Map()));
    return shares;
  }

  private backend(
    r: ResolvedBackendRef,
    share: number,
    targetName: (ref: ResolvedBackendRef) => string,
  ): RouteTableBackend {
    const shares = this.byShare(r);
    let b = shares.get(share);
    if (b === undefined) shares.set(share, (b = describeBackend(r, share, targetName)));
    return b;
  }
}
