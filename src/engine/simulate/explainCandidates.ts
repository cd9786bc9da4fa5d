/**
 * The slow, explaining twin of findCandidate: evaluates every condition of every candidate in
 * the virtual host (all of them, so each loser shows every reason it lost) and names the winner
 * and the tie-break that put it above the next matching candidate.
 */
import { matchGrpcMethod } from "../match/grpc";
import { matchHeaders } from "../match/headers";
import { matchMethod } from "../match/method";
import { matchPath } from "../match/path";
import { matchQueryParams } from "../match/query";
import { compareRank } from "../routing/precedence";
import { describeReading } from "../readings/readings";
import type { CompiledCandidate, CompiledVirtualHost } from "../routing/router";
import type { RouteKind } from "../api/kinds";
import type { MatchContext } from "./findCandidate";
import type {
  CandidateCondition,
  CandidateConsideration,
  CandidateRef,
  RequestTrace,
} from "./traceTypes";

export interface CandidateExplanation {
  candidates: CandidateConsideration[];
  winner: CompiledCandidate | undefined;
  tieBreak: RequestTrace["tieBreak"];
}

export function candidateRef(c: CompiledCandidate): CandidateRef {
  const ref: CandidateRef = {
    rank: c.entry.rank,
    routeKind: c.rank.kind,
    route: c.route.key,
    ruleIndex: c.entry.ruleIndex,
    matchIndex: c.entry.matchIndex,
  };
  if (c.entry.ruleName !== undefined) ref.ruleName = c.entry.ruleName;
  return ref;
}

function conditionsOf(c: CompiledCandidate, ctx: MatchContext): CandidateCondition[] {
  const out: CandidateCondition[] = [];
  if (c.rank.kind === "HTTPRoute") {
    out.push({ condition: "path", ...matchPath(c.path, ctx.path) });
    if (c.method !== undefined)
      out.push({ condition: "method", ...matchMethod(c.method, ctx.method) });
    if (c.headers.length > 0)
      out.push({ condition: "headers", ...matchHeaders(c.headers, ctx.headers) });
    if (c.query.length > 0)
      out.push({ condition: "queryParams", ...matchQueryParams(c.query, ctx.queryParams) });
  } else if (c.rank.kind === "GRPCRoute") {
    if (c.grpc !== undefined || ctx.grpc === undefined)
      out.push({ condition: "grpcMethod", ...matchGrpcMethod(c.grpc, ctx.grpc) });
    if (c.headers.length > 0)
      out.push({ condition: "headers", ...matchHeaders(c.headers, ctx.headers) });
  }
  return out;
}

/** The route kinds this request may use, in the order they are tried. */
export function kindsFor(scheme: string, grpc: boolean): RouteKind[] {
  if (scheme === "tls") return ["TLSRoute"];
  if (scheme === "tcp") return ["TCPRoute"];
  if (scheme === "udp") return ["UDPRoute"];
  return grpc ? ["GRPCRoute", "HTTPRoute"] : ["HTTPRoute"];
}

export function explainCandidates(
  vhost: CompiledVirtualHost,
  ctx: MatchContext,
  kinds: readonly RouteKind[],
): CandidateExplanation {
  const candidates: CandidateConsideration[] = [];
  const passingByKind = new Map<RouteKind, CompiledCandidate[]>();
  for (const c of vhost.all) {
    const conditions = conditionsOf(c, ctx);
    const pass = conditions.every((x) => x.pass);
    const item: CandidateConsideration = {
      ...candidateRef(c),
      match: c.entry.match,
      pass,
      conditions,
    };
    if (!kinds.includes(c.rank.kind))
      item.skipped = `${c.rank.kind} does not serve ${ctx.grpc !== undefined ? "gRPC calls" : "this request"}`;
    else if (c.entry.shadowedBy !== undefined)
      item.skipped = `shadowed by the older ${c.entry.shadowedBy}${sharedBy(vhost)}`;
    else if (pass) {
      const list = passingByKind.get(c.rank.kind) ?? [];
      list.push(c);
      passingByKind.set(c.rank.kind, list);
    }
    candidates.push(item);
  }
  for (const kind of kinds) {
    const [winner, runnerUp] = passingByKind.get(kind) ?? [];
    if (winner === undefined) continue;
    if (runnerUp === undefined) return { candidates, winner, tieBreak: undefined };
    const { tieBreak } = compareRank(winner.rank, runnerUp.rank);
    if (winner.route.key !== runnerUp.route.key) tieBreak.detail += sharedBy(vhost);
    return { candidates, winner, tieBreak: { runnerUp: candidateRef(runnerUp), ...tieBreak } };
  }
  return { candidates, winner: undefined, tieBreak: undefined };
}

const SHARED_BY_INTERSECTION = describeReading(
  "GatewayRouteHostnameIntersectionPrecedence",
  "intersected-hostname",
);

/** When a reading put routes with different own hostnames in one virtual host, it decided that they compete. */
function sharedBy(vhost: CompiledVirtualHost): string {
  return vhost.readingNote !== undefined && vhost.readingNote.reading === SHARED_BY_INTERSECTION
    ? ` (the two compete in one virtual host by ${vhost.readingNote.reading})`
    : "";
}
