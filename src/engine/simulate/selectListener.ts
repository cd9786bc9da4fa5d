/**
 * Gateway and listener selection (spec §3.1): the port and protocol narrow the listeners, the
 * most specific listener hostname covering the Host (HTTP) or the SNI (HTTPS/TLS) wins, and on
 * HTTPS a Host that belongs to another listener than the SNI's is misdirected (421).
 */
import { describeHostnameKind, isHostnameMatch } from '../match/hostname';
import type { CompiledGateway, CompiledListener, Router } from '../routing/router';
import type { ListenerConsideration } from './traceTypes';
import type { OutcomeKind, SimScheme } from './types';

export const SCHEME_PROTOCOL: Record<SimScheme, string> = { http: 'HTTP', https: 'HTTPS', tls: 'TLS', tcp: 'TCP', udp: 'UDP' };

export interface SelectionFailure {
  ok: false;
  kind: Extract<OutcomeKind, 'connection-refused' | 'not-found' | 'misdirected'>;
  status: number;
  reason: string;
  /** On a misdirected request: the listener the SNI chose and the one the Host belongs to. */
  bySni?: CompiledListener;
  byHost?: CompiledListener;
}

export type GatewaySelection = { ok: true; gateway: CompiledGateway; reason: string } | SelectionFailure;
export type ListenerSelection = { ok: true; listener: CompiledListener } | SelectionFailure;

function refused(reason: string): SelectionFailure {
  return { ok: false, kind: 'connection-refused', status: 0, reason };
}

export function selectGateway(router: Router, name: string | undefined, port: number, scheme: SimScheme): GatewaySelection {
  if (name !== undefined) {
    const key = name.startsWith('Gateway/') ? name.slice('Gateway/'.length) : name;
    // A bare name is accepted when exactly one Gateway carries it.
    const bare = key.includes('/') ? [] : router.gatewayList.filter((g) => g.model.name === key);
    const byName = router.gateways.get(key) ?? (bare.length === 1 ? bare[0] : undefined);
    if (byName === undefined) {
      const known = router.gatewayList.map((g) => g.name).join(', ') || 'none';
      return refused(`no Gateway named ${name} (known: ${known})`);
    }
    return { ok: true, gateway: byName, reason: `Gateway ${byName.name} was named in the request` };
  }
  const protocol = SCHEME_PROTOCOL[scheme];
  const fits = router.gatewayList.filter((g) => {
    const p = g.ports.get(port);
    return p !== undefined && (p.byProtocol.has(protocol) || (scheme === 'https' && p.byProtocol.has('TLS')));
  });
  const only = fits[0];
  if (fits.length === 1 && only !== undefined) return { ok: true, gateway: only, reason: `${only.name} is the only Gateway with a ready ${protocol} listener on port ${port}` };
  if (fits.length === 0) return refused(`no Gateway has a ready ${protocol} listener on port ${port}`);
  return refused(`several Gateways have a ready ${protocol} listener on port ${port} (${fits.map((g) => g.name).join(', ')}): name one in the request's gateway field`);
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
  if (port === undefined) return refused(`Gateway ${gateway.name} has no listener on port ${q.port}`);
  if (!gateway.model.reconciled) return refused(`Gateway ${gateway.name} is not reconciled by any controller (its GatewayClass is missing or not accepted)`);
  if (q.scheme === 'https' || q.scheme === 'tls') {
    const sni = q.sni ?? '';
    const bySni = (q.scheme === 'https' ? port.bySni : port.byProtocol.get(protocol))?.lookup(sni);
    if (bySni === undefined) return refused(`no ${q.scheme === 'https' ? 'HTTPS or TLS' : 'TLS'} listener on port ${q.port} of Gateway ${gateway.name} covers the SNI ${sni || '(none)'}: the TLS handshake fails`);
    // A TLS listener passes the connection through (or terminates it) by SNI alone; Host plays no part.
    if (bySni.model.protocol === 'TLS') return { ok: true, listener: bySni };
    const byHost = port.byProtocol.get('HTTPS')?.lookup(q.hostname);
    if (byHost === undefined) return notFound(`no listener on port ${q.port} covers the Host ${q.hostname || '(none)'}`, q.grpc);
    if (byHost !== bySni) {
      return {
        ok: false,
        kind: 'misdirected',
        status: 421,
        reason: `the SNI ${sni} selected listener ${bySni.model.name}, but the Host ${q.hostname} belongs to listener ${byHost.model.name} (${describeHostnameKind(byHost.model.hostname)} ${byHost.model.hostname ?? '*'}): misdirected request`,
        bySni,
        byHost,
      };
    }
    return { ok: true, listener: bySni };
  }
  const index = port.byProtocol.get(protocol);
  if (index === undefined) return refused(`Gateway ${gateway.name} has no ready ${protocol} listener on port ${q.port}`);
  const chosen = index.lookup(q.hostname);
  if (chosen === undefined) return notFound(`no ${protocol} listener on port ${q.port} covers the Host ${q.hostname || '(none)'}`, q.grpc);
  return { ok: true, listener: chosen };
}

/**
 * The allocation-free success path of selectListener for routeRequest: the listener, or undefined
 * when selection fails (call selectListener then for the failure and its reason).
 */
export function findListener(gateway: CompiledGateway, port: number, scheme: SimScheme, hostname: string, sni: string | undefined): CompiledListener | undefined {
  const p = gateway.ports.get(port);
  if (p === undefined || !gateway.model.reconciled) return undefined;
  if (scheme === 'https') {
    const bySni = p.bySni.lookup(sni ?? '');
    if (bySni === undefined) return undefined;
    if (bySni.model.protocol === 'TLS') return bySni;
    return p.byProtocol.get('HTTPS')?.lookup(hostname) === bySni ? bySni : undefined;
  }
  const index = p.byProtocol.get(SCHEME_PROTOCOL[scheme]);
  return index?.lookup(scheme === 'tls' ? (sni ?? '') : hostname);
}

function notFound(reason: string, grpc: boolean): SelectionFailure {
  return { ok: false, kind: 'not-found', status: 404, reason: grpc ? `${reason} (gRPC: Unimplemented)` : reason };
}

/** Why each listener on the port was or was not chosen; only built for traces. */
export function explainListeners(gateway: CompiledGateway, q: ListenerQuery, chosen: CompiledListener | undefined, misdirected?: SelectionFailure): ListenerConsideration[] {
  const protocol = SCHEME_PROTOCOL[q.scheme];
  const matchOn = q.scheme === 'https' || q.scheme === 'tls' ? (q.sni ?? '') : q.hostname;
  const matchWhat = q.scheme === 'https' || q.scheme === 'tls' ? 'SNI' : 'Host';
  const out: ListenerConsideration[] = [];
  for (const [portNumber, port] of gateway.ports) {
    for (const l of port.listeners) {
      const m = l.model;
      const item: ListenerConsideration = { gateway: l.gateway.key, owner: m.owner, listener: m.name, port: m.port, protocol: m.protocol, chosen: l === chosen, reason: '' };
      if (m.hostname !== undefined) item.hostname = m.hostname;
      if (m.assumed !== undefined) item.assumed = [...m.assumed];
      const pattern = m.hostname ?? '*';
      if (portNumber !== q.port) item.reason = `listens on port ${m.port}, the request is for port ${q.port}`;
      else if (m.protocol !== protocol && !(q.scheme === 'https' && m.protocol === 'TLS')) item.reason = `speaks ${m.protocol}, the request needs ${protocol}`;
      else if (!l.ready) item.reason = 'not ready (not accepted, conflicted, or its Gateway is not reconciled): serves no traffic';
      else if (misdirected?.bySni === l) item.reason = `chosen by the SNI ${q.sni ?? ''}, but the Host ${q.hostname} belongs to listener ${misdirected.byHost?.model.name ?? '?'}: 421`;
      else if (misdirected?.byHost === l) item.reason = `most specific listener for the Host ${q.hostname}, but the TLS connection was made for the SNI ${q.sni ?? ''}: 421`;
      else if (l === chosen) item.reason = `most specific listener hostname covering the ${matchWhat} ${matchOn || '(none)'} (${describeHostnameKind(m.hostname)} ${pattern})`;
      else if (isHostnameMatch(pattern, matchOn)) item.reason = `covers the ${matchWhat} ${matchOn || '(none)'} too, but ${chosen === undefined ? 'another listener decides' : `${chosen.model.name} (${chosen.model.hostname ?? '*'}) is more specific`}; listeners are isolated, so its routes are not considered`;
      else item.reason = `hostname ${pattern} does not cover the ${matchWhat} ${matchOn || '(none)'}`;
      out.push(item);
    }
  }
  return out;
}
