/**
 * Gateway and listener selection (spec §3.1): the port and protocol narrow the listeners, the
 * most specific listener hostname covering the Host (HTTP) or the SNI (HTTPS/TLS) wins, and on
 * HTTPS a Host that belongs to another listener than the SNI's is misdirected (421).
 */
import { describeHostnameKind, isHostnameMatch } from "../match/hostname";
import type { CompiledGateway, CompiledListener, CompiledPort, Router } from "../routing/router";
import type { ListenerConsideration } from "./traceTypes";
import type { OutcomeKind, SimScheme } from "./types";

export const SCHEME_PROTOCOL: Record<SimScheme, string> = {
  http: "HTTP",
  https: "HTTPS",
  tls: "TLS",
  tcp: "TCP",
  udp: "UDP",
};

export interface SelectionFailure {
  ok: false;
  kind: Extract<OutcomeKind, "connection-refused" | "not-found" | "misdirected">;
  status: number;
  reason: string;
  /** When the choice was ambiguous: the Gateways that could take the request. */
  candidates?: string[];
  /** On a misdirected request: the listener the SNI chose and the one the Host belongs to. */
  bySni?: CompiledListener;
  byHost?: CompiledListener;
}

export type GatewaySelection =
  { ok: true; gateway: CompiledGateway; reason: string } | SelectionFailure;
export type ListenerSelection = { ok: true; listener: CompiledListener } | SelectionFailure;

function refused(reason: string): SelectionFailure {
  return { ok: false, kind: "connection-refused", status: 0, reason };
}

export function selectGateway(
  router: Router,
  name: string | undefined,
  port: number,
  scheme: SimScheme,
): GatewaySelection {
  if (name !== undefined) {
    const found = findGatewayByName(
      router.gatewayList.map((g) => g.name),
      name,
    );
    if (!found.ok) return { ...refused(found.reason), candidates: found.candidates };
    const gateway = router.gateways.get(found.gateway);
    if (gateway === undefined) return refused(`no Gateway named ${name}`);
    return { ok: true, gateway, reason: found.how };
  }
  const protocol = SCHEME_PROTOCOL[scheme];
  const fits = router.gatewayList.filter((g) => {
    const p = g.ports.get(port);
    return (
      p !== undefined &&
      (p.byProtocol.has(protocol) || (scheme === "https" && p.byProtocol.has("TLS")))
    );
  });
  const only = fits[0];
  if (fits.length === 1 && only !== undefined)
    return {
      ok: true,
      gateway: only,
      reason: `${only.name} is the only Gateway with a ready ${protocol} listener on port ${port}`,
    };
  // With a single Gateway there is nothing to choose: take it, so the listener step can say why
  // it refuses the request instead of a bare "no Gateway".
  const [single] = router.gatewayList;
  if (fits.length === 0 && router.gatewayList.length === 1 && single !== undefined) {
    return { ok: true, gateway: single, reason: `${single.name} is the only Gateway in the input` };
  }
  if (fits.length === 0)
    return refused(`no Gateway has a ready ${protocol} listener on port ${port}`);
  return {
    ...refused(
      `several Gateways have a ready ${protocol} listener on port ${port} (${fits.map((g) => g.name).join(", ")}): name one in the request's gateway field`,
    ),
    candidates: fits.map((g) => g.name).sort(),
  };
}

export type GatewayNameMatch =
  { ok: true; gateway: string; how: string } | { ok: false; reason: string; candidates: string[] };

/**
 * A Gateway by the name a user typed: "namespace/name" (or "Gateway/namespace/name") exactly, or
 * a bare name that exactly one Gateway carries, in any namespace. Several Gateways of that name
 * are ambiguous: the failure lists them as candidates.
 */
export function findGatewayByName(gateways: readonly string[], wanted: string): GatewayNameMatch {
  const key = wanted.startsWith("Gateway/") ? wanted.slice("Gateway/".length) : wanted;
  const known = [...gateways].sort();
  if (key.includes("/")) {
    if (known.includes(key))
      return { ok: true, gateway: key, how: `Gateway ${key} was named in the request` };
    return {
      ok: false,
      reason: `no Gateway named ${key} (known: ${known.join(", ") || "none"})`,
      candidates: [],
    };
  }
  const bare = known.filter((g) => g.slice(g.indexOf("/") + 1) === key);
  const [only] = bare;
  if (bare.length === 1 && only !== undefined)
    return {
      ok: true,
      gateway: only,
      how: `the request named Gateway ${key}; ${only} is the only Gateway of that name`,
    };
  if (bare.length > 1)
    return {
      ok: false,
      reason: `several Gateways are named ${key} (${bare.join(", ")}): name one as namespace/name`,
      candidates: bare,
    };
  return {
    ok: false,
    reason: `no Gateway named ${key} in any namespace (known: ${known.join(", ") || "none"})`,
    candidates: [],
  };
}

export interface ListenerQuery {
  port: number;
  scheme: SimScheme;
  hostname: string;
  sni: string | undefined;
  grpc: boolean;
}

export function selectListener(gateway: CompiledGateway, q: ListenerQuery): ListenerSelection {
  const protocol = SCHEME_PROTOCOL[q.scheme];
  const port = gateway.ports.get(q.port);
  if (port === undefined)
    return refused(`Gateway ${gateway.name} has no listener on port ${q.port}`);
  if (!gateway.model.reconciled)
    return refused(
      `Gateway ${gateway.name} is not reconciled by any controller (its GatewayClass is missing or not accepted)`,
    );
  if (q.scheme === "https" || q.scheme === "tls") {
    const sni = q.sni ?? "";
    const bySni = (q.scheme === "https" ? port.bySni : port.byProtocol.get(protocol))?.lookup(sni);
    if (bySni === undefined) {
      const idle = idleListenerCovering(
        port,
        q.scheme === "https" ? ["HTTPS", "TLS"] : ["TLS"],
        sni,
      );
      return refused(
        idle === undefined
          ? `no ${q.scheme === "https" ? "HTTPS or TLS" : "TLS"} listener on port ${q.port} of Gateway ${gateway.name} covers the SNI ${sni || "(none)"}: the TLS handshake fails`
          : `listener ${idle.model.name} covers the SNI ${sni || "(none)"} on port ${q.port} of Gateway ${gateway.name} but serves no traffic (${idle.model.notReady ?? "not ready"}): the TLS handshake fails`,
      );
    }
    // A TLS listener passes the connection through (or terminates it) by SNI alone; Host plays no part.
    if (bySni.model.protocol === "TLS") return { ok: true, listener: bySni };
    const byHost = port.byProtocol.get("HTTPS")?.lookup(q.hostname);
    if (byHost === undefined)
      return notFound(
        `no listener on port ${q.port} covers the Host ${q.hostname || "(none)"}`,
        q.grpc,
      );
    if (byHost !== bySni) {
      return {
        ok: false,
        kind: "misdirected",
        status: 421,
        reason: `the SNI ${sni} selected listener ${bySni.model.name}, but the Host ${q.hostname} belongs to listener ${byHost.model.name} (${describeHostnameKind(byHost.model.hostname)} ${byHost.model.hostname ?? "*"}): misdirected request`,
        bySni,
        byHost,
      };
    }
    return { ok: true, listener: bySni };
  }
  const index = port.byProtocol.get(protocol);
  if (index === undefined) {
    const idle = idleListenerCovering(port, [protocol], q.hostname);
    return refused(
      `Gateway ${gateway.name} has no ready ${protocol} listener on port ${q.port}${idle === undefined ? "" : ` (listener ${idle.model.name} serves no traffic: ${idle.model.notReady ?? "not ready"})`}`,
    );
  }
  const chosen = index.lookup(q.hostname);
  if (chosen === undefined)
    return notFound(
      `no ${protocol} listener on port ${q.port} covers the Host ${q.hostname || "(none)"}`,
      q.grpc,
    );
  return { ok: true, listener: chosen };
}

/**
 * The allocation-free success path of selectListener for routeRequest: the listener, or undefined
 * when selection fails (call selectListener then for the failure and its reason).
 */
export function findListener(
  gateway: CompiledGateway,
  port: number,
  scheme: SimScheme,
  hostname: string,
  sni: string | undefined,
): CompiledListener | undefined {
  const p = gateway.ports.get(port);
  if (p === undefined || !gateway.model.reconciled) return undefined;
  if (scheme === "https") {
    const bySni = p.bySni.lookup(sni ?? "");
    if (bySni === undefined) return undefined;
    if (bySni.model.protocol === "TLS") return bySni;
    return p.byProtocol.get("HTTPS")?.lookup(hostname) === bySni ? bySni : undefined;
  }
  const index = p.byProtocol.get(SCHEME_PROTOCOL[scheme]);
  return index?.lookup(scheme === "tls" ? (sni ?? "") : hostname);
}

/** A listener of one of `protocols` on the port that would cover `name` but serves no traffic. */
function idleListenerCovering(
  port: CompiledPort,
  protocols: readonly string[],
  name: string,
): CompiledListener | undefined {
  return port.listeners.find(
    (l) =>
      !l.ready &&
      protocols.includes(l.model.protocol) &&
      isHostnameMatch(l.model.hostname ?? "*", name),
  );
}

function notFound(reason: string, grpc: boolean): SelectionFailure {
  return {
    ok: false,
    kind: "not-found",
    status: 404,
    reason: grpc ? `${reason} (gRPC: Unimplemented)` : reason,
  };
}

/** Why each listener on the port was or was not chosen; only built for traces. */
export function explainListeners(
  gateway: CompiledGateway,
  q: ListenerQuery,
  chosen: CompiledListener | undefined,
  misdirected?: SelectionFailure,
): ListenerConsideration[] {
  const protocol = SCHEME_PROTOCOL[q.scheme];
  const matchOn = q.scheme === "https" || q.scheme === "tls" ? (q.sni ?? "") : q.hostname;
  const matchWhat = q.scheme === "https" || q.scheme === "tls" ? "SNI" : "Host";
  const out: ListenerConsideration[] = [];
  for (const [portNumber, port] of gateway.ports) {
    for (const l of port.listeners) {
      const m = l.model;
      const item: ListenerConsideration = {
        gateway: l.gateway.key,
        owner: m.owner,
        listener: m.name,
        port: m.port,
        protocol: m.protocol,
        chosen: l === chosen,
        reason: "",
      };
      if (m.hostname !== undefined) item.hostname = m.hostname;
      if (m.assumed !== undefined) item.assumed = [...m.assumed];
      const pattern = m.hostname ?? "*";
      if (portNumber !== q.port)
        item.reason = `listens on port ${m.port}, the request is for port ${q.port}`;
      else if (m.protocol !== protocol && !(q.scheme === "https" && m.protocol === "TLS"))
        item.reason = `speaks ${m.protocol}, the request needs ${protocol}`;
      else if (!l.ready)
        item.reason =
          m.notReady === undefined
            ? "not ready (not accepted, conflicted, or its Gateway is not reconciled): serves no traffic"
            : `serves no traffic: ${m.notReady}`;
      else if (misdirected?.bySni === l)
        item.reason = `chosen by the SNI ${q.sni ?? ""}, but the Host ${q.hostname} belongs to listener ${misdirected.byHost?.model.name ?? "?"}: 421`;
      else if (misdirected?.byHost === l)
        item.reason = `most specific listener for the Host ${q.hostname}, but the TLS connection was made for the SNI ${q.sni ?? ""}: 421`;
      else if (l === chosen && (q.scheme === "tcp" || q.scheme === "udp"))
        // TCP and UDP carry no hostname (the spec ignores a listener hostname for them).
        item.reason = `the ${m.protocol} listener on port ${m.port} (a ${m.protocol} connection carries no hostname to choose by)`;
      else if (l === chosen)
        item.reason = `most specific listener hostname covering the ${matchWhat} ${matchOn || "(none)"} (${describeHostnameKind(m.hostname)} ${pattern})`;
      else if (isHostnameMatch(pattern, matchOn))
        item.reason = `covers the ${matchWhat} ${matchOn || "(none)"} too, but ${chosen === undefined ? "another listener decides" : `${chosen.model.name} (${chosen.model.hostname ?? "*"}) is more specific`}; listeners are isolated, so its routes are not considered`;
      else
        item.reason = `hostname ${pattern} does not cover the ${matchWhat} ${matchOn || "(none)"}`;
      out.push(item);
    }
  }
  return out;
}
