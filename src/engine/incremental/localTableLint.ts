/**
 * The route-table lint rules after an edit that moved one route's entries within some virtual
 * hosts (a path edited) or between hosts (a hostname edited): when those rules, run on the
 * touched hosts alone, find nothing there before the edit and nothing after, every finding of
 * revision n stands. Running them over the whole table instead cost more than the rest of the edit
 * (every host's cover index and a compiled router: about 140 ms of CPU at 10,000 routes).
 *
 * Why "nothing on the touched hosts, before and after" is enough, rule by rule:
 * - findShadowedMatches reports a shadow or a creation-order tie between two entries of one
 *   virtual host, a shadow only once routing a concrete request for that host's name lands on the
 *   winner. An untouched host's entries are as they were, and its requests route to it as before:
 *   a path edit keeps the hosts, and a hostname edit only adds or removes exact hosts, which is
 *   checked not to be the name an untouched host's request is sent with (requestForEntry: the
 *   host's own name, "www." under a wildcard, else the listener's or example.com). On a touched
 *   host, a shadow the whole table confirms is confirmed on the touched hosts alone too: the
 *   request reaches the same host there, no more specific one being left out. So the touched
 *   hosts give no finding in the whole table exactly when they give none on their own.
 * - findHostnameOverlaps compares the names Gateways claim across Gateways, so the touched hosts
 *   alone cannot show it (they hold no Gateway manifest to place a finding on). A path edit
 *   leaves every claim as it was; a hostname edit can change what a listener without a hostname
 *   claims (its routes' hostnames), so then the rule runs on both whole revisions and must agree.
 * When the touched hosts do have findings, the caller runs the rules over the whole table.
 */
import type { Analysis } from "../analysisTypes";
import type { ResourceIndex } from "../resolve/indexResources";
import { HOSTNAME_OVERLAP_RULE_INDEX, lintRule, TABLE_RULE_INDEXES } from "../lint/lintAnalysis";
import type { LintInput } from "../lint/lintTypes";
import type { RouteTable, RouteTableListener } from "../routing/types";
import type { SourceLocator } from "../load/sourceLocator";
import type { ResolvedRoute, ResourceKey, RouteAttachment } from "../types";
import type { WorldMode } from "../resolve/world";
import { WILDCARD_LABEL } from "../whatif/requestForRule";

/** One revision as the table rules read it, with lookups by route key. */
export interface TableSide {
  table: RouteTable;
  index: ResourceIndex;
  locator: SourceLocator;
  route(key: ResourceKey): ResolvedRoute | undefined;
  attachments(key: ResourceKey): readonly RouteAttachment[];
  explain(key: ResourceKey): Analysis["explain"];
}

/**
 * True when the table rules find nothing on the `touched` hosts (listener position → hostnames)
 * in either revision, and no untouched host's request could reach a host the edit added or
 * removed (`hostsMoved`: a hostname edit).
 */
export function tableRulesStand(
  before: TableSide,
  after: TableSide,
  touched: ReadonlyMap<number, ReadonlySet<string>>,
  context: { gateways: Analysis["gateways"]; world: WorldMode; hostsMoved: boolean },
): boolean {
  // The untouched hosts are the same in both tables (only touched hosts come or go): one suffices.
  if (context.hostsMoved && !requestsStayPut(before.table, touched)) return false;
  if (context.hostsMoved && !overlapsStand(before, after, context.gateways)) return false;
  for (const side of [before, after]) {
    const input = touchedInput(side, touched, context);
    for (const rule of TABLE_RULE_INDEXES) if (lintRule(rule, input).length > 0) return false;
  }
  return true;
}

/**
 * Whether every touched host is an exact name that no untouched host's request uses: then adding
 * or removing it changes where no such request goes.
 */
function requestsStayPut(
  table: RouteTable,
  touched: ReadonlyMap<number, ReadonlySet<string>>,
): boolean {
  for (const [l, hosts] of touched) {
    const listener = table.listeners[l];
    if (listener === undefined) return false;
    for (const h of hosts) if (h === "*" || h.startsWith("*.") || h === "") return false;
    for (const v of listener.virtualHosts) {
      if (hosts.has(v.hostname)) continue;
      if (hosts.has(requestHost(listener, v.hostname))) return false;
    }
  }
  return true;
}

/** Whether findHostnameOverlaps says the same of both whole revisions. */
function overlapsStand(
  before: TableSide,
  after: TableSide,
  gateways: Analysis["gateways"],
): boolean {
  const findings = (side: TableSide) => {
    const manifests = [];
    for (const g of gateways) {
      const m = side.index.byKey.get(g.key);
      if (m !== undefined) manifests.push(m);
    }
    const input: LintInput = {
      manifests,
      locator: side.locator,
      explain: [],
      gateways,
      routes: [],
      attachments: [],
      routeTable: side.table,
    };
    return JSON.stringify(lintRule(HOSTNAME_OVERLAP_RULE_INDEX, input));
  };
  return findings(before) === findings(after);
}

/** The host a request aimed at a virtual host is sent with (as requestForEntry names it). */
function requestHost(listener: RouteTableListener, hostname: string): string {
  const concrete = (h: string | undefined) =>
    h === undefined || h === "" || h === "*"
      ? undefined
      : h.startsWith("*.")
        ? `${WILDCARD_LABEL}${h.slice(1)}`
        : h;
  return concrete(hostname) ?? concrete(listener.hostname) ?? "example.com";
}

/** The lint input of one revision cut down to the touched hosts and the routes on them. */
function touchedInput(
  side: TableSide,
  touched: ReadonlyMap<number, ReadonlySet<string>>,
  context: { gateways: Analysis["gateways"]; world: WorldMode },
): LintInput {
  const listeners: RouteTableListener[] = [];
  const routeKeys = new Set<ResourceKey>();
  for (const [l, hosts] of touched) {
    const listener = side.table.listeners[l];
    if (listener === undefined) continue;
    const virtualHosts = listener.virtualHosts.filter((v) => hosts.has(v.hostname));
    for (const v of virtualHosts) for (const x of v.entries) routeKeys.add(x.route);
    listeners.push({ ...listener, virtualHosts });
  }
  const gatewayKeys = new Set<string>(listeners.map((l) => l.gateway));
  const input: LintInput = {
    manifests: [],
    locator: side.locator,
    explain: [],
    gateways: context.gateways.filter((g) => gatewayKeys.has(g.key)),
    routes: [],
    attachments: [],
    routeTable: { ...side.table, listeners },
    world: context.world,
  };
  const manifests = [];
  const routes = [];
  const attachments = [];
  const explain = [];
  for (const key of routeKeys) {
    const m = side.index.byKey.get(key);
    const r = side.route(key);
    if (m !== undefined) manifests.push(m);
    if (r !== undefined) routes.push(r);
    for (const a of side.attachments(key)) attachments.push(a);
    for (const x of side.explain(key)) explain.push(x);
  }
  return { ...input, manifests, routes, attachments, explain };
}
