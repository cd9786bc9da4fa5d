/**
 * The plain, printable route table: per listener, per virtual host, every candidate in the order
 * the router tries it (see src/engine/README.md "Match order").
 */
import type { Readings } from "../readings/readings";
import type { GatewayModel, ResolvedRoute, RouteAttachment } from "../types";
import { collectCandidates, type ListenerCandidates } from "./collectCandidates";
import type { RouteTable, RouteTableListener } from "./types";

export function compileRouteTable(
  gateways: readonly GatewayModel[],
  routes: readonly ResolvedRoute[],
  attachments: readonly RouteAttachment[],
  readings?: Readings,
): RouteTable {
  return {
    listeners: collectCandidates(gateways, routes, attachments, readings).map(describeListener),
  };
}

export function describeListener({
  gateway,
  listener,
  ready,
  virtualHosts,
}: ListenerCandidates): RouteTableListener {
  const out: RouteTableListener = {
    gateway: gateway.key,
    gatewayName: `${gateway.namespace}/${gateway.name}`,
    owner: listener.owner,
    listener: listener.name,
    port: listener.port,
    protocol: listener.protocol,
    ready,
    virtualHosts: virtualHosts.map((v) => ({
      hostname: v.hostname,
      ...(v.readingNote !== undefined ? { readingNote: v.readingNote } : {}),
      entries: v.candidates.map((c) => c.entry),
      ...(v.dropped.length > 0 ? { droppedRules: v.dropped } : {}),
    })),
  };
  if (listener.hostname !== undefined) out.hostname = listener.hostname;
  if (listener.tlsMode !== undefined) out.tlsMode = listener.tlsMode;
  return out;
}
