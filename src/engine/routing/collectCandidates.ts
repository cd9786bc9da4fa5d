/**
 * Gathers, per listener and per effective hostname (virtual host), every (route, rule, match)
 * candidate in precedence order. Shared by compileRouteTable (plain data) and compileRouter (the
 * fast matcher), so the printed table and the simulator can never disagree on order.
 */
import type { RouteKind } from '../api/kinds';
import type { GRPCRouteMatch, HTTPRouteMatch } from '../api/spec';
import { hostnameSpecificity } from '../match/hostname';
import type { GatewayModel, ListenerModel, ResolvedBackendRef, ResolvedRoute, ResolvedRule, RouteAttachment } from '../types';
import { compareRankOrder, timeValue, type RankKey } from './precedence';
import type { RouteTableBackend, RouteTableDroppedRule, RouteTableEntry, RouteTableMatch } from './types';
import { appendAll } from '../collections/appendAll';
import { weightShares } from '../simulate/weights';

export interface Candidate {
  entry: RouteTableEntry;
  route: ResolvedRoute;
  rule: ResolvedRule;
  /** The match as written; undefined for a defaulted match and for L4 routes. */
  match: HTTPRouteMatch | GRPCRouteMatch | undefined;
  rank: RankKey;
}

export interface VirtualHostCandidates {
  hostname: string;
  candidates: Candidate[];
  dropped: RouteTableDroppedRule[];
}

export interface ListenerCandidates {
  gateway: GatewayModel;
  listener: ListenerModel;
  ready: boolean;
  virtualHosts: VirtualHostCandidates[];
}

const L4_KINDS: ReadonlySet<RouteKind> = new Set(['TLSRoute', 'TCPRoute', 'UDPRoute']);
const KIND_ORDER: Record<RouteKind, number> = { HTTPRoute: 0, GRPCRoute: 1, TLSRoute: 2, TCPRoute: 3, UDPRoute: 4 };

export function collectCandidates(
  gateways: readonly GatewayModel[],
  routes: readonly ResolvedRoute[],
  attachments: readonly RouteAttachment[],
): ListenerCandidates[] {
  const routeByKey = new Map(routes.map((r) => [r.key, r]));
  // listener → route → effective hostnames (a route may attach twice through two parentRefs).
  const attached = new Map<string, Map<string, Set<string>>>();
  for (const a of attachments) {
    // Listener names are unique only per owner (the Gateway or one of its ListenerSets).
    const lk = listenerKey(a.gateway, a.owner ?? a.gateway, a.listener);
    let perRoute = attached.get(lk);
    if (perRoute === undefined) attached.set(lk, (perRoute = new Map()));
    let hosts = perRoute.get(a.route);
    if (hosts === undefined) perRoute.set(a.route, (hosts = new Set()));
    for (const h of a.hostnames.length > 0 ? a.hostnames : ['*']) hosts.add(h);
  }
  const out: ListenerCandidates[] = [];
  // A route attached to several listeners is described once: its entries share these values.
  const candidatesOf = new Map<ResolvedRoute, Candidate[]>();
  const droppedOf = new Map<ResolvedRoute, RouteTableDroppedRule[]>();
  for (const gateway of gateways) {
    for (const listener of gateway.listeners) {
      const perRoute = attached.get(listenerKey(gateway.key, listener.owner, listener.name)) ?? new Map<string, Set<string>>();
      const byHost = new Map<string, { candidates: Candidate[]; dropped: RouteTableDroppedRule[] }>();
      for (const [routeKey, hosts] of perRoute) {
        const route = routeByKey.get(routeKey as ResolvedRoute['key']);
        if (route === undefined) continue;
        let candidates = candidatesOf.get(route);
        if (candidates === undefined) candidatesOf.set(route, (candidates = routeCandidates(route)));
        let dropped = droppedOf.get(route);
        if (dropped === undefined) droppedOf.set(route, (dropped = droppedRules(route)));
        for (const h of hosts) {
          let v = byHost.get(h);
          if (v === undefined) byHost.set(h, (v = { candidates: [], dropped: [] }));
          appendAll(v.candidates, candidates);
          appendAll(v.dropped, dropped);
        }
      }
      const virtualHosts = [...byHost.entries()]
        .sort(([a], [b]) => hostnameSpecificity(b) - hostnameSpecificity(a) || (a < b ? -1 : a > b ? 1 : 0))
        .map(([hostname, v]) => ({ hostname, candidates: orderCandidates(v.candidates), dropped: v.dropped }));
      out.push({ gateway, listener, ready: listener.ready && gateway.reconciled, virtualHosts });
    }
  }
  return out;
}

/**
 * The candidates of a set of routes that serve one parent together, in precedence order, with
 * the rules the controller dropped: a mesh Service port (no hostnames, no listener) uses this.
 */
export function candidatesForRoutes(routes: readonly ResolvedRoute[]): { candidates: Candidate[]; dropped: RouteTableDroppedRule[] } {
  const candidates: Candidate[] = [];
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
function orderCandidates(list: Candidate[]): Candidate[] {
  const sorted = [...list].sort((a, b) => KIND_ORDER[a.rank.kind] - KIND_ORDER[b.rank.kind] || compareRankOrder(a.rank, b.rank));
  const servingL4 = new Map<RouteKind, Candidate>();
  return sorted.map((c, i) => {
    const entry: RouteTableEntry = { ...c.entry, rank: i + 1 };
    if (L4_KINDS.has(c.rank.kind)) {
      const first = servingL4.get(c.rank.kind);
      if (first === undefined) servingL4.set(c.rank.kind, c);
      else if (first.route.key !== c.route.key) entry.shadowedBy = first.route.key;
    }
    return { ...c, entry };
  });
}

function droppedRules(route: ResolvedRoute): RouteTableDroppedRule[] {
  return route.rules
    .filter((r) => !r.valid)
    .map((r) => {
      const d: RouteTableDroppedRule = { route: route.key, ruleIndex: r.index, reason: `${r.invalidReason ?? 'invalid'}${r.invalidMessage !== undefined ? `: ${r.invalidMessage}` : ''}` };
      if (r.name !== undefined) d.ruleName = r.name;
      return d;
    });
}

function routeCandidates(route: ResolvedRoute): Candidate[] {
  const out: Candidate[] = [];
  for (const rule of route.rules) {
    if (!rule.valid) continue;
    // Shared by the rule's candidates (plain data, never mutated).
    const filters = rule.filters.map((f) => f.filter.type ?? '(no type)');
    const backends = describeBackends(rule.backendRefs);
    const written = rule.matches as readonly (HTTPRouteMatch | GRPCRouteMatch)[];
    const matches: (HTTPRouteMatch | GRPCRouteMatch | undefined)[] = L4_KINDS.has(route.kind) || written.length === 0 ? [undefined] : [...written];
    matches.forEach((match, matchIndex) => out.push(buildCandidate(route, rule, match, matchIndex, filters, backends)));
  }
  return out;
}

function buildCandidate(
  route: ResolvedRoute,
  rule: ResolvedRule,
  match: HTTPRouteMatch | GRPCRouteMatch | undefined,
  matchIndex: number,
  filters: string[],
  backends: RouteTableBackend[],
): Candidate {
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
  const path = tableMatch.path;
  const rank: RankKey = {
    kind: route.kind,
    pathTypeRank: path === undefined ? 0 : path.type === 'Exact' ? 3 : path.type === 'RegularExpression' ? 2 : 1,
    pathLength: path === undefined ? 0 : path.type === 'PathPrefix' && path.value.endsWith('/') ? path.value.length - 1 : path.value.length,
    hasMethod: tableMatch.method !== undefined,
    headerCount: tableMatch.headers.length,
    queryCount: tableMatch.queryParams.length,
    grpcServiceChars: tableMatch.grpc?.service?.length ?? 0,
    grpcMethodChars: tableMatch.grpc?.method?.length ?? 0,
    creationTimestamp: route.creationTimestamp,
    createdAt: timeValue(route.creationTimestamp),
    nsName: `${route.namespace}/${route.name}`,
    ruleIndex: rule.index,
    matchIndex,
  };
  return { entry, route, rule, match, rank };
}

function describeMatch(kind: RouteKind, match: HTTPRouteMatch | GRPCRouteMatch | undefined): RouteTableMatch {
  const headers = dedupe(match?.headers ?? [], true).map((h) => ({ type: h.type ?? 'Exact', name: h.name ?? '', value: h.value ?? '' }));
  if (kind === 'GRPCRoute') {
    const m = (match as GRPCRouteMatch | undefined)?.method;
    const grpc: RouteTableMatch['grpc'] = { type: m?.type ?? 'Exact' };
    if (m?.service !== undefined) grpc.service = m.service;
    if (m?.method !== undefined) grpc.method = m.method;
    return { headers, queryParams: [], grpc, defaulted: match === undefined };
  }
  if (kind !== 'HTTPRoute') return { headers: [], queryParams: [], defaulted: true };
  const http = match as HTTPRouteMatch | undefined;
  const out: RouteTableMatch = {
    path: { type: http?.path?.type ?? 'PathPrefix', value: http?.path?.value ?? '/' },
    headers,
    queryParams: dedupe(http?.queryParams ?? [], false).map((q) => ({ type: q.type ?? 'Exact', name: q.name ?? '', value: q.value ?? '' })),
    defaulted: match === undefined,
  };
  if (http?.method !== undefined) out.method = http.method;
  return out;
}

/** First entry wins when names repeat (case-insensitively for headers), as the matcher does. */
function dedupe<T extends { name?: string }>(list: readonly T[], caseInsensitive: boolean): T[] {
  const seen = new Set<string>();
  return list.filter((m) => {
    const key = caseInsensitive ? (m.name ?? '').toLowerCase() : (m.name ?? '');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function backendTarget(ref: ResolvedBackendRef): string {
  return `${ref.namespace}/${ref.name}${ref.port === undefined ? '' : `:${ref.port}`}`;
}

function describeBackends(refs: readonly ResolvedBackendRef[]): RouteTableBackend[] {
  const shares = weightShares(refs.map((r) => r.weight));
  return refs.map((r, i) => {
    const b: RouteTableBackend = {
      target: r.valid ? backendTarget(r) : 'none',
      kind: r.kind,
      namespace: r.namespace,
      name: r.name,
      weight: r.weight,
      share: shares[i] ?? 0,
      valid: r.valid,
    };
    if (r.port !== undefined) b.port = r.port;
    if (!r.valid) b.reason = r.reason ?? 'invalid backendRef';
    return b;
  });
}
