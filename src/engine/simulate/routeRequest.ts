/**
 * The fast path: the same decisions as traceRequest (listener, virtual host, candidate, filters
 * that answer, weighted pick) without building any explanation. For sampling and benchmarks.
 */
import { normalizeHost } from "../match/hostname";
import { normalizePath } from "../match/normalizePath";
import type { CompiledCandidate, CompiledGateway, Router } from "../routing/router";
import type { ResourceKey } from "../api/keys";
import type { ResolvedFilter } from "../types";
import { simulateBackendAttempts } from "./backendAttempts";
import { answerPreflight, isPreflight } from "./cors";
import { MatchContext, candidateAt, findGrpcCandidate, findHttpRecord } from "./findCandidate";
import {
  FLAG_DIRECT,
  REC_BACKEND_LIST,
  REC_BACKENDS,
  REC_FLAGS,
  REC_MATCH,
  REC_ROUTE,
  REC_RULE,
  REC_TOTAL_WEIGHT,
} from "../routing/packedPathIndex";
import { splitPathAndQuery } from "./normalizeRequest";
import { meshDefaultTarget, selectMeshRoutes } from "./traceMeshRequest";
import type { MeshRouter } from "../routing/compileMeshRouter";
import { kindsFor } from "./explainCandidates";
import { findListener, selectGateway, selectListener } from "./selectListener";
import type { OutcomeKind, SimRequest } from "./types";
import { drawFor, pickWeighted } from "./weights";
import { implementationFilter } from "./runFilters";
import { dict } from "../collections/dict";

export interface RouteResult {
  kind: OutcomeKind;
  status: number;
  grpcCode?: string;
  route?: ResourceKey;
  ruleIndex?: number;
  matchIndex?: number;
  /** The picked backend's target ("namespace/name:port"), or "none" when the pick is invalid or impossible. */
  backend?: string;
}

export interface RouteOptions {
  seed?: number;
  sample?: number;
  /** A uniform draw in [0, 1) to use instead of (seed, sample). */
  draw?: number;
}

const DEFAULT_PORT: Partial<Record<SimRequest["scheme"], number>> = {
  http: 80,
  https: 443,
  tls: 443,
};

/** Reused by every call: routeRequest is synchronous, so one context is never shared by two requests. */
const context = new MatchContext("/", "", "GET", undefined, undefined);

function fail(kind: OutcomeKind, status: number, grpc: boolean): RouteResult {
  return withGrpc({ kind, status }, grpc);
}

export function routeRequest(router: Router, req: SimRequest, options?: RouteOptions): RouteResult {
  if (req.mesh !== undefined) return routeMesh(router.mesh, req, options);
  const grpc = req.grpc !== undefined;
  const port = req.port ?? DEFAULT_PORT[req.scheme];
  if (port === undefined) return fail("connection-refused", 0, grpc);
  const gateway = req.gateway !== undefined ? router.gateways.get(req.gateway) : undefined;
  const gw = gateway ?? chooseGateway(router, req.gateway, port, req.scheme);
  if (gw === undefined) return fail("connection-refused", 0, grpc);
  const hostname = req.host === undefined ? "" : normalizeHost(req.host);
  const sni =
    req.scheme === "https" || req.scheme === "tls"
      ? req.sni !== undefined
        ? normalizeHost(req.sni)
        : hostname
      : undefined;
  const listener = findListener(gw, port, req.scheme, hostname, sni);
  if (listener === undefined) {
    const sel = selectListener(gw, { port, scheme: req.scheme, hostname, sni, grpc });
    return sel.ok ? fail("connection-refused", 0, grpc) : fail(sel.kind, sel.status, grpc);
  }
  const viaTls = listener.model.protocol === "TLS";
  const l4 = viaTls || req.scheme === "tcp" || req.scheme === "udp";
  const host = listener.hostIndexes.lookup(viaTls ? (sni ?? "") : l4 ? "" : hostname);
  if (host === undefined)
    return l4 ? fail("connection-refused", 0, false) : fail("not-found", 404, grpc);
  let winner: CompiledCandidate | undefined;
  let method = req.method ?? "GET";
  if (l4) {
    const kind = viaTls ? "TLSRoute" : req.scheme === "tcp" ? "TCPRoute" : "UDPRoute";
    const l4Routes = listener.virtualHostList[host]?.l4;
    winner = l4Routes?.find((c) => c.route.kind === kind);
    // A TCPRoute sits on a TLS listener only under tcpRouteOnTlsTerminate=accepted: it takes the
    // decrypted connections no TLSRoute serves.
    if (winner === undefined && viaTls) winner = l4Routes?.find((c) => c.route.kind === "TCPRoute");
    if (winner === undefined) return fail("connection-refused", 0, false);
  } else {
    const raw =
      grpc && req.grpc !== undefined
        ? `/${req.grpc.service}/${req.grpc.method}`
        : (req.path ?? "/");
    if (grpc) method = "POST";
    // Most request paths need no split or normalization: one pass checks that and hashes them.
    if (context.probes.scan(raw)) {
      context.reset(raw, "", method, req.headers, req.grpc).hashed = true;
    } else {
      const split = splitPathAndQuery(raw);
      context.reset(
        normalizePath(raw.slice(0, split.end) || "/"),
        split.query,
        method,
        req.headers,
        req.grpc,
      );
    }
    // gRPC calls try GRPCRoutes first, then HTTPRoutes (a call is an HTTP/2 POST /service/method).
    if (grpc) winner = findGrpcCandidate(listener.virtualHostList[host]?.grpc ?? [], context);
    if (winner === undefined) {
      const paths = listener.paths;
      const rec = findHttpRecord(paths, host, context);
      if (rec < 0) return fail("not-found", 404, grpc);
      const records = paths.records;
      // The common case answers from the record alone, without touching the candidate object.
      if (
        ((records[rec + REC_FLAGS] as number) & FLAG_DIRECT) !== 0 &&
        req.backendBehavior === undefined
      ) {
        const count = records[rec + REC_BACKENDS] as number;
        // With a single positive weight every draw picks the same backendRef: no draw needed.
        const pair =
          count === 1
            ? 0
            : pickWeightedPair(
                records,
                rec + REC_BACKEND_LIST,
                count,
                records[rec + REC_TOTAL_WEIGHT] as number,
                options?.draw ?? drawFor(options?.seed ?? 0, options?.sample ?? 0),
              );
        return withGrpc(
          {
            kind: "forwarded",
            status: req.scheme === "http" || req.scheme === "https" ? 200 : 0,
            route: paths.routeKeys[records[rec + REC_ROUTE] as number] as ResourceKey,
            ruleIndex: records[rec + REC_RULE] as number,
            matchIndex: records[rec + REC_MATCH] as number,
            backend: paths.targets[
              records[rec + REC_BACKEND_LIST + 2 * pair + 1] as number
            ] as string,
          },
          grpc,
        );
      }
      winner = candidateAt(paths, rec);
    }
  }
  return finishRoute(winner, req, method, l4, grpc, options);
}

/** After the winner: filters that answer, the weighted pick, backend filters, backend behaviour. */
function finishRoute(
  winner: CompiledCandidate,
  req: SimRequest,
  method: string,
  l4: boolean,
  grpc: boolean,
  options: RouteOptions | undefined,
): RouteResult {
  const route = winner.routeKey;
  const ruleIndex = winner.ruleIndex;
  const matchIndex = winner.matchIndex;
  if (winner.mayAnswer) {
    const answered = answeringFilter(winner.rule.filters, method, req.headers);
    if (answered !== undefined)
      return withGrpc(
        { kind: answered.kind, status: answered.status, route, ruleIndex, matchIndex },
        grpc,
      );
  }
  const fast = winner.fast;
  // With a single positive weight every draw picks the same backendRef: no draw needed.
  const index =
    winner.onlyBackend >= 0
      ? winner.onlyBackend
      : pickWeighted(
          fast.weights,
          options?.draw ?? drawFor(options?.seed ?? 0, options?.sample ?? 0),
        );
  const target = index < 0 ? undefined : fast.targets[index];
  if (target === undefined) {
    return withGrpc(
      l4
        ? { kind: "connection-refused", status: 0, route, ruleIndex, matchIndex, backend: "none" }
        : { kind: "backend-error", status: 500, route, ruleIndex, matchIndex, backend: "none" },
      grpc,
    );
  }
  if (fast.backendMayAnswer[index] === true) {
    const backendAnswer = answeringFilter(
      winner.rule.backendRefs[index]?.filters ?? [],
      method,
      req.headers,
    );
    if (backendAnswer !== undefined)
      return withGrpc(
        {
          kind: backendAnswer.kind,
          status: backendAnswer.status,
          route,
          ruleIndex,
          matchIndex,
          backend: target,
        },
        grpc,
      );
  }
  if (req.backendBehavior !== undefined && !l4) {
    const status = simulateBackendAttempts(winner.rule, req.backendBehavior).status;
    if (status !== 200)
      return withGrpc(
        { kind: "backend-error", status, route, ruleIndex, matchIndex, backend: target },
        grpc,
      );
  }
  return withGrpc(
    {
      kind: "forwarded",
      status: req.scheme === "http" || req.scheme === "https" ? 200 : 0,
      route,
      ruleIndex,
      matchIndex,
      backend: target,
    },
    grpc,
  );
}

/** Gateway choice for requests that do not name one exactly; memoized per Router (it never changes). */
const chosenGateways = new WeakMap<Router, Map<string, CompiledGateway | undefined>>();

function chooseGateway(
  router: Router,
  name: string | undefined,
  port: number,
  scheme: SimRequest["scheme"],
): CompiledGateway | undefined {
  let memo = chosenGateways.get(router);
  if (memo === undefined) chosenGateways.set(router, (memo = new Map()));
  const key = `${name ?? ""}\u0000${port}\u0000${scheme}`;
  if (memo.has(key)) return memo.get(key);
  const s = selectGateway(router, name, port, scheme);
  const gw = s.ok ? s.gateway : undefined;
  memo.set(key, gw);
  return gw;
}

const GRPC_CODE: Partial<Record<OutcomeKind, string>> = {
  forwarded: "OK",
  "not-found": "Unimplemented",
  "backend-error": "Unavailable",
  "connection-refused": "Unavailable",
  misdirected: "Unavailable",
  unknown: "Unknown",
};

function withGrpc(r: RouteResult, grpc: boolean): RouteResult {
  if (grpc) r.grpcCode = GRPC_CODE[r.kind] ?? "Unknown";
  return r;
}

/**
 * pickWeighted over a record's (weight, target) pairs, which hold only positive weights in
 * backendRef order: the same walk, so both paths pick the same backend for the same draw.
 */
function pickWeightedPair(
  records: Int32Array,
  at: number,
  count: number,
  total: number,
  draw: number,
): number {
  // Records hold totals up to 2^21, so for a 32-bit draw this walk is exact; any other draw takes
  // the exact walk of weights.ts, so both paths always agree.
  if (!Number.isInteger(draw * 4294967296)) {
    const weights: number[] = [];
    for (let i = 0; i < count; i++) weights.push(records[at + 2 * i] as number);
    return Math.max(0, pickWeighted(weights, draw));
  }
  let r = draw * total;
  for (let i = 0; i < count; i++) {
    const w = records[at + 2 * i] as number;
    if (r < w) return i;
    r -= w;
  }
  return count - 1;
}

/** The first filter that answers the request itself, in list order (redirect, CORS preflight, unsimulated). */
function answeringFilter(
  filters: readonly ResolvedFilter[],
  method: string,
  headers: Readonly<Record<string, string>> | undefined,
): { kind: OutcomeKind; status: number } | undefined {
  for (const rf of filters) {
    const filter = rf.filter;
    switch (filter.type) {
      case "RequestHeaderModifier":
      case "ResponseHeaderModifier":
      case "URLRewrite":
      case "RequestMirror":
        continue;
      case "RequestRedirect":
        return { kind: "redirect", status: filter.requestRedirect?.statusCode ?? 302 };
      case "CORS": {
        if (method !== "OPTIONS" || headers === undefined) continue;
        const lower: Record<string, string> = dict();
        for (const [k, v] of Object.entries(headers)) lower[k.toLowerCase()] = v;
        if (!isPreflight(method, lower)) continue;
        return {
          kind: "direct-response",
          status: answerPreflight(filter.cors ?? {}, lower).allowed ? 200 : 403,
        };
      }
      default:
        // As runFilters: an implementation-specific filter gwsim does not run.
        return implementationFilter(rf) !== undefined
          ? { kind: "unknown", status: 0 }
          : { kind: "backend-error", status: 500 };
    }
  }
  return undefined;
}

/** The fast path's answer for one (client, Service, port, kinds): default target, refusal, or the routes that serve. */
type MeshChoice =
  | { kind: "refused" }
  | { kind: "default"; target: string }
  | { kind: "routes"; routes: ResourceKey[] };

/** Memoized selections per mesh router; cleared when full, since keys come from requests. */
const MAX_MESH_SELECTIONS = 4096;

function meshChoice(mesh: MeshRouter, req: SimRequest, port: number, grpc: boolean): MeshChoice {
  const key = `${req.mesh?.clientNamespace ?? ""}\u0000${req.mesh?.service ?? ""}\u0000${port}\u0000${req.scheme}\u0000${grpc ? 1 : 0}`;
  const hit = mesh.selections.get(key) as MeshChoice | undefined;
  if (hit !== undefined) return hit;
  const sel = selectMeshRoutes(mesh, req, port, kindsFor(req.scheme, grpc));
  const choice: MeshChoice = !sel.ok
    ? { kind: "refused" }
    : sel.trace.defaultRouting
      ? { kind: "default", target: meshDefaultTarget(sel.trace) }
      : { kind: "routes", routes: sel.routes };
  if (mesh.selections.size >= MAX_MESH_SELECTIONS) mesh.selections.clear();
  mesh.selections.set(key, choice);
  return choice;
}

/** routeRequest for a mesh request: the same decisions as traceMeshRequest, without explanations. */
function routeMesh(
  mesh: MeshRouter,
  req: SimRequest,
  options: RouteOptions | undefined,
): RouteResult {
  const grpc = req.grpc !== undefined;
  const port = req.port ?? DEFAULT_PORT[req.scheme];
  if (port === undefined) return fail("connection-refused", 0, grpc);
  const l4 = req.scheme === "tcp" || req.scheme === "udp" || req.scheme === "tls";
  const choice = meshChoice(mesh, req, port, grpc);
  if (choice.kind === "refused") return fail("connection-refused", 0, grpc);
  if (choice.kind === "default")
    return withGrpc({ kind: "forwarded", status: l4 ? 0 : 200, backend: choice.target }, grpc);
  const vhost = mesh.virtualHostFor(choice.routes);
  let winner: CompiledCandidate | undefined;
  let method = req.method ?? "GET";
  if (l4) {
    winner = vhost.l4.find(
      (c) =>
        c.route.kind ===
        (req.scheme === "tcp" ? "TCPRoute" : req.scheme === "udp" ? "UDPRoute" : "TLSRoute"),
    );
    if (winner === undefined) return fail("connection-refused", 0, false);
  } else {
    const raw =
      grpc && req.grpc !== undefined
        ? `/${req.grpc.service}/${req.grpc.method}`
        : (req.path ?? "/");
    if (grpc) method = "POST";
    const split = splitPathAndQuery(raw);
    context.reset(
      normalizePath(raw.slice(0, split.end) || "/"),
      split.query,
      method,
      req.headers,
      req.grpc,
    );
    if (grpc) winner = findGrpcCandidate(vhost.grpc, context);
    if (winner === undefined) {
      const paths = mesh.pathIndexFor(choice.routes);
      const rec = findHttpRecord(paths, 0, context);
      if (rec < 0) return fail("not-found", 404, grpc);
      winner = candidateAt(paths, rec);
    }
  }
  return finishRoute(winner, req, method, l4, grpc, options);
}
