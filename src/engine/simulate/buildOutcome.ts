/**
 * From the winning candidate to the RequestOutcome: rule filters in order, the weighted backend
 * pick, backend-level filters for the picked backend only, then the response effects.
 */
import type { CompiledCandidate } from "../routing/router";
import type { ResolvedBackendRef, ResolvedRule } from "../types";
import { applyResponseEffects, runFilters, toForwarded, type WorkingRequest } from "./runFilters";
import type { FilterStep, NormalizedRequest, RuleAttribute } from "./traceTypes";
import type { OutcomeKind, RequestOutcome, SimRequest } from "./types";
import { simulateBackendAttempts, type BackendAttempt } from "./backendAttempts";
import { computeShares, noBackendReason, pickIndex } from "./weights";
import { appendAll } from "../collections/appendAll";
import { formatShare } from "../present/formatShare";
import { dict } from "../collections/dict";
import { describeImplementationPick } from "./implementationPick";

export interface OutcomeMode {
  listenerPort: number;
  /** Connection-level routing (TLS/TCP/UDP listeners): failures refuse the connection. */
  l4: boolean;
  /** Status when forwarded: 200 for an HTTP(S) client (the echo backend answers), 0 for raw TLS/TCP/UDP. */
  forwardedStatus: number;
  /** What the Gateway presents to TLS backends (GatewayModel.backendClientCertificate). */
  backendClientCertificate?: string | undefined;
  /**
   * For a TLS listener: its mode and the client's SNI, which decide what a TLSRoute backend
   * receives (the client's TLS stream, plaintext, or TLS the Gateway originates).
   */
  tls?: { mode: "Passthrough" | "Terminate"; clientSni: string };
}

export interface BuiltOutcome {
  outcome: RequestOutcome;
  filters: FilterStep[];
  /** Present when a backend behaviour was given: each attempt with its answer. */
  attempts?: BackendAttempt[];
}

const GRPC_CODE: Record<OutcomeKind, string> = {
  forwarded: "OK",
  redirect: "Unknown",
  "direct-response": "Unknown",
  "not-found": "Unimplemented",
  misdirected: "Unavailable",
  "backend-error": "Unavailable",
  "connection-refused": "Unavailable",
  unknown: "Unknown",
};

export function failureOutcome(
  kind: OutcomeKind,
  status: number,
  reason: string,
  grpc: boolean,
): RequestOutcome {
  const out: RequestOutcome = {
    kind,
    status,
    backends: [],
    responseHeaders: {},
    mirrors: [],
    reason,
  };
  if (grpc) out.grpcCode = GRPC_CODE[kind];
  return out;
}

function lowerKeys(h: Readonly<Record<string, string>> | undefined): Record<string, string> {
  const out: Record<string, string> = dict();
  for (const [k, v] of Object.entries(h ?? {})) out[k.toLowerCase()] = v;
  return out;
}

export function buildOutcome(
  winner: CompiledCandidate,
  req: NormalizedRequest,
  mode: OutcomeMode,
  draw: number,
  sim: Pick<SimRequest, "backendResponseHeaders" | "backendBehavior">,
): BuiltOutcome {
  const rule = winner.rule;
  const grpc = req.grpc !== undefined;
  const { listenerPort, l4 } = mode;
  const start: WorkingRequest = {
    scheme: req.scheme,
    method: req.method,
    host: req.host,
    path: req.path,
    query: req.query,
    headers: { ...req.headers },
  };
  const matchedPath = winner.entry.match.path;
  const ruleRun = runFilters(rule.filters, start, { level: "rule", listenerPort, matchedPath });
  const filters = [...ruleRun.steps];
  const backends = computeShares(rule.backendRefs);
  const where = `${winner.route.kind} ${winner.route.namespace}/${winner.route.name} rule ${rule.index}${rule.name !== undefined ? ` (${rule.name})` : ""}`;
  const finish = (
    kind: OutcomeKind,
    status: number,
    reason: string,
    extra: Partial<RequestOutcome> = {},
    responseBase: Record<string, string> = {},
    effects = ruleRun.response,
  ): BuiltOutcome => {
    const outcome: RequestOutcome = {
      kind,
      status,
      backends,
      responseHeaders: applyResponseEffects(responseBase, effects),
      mirrors: ruleRun.mirrors,
      reason,
      ...extra,
    };
    if (grpc) outcome.grpcCode = GRPC_CODE[kind];
    return { outcome, filters };
  };
  if (ruleRun.terminal !== undefined) {
    const t = ruleRun.terminal;
    return finish(
      t.kind,
      t.status,
      `${where}: ${t.reason}`,
      t.redirect !== undefined ? { backends: [], redirect: t.redirect } : { backends: [] },
    );
  }
  const index = pickIndex(rule.backendRefs, draw);
  if (index < 0)
    return finish(
      l4 ? "connection-refused" : "backend-error",
      l4 ? 0 : 500,
      `${where}: ${noBackendReason(rule.backendRefs) ?? "no backend can be picked"}`,
    );
  const ref = rule.backendRefs[index];
  const backend = backends[index];
  if (ref === undefined || backend === undefined)
    return finish("backend-error", 500, `${where}: no backend can be picked`);
  if (!ref.valid) {
    const share = formatShare(backend.share);
    return l4
      ? finish(
          "connection-refused",
          0,
          `${where}: the picked backendRef is invalid (${backend.reason ?? ""}); ${share} of connections are refused`,
          { backend },
        )
      : finish(
          "backend-error",
          500,
          `${where}: the picked backendRef is invalid (${backend.reason ?? ""}); ${share} of requests get 500`,
          { backend },
        );
  }
  const backendRun = runFilters(ref.filters, ruleRun.request, {
    level: "backend",
    listenerPort,
    matchedPath,
  });
  appendAll(filters, backendRun.steps);
  const effects = [...ruleRun.response, ...backendRun.response];
  const mirrors = [...ruleRun.mirrors, ...backendRun.mirrors];
  if (backendRun.terminal !== undefined) {
    const t = backendRun.terminal;
    return finish(
      t.kind,
      t.status,
      `${where}, backend ${backend.target}: ${t.reason}`,
      { backend, mirrors, ...(t.redirect !== undefined ? { redirect: t.redirect } : {}) },
      {},
      effects,
    );
  }
  const reason = `${where} forwards to ${backend.target} (${formatShare(backend.share)} of its traffic)${describeImplementationPick(ref)}`;
  // A raw TLS/TCP/UDP stream carries no HTTP request the simulator could show.
  const request = toForwarded(backendRun.request);
  // The hop to the backend is a new connection: plaintext unless a BackendTLSPolicy applies,
  // whatever scheme the client used on the listener (appProtocol h2c or ws stays plaintext too).
  const upgrade = request.scheme === "ws" || request.scheme === "wss";
  request.scheme = (upgrade ? "ws" : "http") + (ref.backendTLS !== undefined ? "s" : "");
  if (ref.backendTLS !== undefined) {
    request.backendTLS = { ...ref.backendTLS };
    if (mode.backendClientCertificate !== undefined)
      request.backendTLS.clientCertificate = mode.backendClientCertificate;
  }
  const forwarded =
    mode.forwardedStatus !== 0
      ? { backend, mirrors, request }
      : mode.tls !== undefined
        ? { backend, mirrors, backendStream: backendStreamOf(mode.tls, mode, ref) }
        : { backend, mirrors };
  if (sim.backendBehavior !== undefined && !l4) {
    const result = simulateBackendAttempts(rule, sim.backendBehavior);
    const built =
      result.status === 200
        ? finish(
            "forwarded",
            mode.forwardedStatus,
            `${reason}; ${result.detail}`,
            forwarded,
            lowerKeys(sim.backendResponseHeaders),
            effects,
          )
        : finish(
            "backend-error",
            result.status,
            `${reason}; ${result.detail}`,
            forwarded,
            {},
            effects,
          );
    return { ...built, attempts: result.attempts };
  }
  return finish(
    "forwarded",
    mode.forwardedStatus,
    reason,
    forwarded,
    lowerKeys(sim.backendResponseHeaders),
    effects,
  );
}

export function describeAttributes(rule: ResolvedRule, behaviorGiven: boolean): RuleAttribute[] {
  const out: RuleAttribute[] = [];
  if (rule.timeouts !== undefined) {
    const t = rule.timeouts;
    out.push({
      name: "timeouts",
      value:
        [
          t.request !== undefined ? `request ${t.request}` : "",
          t.backendRequest !== undefined ? `backendRequest ${t.backendRequest}` : "",
        ]
          .filter(Boolean)
          .join(", ") || "(empty)",
      note: behaviorGiven
        ? 'enforced against the described backend behaviour: on expiry the gateway answers 504 ("0s" disables)'
        : 'shown, not enforced: without a backend behaviour the backend answers at once; on expiry a gateway answers 504 ("0s" disables)',
    });
  }
  if (rule.retry !== undefined) {
    const r = rule.retry;
    out.push({
      name: "retry",
      value:
        [
          r.attempts !== undefined ? `attempts ${r.attempts}` : "",
          r.codes !== undefined ? `codes ${r.codes.join(",")}` : "",
          r.backoff !== undefined ? `backoff ${r.backoff}` : "",
        ]
          .filter(Boolean)
          .join(", ") || "(empty)",
      note: behaviorGiven
        ? "enforced against the described backend behaviour: attempts is the maximum number of retries"
        : "shown, not enforced: without a backend behaviour the backend never fails",
    });
  }
  if (rule.sessionPersistence !== undefined) {
    const s = rule.sessionPersistence;
    out.push({
      name: "sessionPersistence",
      value: [
        `type ${s.type ?? "Cookie"}`,
        s.sessionName !== undefined ? `name ${s.sessionName}` : "",
        s.absoluteTimeout !== undefined ? `absoluteTimeout ${s.absoluteTimeout}` : "",
      ]
        .filter(Boolean)
        .join(", "),
      note: "shown, not enforced: each simulated request is routed by weight as a first request without a session",
    });
  }
  return out;
}

/**
 * What the backend of a TLS listener receives (spec §3.7): Passthrough forwards the client's TLS
 * stream with its SNI; Terminate forwards plaintext, or re-encrypts when a BackendTLSPolicy
 * applies to the backend (its validation.hostname is the SNI). The Gateway originates no TLS on
 * Passthrough, so a policy on that backend has nothing to act on. (TCP/UDP listeners forward the
 * client's bytes unread, so there is nothing to say about them.)
 */
function backendStreamOf(
  tls: NonNullable<OutcomeMode["tls"]>,
  mode: OutcomeMode,
  ref: ResolvedBackendRef,
): NonNullable<RequestOutcome["backendStream"]> {
  if (tls.mode === "Passthrough") return { tls: true, sni: tls.clientSni, origin: "passthrough" };
  if (ref.backendTLS === undefined) return { tls: false };
  const stream: NonNullable<RequestOutcome["backendStream"]> = {
    tls: true,
    sni: ref.backendTLS.sni,
    origin: "BackendTLSPolicy",
  };
  if (mode.backendClientCertificate !== undefined)
    stream.clientCertificate = mode.backendClientCertificate;
  return stream;
}
