/**
 * The candidates of every listener read back from a route table that collectCandidates already
 * ordered (Analysis.routeTable), so compileRouter does not collect, describe and sort them a
 * second time. Each candidate keeps the table's own entry (shared, not copied), and its rank keys
 * are worked out from that entry's described match exactly as collectCandidates works them out,
 * only when something asks for them (RankedCandidate).
 *
 * The table must have been built from the same gateways, routes, attachments and readings;
 * anything that does not line up (a listener in another order, an entry naming a route or rule
 * the input lacks) gives undefined, and the caller collects the candidates afresh.
 */
import type { GatewayModel, ResolvedRoute } from "../types";
import {
  RankedCandidate,
  routeRankFacts,
  writtenMatch,
  type Candidate,
  type ListenerCandidates,
  type RouteRankFacts,
  type VirtualHostCandidates,
} from "./collectCandidates";
import type { RouteTable, RouteTableListener } from "./types";

export function candidatesFromTable(
  gateways: readonly GatewayModel[],
  routes: readonly ResolvedRoute[],
  table: RouteTable,
): ListenerCandidates[] | undefined {
  // The same lookup collectCandidates uses: the last route with a key wins.
  const routeByKey = new Map<string, ResolvedRoute>();
  for (const r of routes) routeByKey.set(r.key, r);
  const factsOf = new Map<ResolvedRoute, RouteRankFacts>();
  const out: ListenerCandidates[] = [];
  let position = 0;
  for (const gateway of gateways) {
    for (const listener of gateway.listeners) {
      const described = table.listeners[position++];
      if (!describesListener(described, gateway, listener.owner, listener.name)) return undefined;
      const virtualHosts: VirtualHostCandidates[] = [];
      for (const v of described.virtualHosts) {
        const candidates: Candidate[] = [];
        for (const entry of v.entries) {
          const route = routeByKey.get(entry.route);
          const rule = route?.rules[entry.ruleIndex];
          if (route === undefined || rule === undefined || rule.index !== entry.ruleIndex)
            return undefined;
          let facts = factsOf.get(route);
          if (facts === undefined) factsOf.set(route, (facts = routeRankFacts(route)));
          candidates.push(
            new RankedCandidate(
              entry,
              route,
              rule,
              writtenMatch(route, rule, entry.matchIndex),
              facts,
            ),
          );
        }
        const vhost: VirtualHostCandidates = {
          hostname: v.hostname,
          candidates,
          dropped: v.droppedRules ?? [],
        };
        if (v.readingNote !== undefined) vhost.readingNote = v.readingNote;
        virtualHosts.push(vhost);
      }
      out.push({ gateway, listener, ready: described.ready, virtualHosts });
    }
  }
  return position === table.listeners.length ? out : undefined;
}

function describesListener(
  described: RouteTableListener | undefined,
  gateway: GatewayModel,
  owner: string,
  name: string,
): described is RouteTableListener {
  return (
    described !== undefined &&
    described.gateway === gateway.key &&
    described.owner === owner &&
    described.listener === name
  );
}
