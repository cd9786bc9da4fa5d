/**
 * A route's hostnames edited (a host renamed, added or removed): the route attaches to the same
 * listeners as before, with other effective hostnames, so its entries leave the virtual hosts it no
 * longer serves and join the ones it now serves; no other route's entries move but in rank number.
 *
 * What the proof reads, and why it is enough:
 * - attachment: the route's parentRefs are attached again on their own against the listeners the
 *   status stage settled (attachRouteParent reads the route, the index and those listeners, never
 *   another route), once with revision n's route, which must give revision n's settled verdicts
 *   (so no cross-route rule, the HTTPRoute/GRPCRoute clash or the mesh kind clash, touched them),
 *   and once with the edited route. Each parentRef must admit the same listeners with the same
 *   verdict: then every listener's attachedRoutes count, and so every Gateway's status, stands.
 * - the clash between HTTPRoutes and GRPCRoutes reads hostnames across routes: the caller proves
 *   no route of the other kind is in the input.
 * - virtual hosts: on a listener without a hostname of its own, a route's effective hostname is
 *   its own, so no reading note (collectCandidates' hostnameReadingNote) can arise and both
 *   readings of GatewayRouteHostnameIntersectionPrecedence key hosts alike. On a listener with
 *   one, the same holds when the route's hostnames are each their own intersection with it and
 *   none is the listener's (keyedByOwnHostnames): a route typed under a wildcard listener. The route's entries are
 *   placed by precedence among each host's others (rerankRoute.ts); a host the route leaves keeps
 *   its other entries in order; a host it alone serves now is made, in lookup order. A host it
 *   leaves empty goes, unless another route attaches with that hostname and has no entry (no
 *   valid rule): it then stays with that route's dropped rules, which is not worked out here.
 */
import type { Analysis } from "../analysisTypes";
import { hostnameSpecificity } from "../match/hostname";
import { intersectHostname } from "../resolve/intersectHostnames";
import type { Candidate } from "../routing/collectCandidates";
import { compareRankOrder, type RankKey } from "../routing/precedence";
import type {
  RouteTable,
  RouteTableEntry,
  RouteTableListener,
  RouteTableVirtualHost,
} from "../routing/types";
import { attachRouteParent, routeAttachment } from "../status/attachRouteParent";
import type { GatewayListeners } from "../status/buildGatewayListeners";
import type { StatusContext } from "../status/statusContext";
import { asRecords } from "../resolve/read";
import type { Manifest, ResolvedRoute, ResourceKey, RouteAttachment } from "../types";
import { rerankedEntries } from "./rerankRoute";

type Explain = Analysis["explain"][number];

/** One route's attachment worked out on its own: its verdicts and attachments, in status order. */
export interface RouteAttachmentOnItsOwn {
  explain: Explain[];
  attachments: RouteAttachment[];
  /** Set when a parentRef is a mesh Service (its bindings are not handled here). */
  mesh: boolean;
}

/**
 * The route's parentRefs attached as computeRouteStatuses attaches them, before any cross-route
 * rule: `listeners` are the reconciled Gateways' settled listeners.
 */
export function attachOnItsOwn(
  ctx: StatusContext,
  m: Manifest,
  route: ResolvedRoute,
  listeners: ReadonlyMap<string, GatewayListeners>,
): RouteAttachmentOnItsOwn {
  const explain: Explain[] = [];
  const attachments: RouteAttachment[] = [];
  let mesh = false;
  asRecords(m.spec["parentRefs"]).forEach((_, i) => {
    const o = attachRouteParent(ctx, m, route, i, listeners);
    if (o.mesh !== undefined) mesh = true;
    explain.push(o.explain);
    if (o.explain.noStatusReason !== undefined) return;
    for (const a of o.admitted)
      attachments.push(routeAttachment(m.key, o.explain.parentRefIndex, a));
  });
  return { explain, attachments, mesh };
}

/** The reconciled Gateways' listeners, as computeStatus hands them to the route stage. */
export function reconciledListeners(
  analysis: Omit<Analysis, "graph">,
  listeners: ReadonlyMap<ResourceKey, GatewayListeners>,
): ReadonlyMap<string, GatewayListeners> {
  const reconciled = new Set<string>();
  for (const g of analysis.gateways) if (g.reconciled) reconciled.add(g.key);
  const out = new Map<string, GatewayListeners>();
  for (const [key, l] of listeners) if (reconciled.has(key)) out.set(key, l);
  return out;
}

/**
 * Everything the status of every parent reads of the attachment but the hostnames: the same
 * verdicts through the same parentRefs, admitted on the same listeners.
 */
export function sameAttachmentButHosts(
  before: RouteAttachmentOnItsOwn,
  after: RouteAttachmentOnItsOwn,
): boolean {
  // An accepted parent's status reads the verdict's message, which the caller writes anew; a
  // rejected or status-less one is what the lint rules on verdicts describe: it stays whole.
  const verdicts = (x: RouteAttachmentOnItsOwn) =>
    JSON.stringify(
      x.explain.map((e) =>
        e.accepted && e.noStatusReason === undefined
          ? [e.parentRefIndex, e.parent ?? null, e.unknownParent ?? null, e.reason]
          : e,
      ),
    );
  const listeners = (x: RouteAttachmentOnItsOwn) =>
    JSON.stringify(x.attachments.map((a) => [a.parentRefIndex, a.gateway, a.owner, a.listener]));
  return verdicts(before) === verdicts(after) && listeners(before) === listeners(after);
}

/**
 * The table with `route`'s entries moved from the hosts of `before` to the hosts of `after`
 * (attachments of that route only), each placed by precedence; undefined when not proven.
 */
export function rehostTable(
  table: RouteTable,
  route: ResourceKey,
  before: readonly RouteAttachment[],
  after: readonly RouteAttachment[],
  candidates: readonly Candidate[],
  rankOf: (entry: RouteTableEntry) => RankKey | undefined,
  others: readonly RouteAttachment[],
  own: readonly (readonly string[])[],
): { table: RouteTable; touched: Map<number, Set<string>> } | undefined {
  if (candidates.length === 0) return undefined;
  const hostsOf = (list: readonly RouteAttachment[]) => {
    const byListener = new Map<string, Set<string>>();
    for (const a of list) {
      const id = listenerId(a.gateway, a.owner ?? a.gateway, a.listener);
      let hosts = byListener.get(id);
      if (hosts === undefined) byListener.set(id, (hosts = new Set()));
      for (const h of a.hostnames.length > 0 ? a.hostnames : ["*"]) hosts.add(h);
    }
    return byListener;
  };
  const was = hostsOf(before);
  const now = hostsOf(after);
  const listeners = table.listeners.slice();
  // Listener position → the hosts the route left or joined there.
  const touchedHosts = new Map<number, Set<string>>();
  for (const [id, hosts] of now) {
    const l = listeners.findIndex((x) => listenerId(x.gateway, x.owner, x.listener) === id);
    const listener = listeners[l];
    if (listener === undefined) return undefined;
    const touched = new Set([...(was.get(id) ?? []), ...hosts]);
    // A listener with a hostname of its own may give reading notes that read other routes.
    if (listener.hostname !== undefined && !keyedByOwnHostnames(listener.hostname, own, touched))
      return undefined;
    const virtualHosts = listener.virtualHosts.slice();
    touchedHosts.set(l, touched);
    for (const hostname of touched) {
      const v = virtualHosts.findIndex((x) => x.hostname === hostname);
      const vhost = virtualHosts[v];
      if (vhost !== undefined && vhost.droppedRules !== undefined) return undefined;
      if (!hosts.has(hostname)) {
        if (vhost === undefined) return undefined;
        const entries = withoutRoute(vhost.entries, route);
        if (entries.length > 0) virtualHosts[v] = { ...vhost, entries };
        // Left empty: gone, unless a route without entries (no valid rule) still claims it.
        else if (claimedByOthers(others, route, listener, hostname)) return undefined;
        else virtualHosts.splice(v, 1);
        continue;
      }
      if (vhost === undefined) {
        insertHost(virtualHosts, { hostname, entries: ranked(candidates) });
        continue;
      }
      const entries = rerankedEntries(vhost.entries, route, candidates, rankOf);
      if (entries === undefined) return undefined;
      virtualHosts[v] = { ...vhost, entries };
    }
    listeners[l] = { ...listener, virtualHosts };
  }
  return { table: { ...table, listeners }, touched: touchedHosts };
}

/**
 * On a listener with a hostname of its own (`*.example.com`), a route's own hostname may differ
 * from the virtual host it lands on (a broader `*.com` lands on the listener's), and two routes
 * with different own hostnames meeting on one virtual host give it a reading note
 * (collectCandidates' hostnameReadingNote) that the other routes' hostnames decide. True when
 * neither can happen on the hosts the route left or joined: each of its own hostnames, in both
 * revisions, is its own intersection with the listener, and no touched host is the listener's own
 * hostname (or "*"). Then any route on a touched host `h` has `h` as its own hostname too (only a
 * route hostname equal to or broader than the listener's intersects to another name, and that
 * name is the listener's), so neither reading of the hosts puts a note there, before or after.
 */
function keyedByOwnHostnames(
  listenerHostname: string,
  own: readonly (readonly string[])[],
  touched: ReadonlySet<string>,
): boolean {
  for (const h of touched) if (h === listenerHostname || h === "*") return false;
  for (const hostnames of own) {
    if (hostnames.length === 0) return false;
    for (const o of hostnames) {
      const effective = intersectHostname(listenerHostname, o);
      if (effective !== undefined && effective !== o) return false;
    }
  }
  return true;
}

/**
 * Whether a route other than `route` attaches to `listener` with `hostname` (in `all`): one pass
 * over the attachments, comparing fields (no string built per attachment).
 */
function claimedByOthers(
  all: readonly RouteAttachment[],
  route: ResourceKey,
  listener: RouteTableListener,
  hostname: string,
): boolean {
  for (const a of all) {
    if (a.route === route || a.listener !== listener.listener) continue;
    if (a.gateway !== listener.gateway || (a.owner ?? a.gateway) !== listener.owner) continue;
    if (a.hostnames.length === 0 ? hostname === "*" : a.hostnames.includes(hostname)) return true;
  }
  return false;
}

function listenerId(gateway: string, owner: string, listener: string): string {
  return `${gateway}\u0000${owner}\u0000${listener}`;
}

/** A host's entries without the route's, ranks numbered from 1 again. */
function withoutRoute(entries: readonly RouteTableEntry[], route: ResourceKey): RouteTableEntry[] {
  const out: RouteTableEntry[] = [];
  for (const x of entries) {
    if (x.route === route) continue;
    const rank = out.length + 1;
    out.push(x.rank === rank ? x : { ...x, rank });
  }
  return out;
}

/** One route's candidates as a host of their own: in precedence order, ranked from 1. */
function ranked(candidates: readonly Candidate[]): RouteTableEntry[] {
  return [...candidates]
    .sort((a, b) => compareRankOrder(a.rank, b.rank))
    .map((c, i) => ({ ...c.entry, rank: i + 1 }));
}

/** Inserts a host where collectCandidates sorts it: most specific first, then by name. */
function insertHost(hosts: RouteTableVirtualHost[], host: RouteTableVirtualHost): void {
  const before = (a: string, b: string) =>
    hostnameSpecificity(b) - hostnameSpecificity(a) || (a < b ? -1 : a > b ? 1 : 0);
  let at = 0;
  while (
    at < hosts.length &&
    before((hosts[at] as RouteTableVirtualHost).hostname, host.hostname) < 0
  )
    at++;
  hosts.splice(at, 0, host);
}
