/**
 * traceRequest: the full story of one request (gateway, listeners, virtual host, every candidate,
 * the tie-break, filters, backend pick, outcome). For a rule with several backends,
 * `outcome.backends` lists every share and `outcome.backend` is the pick drawn for
 * (options.seed, options.sample), both default 0, so a trace is reproducible; for a
 * single-backend rule the pick is that backend.
 */
import type { CompiledVirtualHost, Router } from "../routing/router";
import { buildOutcome, describeAttributes, failureOutcome } from "./buildOutcome";
import { candidateRef, explainCandidates, kindsFor } from "./explainCandidates";
import { MatchContext } from "./findCandidate";
import { normalizeRequest, unnormalizedRequest } from "./normalizeRequest";
import { traceMeshRequest } from "./traceMeshRequest";
import {
  explainListeners,
  selectGateway,
  selectListener,
  type ListenerQuery,
} from "./selectListener";
import type { RequestTrace } from "./traceTypes";
import type { SimRequest } from "./types";
import { drawFor } from "./weights";
import { emptyTrace } from "./emptyTrace";
import { capTraceWording } from "./capTraceWording";

export interface TraceOptions {
  /** PRNG seed for the backend pick (default 0). */
  seed?: number;
  /** Sample index: the n-th request of a run with this seed (default 0). */
  sample?: number;
}

/** The trace, its wording with long user values capped (print/capValue.ts, capTraceWording). */
export function traceRequest(
  router: Router,
  req: SimRequest,
  options: TraceOptions = {},
): RequestTrace {
  return capTraceWording(traceUncapped(router, req, options));
}

function traceUncapped(router: Router, req: SimRequest, options: TraceOptions): RequestTrace {
  if (req.mesh !== undefined) return traceMeshRequest(router.mesh, req, options);
  const normalized = normalizeRequest(req);
  const grpc = req.grpc !== undefined;
  if (!normalized.ok) {
    const request = unnormalizedRequest(req);
    return emptyTrace(
      request,
      "the request is incomplete",
      failureOutcome("connection-refused", 0, normalized.error, grpc),
    );
  }
  const r = normalized.request;
  const gw = selectGateway(router, r.gateway, r.port, r.scheme);
  if (!gw.ok) return emptyTrace(r, gw.reason, failureOutcome(gw.kind, gw.status, gw.reason, grpc));
  const query: ListenerQuery = {
    port: r.port,
    scheme: r.scheme,
    hostname: r.hostname,
    sni: r.sni,
    grpc,
  };
  const sel = selectListener(gw.gateway, query);
  const chosen = sel.ok ? sel.listener : undefined;
  const trace = emptyTrace(r, gw.reason, failureOutcome("not-found", 404, "", grpc));
  trace.gateway = gw.gateway.name;
  if (gw.gateway.model.assumed !== undefined) trace.gatewayAssumed = [...gw.gateway.model.assumed];
  trace.listeners = explainListeners(gw.gateway, query, chosen, sel.ok ? undefined : sel);
  if (!sel.ok) {
    trace.outcome = failureOutcome(sel.kind, sel.status, sel.reason, grpc);
    return trace;
  }
  const listener = sel.listener;
  trace.listener =
    listener.model.owner === listener.gateway.key
      ? { gateway: listener.gateway.key, name: listener.model.name }
      : { gateway: listener.gateway.key, owner: listener.model.owner, name: listener.model.name };
  // A TLS listener routes by SNI to TLSRoutes even for an HTTPS client (passthrough).
  const viaTls = listener.model.protocol === "TLS";
  const l4 = viaTls || r.scheme === "tcp" || r.scheme === "udp";
  const hostKey = viaTls ? (r.sni ?? "") : l4 ? "" : r.hostname;
  // A TCPRoute is on a TLS listener only under tcpRouteOnTlsTerminate=accepted: it takes what no TLSRoute serves.
  const kinds = viaTls ? (["TLSRoute", "TCPRoute"] as const) : kindsFor(r.scheme, grpc);
  const vhost = listener.virtualHosts.lookup(hostKey);
  if (vhost === undefined) {
    // A TCP or UDP connection carries no hostname: the only way to miss is that no route of its
    // kind is attached, which is what the user needs to read (not "no hostname covers (no host)").
    const reason =
      hostKey === "" && listener.virtualHostList.length === 0
        ? `listener ${listener.model.name} has no ${kinds.join(" or ")} attached`
        : `listener ${listener.model.name} has no route whose hostnames cover ${hostKey || "(no host)"}${listener.virtualHostList.length > 0 ? ` (route hostnames here: ${listener.virtualHostList.map((v) => v.hostname).join(", ")})` : " (no routes attached)"}`;
    trace.outcome = l4
      ? failureOutcome("connection-refused", 0, reason, grpc)
      : failureOutcome("not-found", 404, reason, grpc);
    return trace;
  }
  trace.virtualHost = {
    hostname: vhost.hostname,
    reason:
      l4 && !viaTls
        ? `a ${listener.model.protocol} connection carries no hostname: every ${kinds.join(" or ")} attached to the listener is a candidate`
        : describeVhostChoice(vhost, hostKey, listener.virtualHostList),
  };
  const ctx = new MatchContext(r.path, r.query, r.method, r.headers, r.grpc);
  const explained = explainCandidates(vhost, ctx, kinds);
  trace.candidates = explained.candidates;
  if (vhost.droppedRules.length > 0) trace.droppedRules = vhost.droppedRules;
  if (explained.tieBreak !== undefined) trace.tieBreak = explained.tieBreak;
  const winner = explained.winner;
  if (winner === undefined) {
    const reason = `no ${kinds.join(" or ")} match under hostname ${vhost.hostname} on listener ${listener.model.name} fits the request (no fallback to less specific hostnames)`;
    trace.outcome = l4
      ? failureOutcome("connection-refused", 0, reason, grpc)
      : failureOutcome("not-found", 404, reason, grpc);
    return trace;
  }
  trace.winner = candidateRef(winner);
  const winnerAssumed = listener.routeAssumed?.get(trace.winner.route);
  if (winnerAssumed !== undefined) trace.winnerAssumed = [...winnerAssumed];
  const seed = options.seed ?? 0;
  const sample = options.sample ?? 0;
  const draw = drawFor(seed, sample);
  if (winner.rule.backendRefs.length > 1) trace.pick = { seed, sample, draw };
  const built = buildOutcome(
    winner,
    r,
    {
      listenerPort: listener.model.port,
      l4,
      forwardedStatus: r.scheme === "http" || r.scheme === "https" ? 200 : 0,
      backendClientCertificate: listener.gateway.backendClientCertificate,
      ...(viaTls
        ? {
            tls: {
              mode: listener.model.tlsMode === "Passthrough" ? "Passthrough" : "Terminate",
              clientSni: r.sni ?? "",
            },
          }
        : {}),
    },
    draw,
    req,
  );
  trace.filters = built.filters;
  trace.attributes = describeAttributes(winner.rule, req.backendBehavior !== undefined);
  trace.outcome = built.outcome;
  if (built.attempts !== undefined) trace.attempts = built.attempts;
  return trace;
}

function describeVhostChoice(
  vhost: CompiledVirtualHost,
  host: string,
  all: readonly CompiledVirtualHost[],
): string {
  const others = all.filter((v) => v !== vhost).map((v) => v.hostname);
  const kind =
    vhost.hostname === "*"
      ? "the match-all hostname"
      : vhost.hostname.startsWith("*.")
        ? "the longest wildcard"
        : "the exact hostname";
  const reading =
    vhost.readingNote !== undefined
      ? `; ${vhost.readingNote.reading}: ${vhost.readingNote.detail}`
      : "";
  return `${kind} covering ${host || "(no host)"}${others.length > 0 ? `; other route hostnames on this listener (${others.join(", ")}) are never fallen back to` : ""}${reading}`;
}
