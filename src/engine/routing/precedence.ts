/**
 * Route precedence inside one virtual host (spec §3.4; GRPCRoute §3.6). The hostname keys of the
 * spec are not here because gwsim partitions by virtual host first (Envoy's model): a request
 * only ever sees the candidates of the most specific hostname that covers it.
 */
import type { RouteKind } from "../api/kinds";
import { creationTime } from "../resolve/compareByAge";

export interface RankKey {
  kind: RouteKind;
  /** Exact 3, RegularExpression 2, PathPrefix 1 (HTTPRoute). */
  pathTypeRank: number;
  /** Path value length (PathPrefix without its trailing "/"), or regex pattern length. */
  pathLength: number;
  hasMethod: boolean;
  headerCount: number;
  queryCount: number;
  /** GRPCRoute: characters in the service and method of the match. */
  grpcServiceChars: number;
  grpcMethodChars: number;
  creationTimestamp: string | undefined;
  /** creationTimestamp in ms since the epoch (+Infinity when missing or unparsable), parsed once for sorting. */
  createdAt: number;
  /** "namespace/name" */
  nsName: string;
  ruleIndex: number;
  matchIndex: number;
}

export type TieBreakStep =
  | "path type"
  | "path length"
  | "method"
  | "header count"
  | "query-param count"
  | "gRPC service"
  | "gRPC method"
  | "route age"
  | "route name"
  | "rule order"
  | "match order"
  | "identical";

export interface TieBreak {
  step: TieBreakStep;
  /** One sentence: why the first candidate ranks above the second. */
  detail: string;
}

const PATH_TYPE_NAME: Record<number, string> = {
  3: "Exact",
  2: "RegularExpression",
  1: "PathPrefix",
};

export function timeValue(ts: string | undefined): number {
  return creationTime(ts);
}

/**
 * Explains the first key on which `a` and `b` differ, from `a`'s point of view: `order < 0` means
 * `a` ranks first. Keys in spec order; for HTTPRoute the Envoy Gateway choice of ranking
 * RegularExpression between Exact and PathPrefix (longer patterns first).
 */
export function compareRank(a: RankKey, b: RankKey): { order: number; tieBreak: TieBreak } {
  for (const [step, diff, explain] of rankSteps(a, b)) {
    if (diff !== 0)
      return { order: diff, tieBreak: { step, detail: diff < 0 ? explain(a, b) : explain(b, a) } };
  }
  return { order: 0, tieBreak: { step: "identical", detail: "the two candidates rank the same" } };
}

type Step = [TieBreakStep, number, (w: RankKey, l: RankKey) => string];

function rankSteps(a: RankKey, b: RankKey): Step[] {
  const steps: Step[] = [];
  if (a.kind === "HTTPRoute" || b.kind === "HTTPRoute") {
    steps.push(
      [
        "path type",
        b.pathTypeRank - a.pathTypeRank,
        (w, l) =>
          `${PATH_TYPE_NAME[w.pathTypeRank] ?? "?"} ranks above ${PATH_TYPE_NAME[l.pathTypeRank] ?? "?"}`,
      ],
      [
        "path length",
        b.pathLength - a.pathLength,
        (w, l) =>
          `a longer path (${w.pathLength} characters) ranks above a shorter one (${l.pathLength})`,
      ],
      [
        "method",
        Number(b.hasMethod) - Number(a.hasMethod),
        () => "a match with a method ranks above one without",
      ],
      [
        "header count",
        b.headerCount - a.headerCount,
        (w, l) => `more header matches (${w.headerCount}) rank above fewer (${l.headerCount})`,
      ],
      [
        "query-param count",
        b.queryCount - a.queryCount,
        (w, l) => `more query-param matches (${w.queryCount}) rank above fewer (${l.queryCount})`,
      ],
    );
  }
  if (a.kind === "GRPCRoute" || b.kind === "GRPCRoute") {
    steps.push(
      [
        "gRPC service",
        b.grpcServiceChars - a.grpcServiceChars,
        (w, l) =>
          `more characters in the service (${w.grpcServiceChars}) rank above fewer (${l.grpcServiceChars})`,
      ],
      [
        "gRPC method",
        b.grpcMethodChars - a.grpcMethodChars,
        (w, l) =>
          `more characters in the method (${w.grpcMethodChars}) rank above fewer (${l.grpcMethodChars})`,
      ],
      [
        "header count",
        b.headerCount - a.headerCount,
        (w, l) => `more header matches (${w.headerCount}) rank above fewer (${l.headerCount})`,
      ],
    );
  }
  const ta = timeValue(a.creationTimestamp);
  const tb = timeValue(b.creationTimestamp);
  steps.push(
    [
      "route age",
      ta === tb ? 0 : ta < tb ? -1 : 1,
      (w, l) =>
        l.creationTimestamp === undefined
          ? `a route with a creationTimestamp (${w.creationTimestamp ?? ""}) ranks above one without`
          : `the older route (created ${w.creationTimestamp ?? ""}) ranks above the newer (${l.creationTimestamp})`,
    ],
    [
      "route name",
      a.nsName === b.nsName ? 0 : a.nsName < b.nsName ? -1 : 1,
      (w, l) => `${w.nsName} comes before ${l.nsName} alphabetically`,
    ],
    [
      "rule order",
      a.ruleIndex - b.ruleIndex,
      (w, l) => `rule ${w.ruleIndex} comes before rule ${l.ruleIndex} in the route`,
    ],
    [
      "match order",
      a.matchIndex - b.matchIndex,
      (w, l) => `match ${w.matchIndex} comes before match ${l.matchIndex} in the rule`,
    ],
  );
  return steps;
}

/** Sorting comparator: the same keys as compareRank without building explanations. */
export function compareRankOrder(a: RankKey, b: RankKey): number {
  if (a.kind === "HTTPRoute" || b.kind === "HTTPRoute") {
    const d =
      b.pathTypeRank - a.pathTypeRank ||
      b.pathLength - a.pathLength ||
      Number(b.hasMethod) - Number(a.hasMethod) ||
      b.headerCount - a.headerCount ||
      b.queryCount - a.queryCount;
    if (d !== 0) return d;
  }
  if (a.kind === "GRPCRoute" || b.kind === "GRPCRoute") {
    const d =
      b.grpcServiceChars - a.grpcServiceChars ||
      b.grpcMethodChars - a.grpcMethodChars ||
      b.headerCount - a.headerCount;
    if (d !== 0) return d;
  }
  const ta = a.createdAt;
  const tb = b.createdAt;
  if (ta !== tb) return ta < tb ? -1 : 1;
  if (a.nsName !== b.nsName) return a.nsName < b.nsName ? -1 : 1;
  return a.ruleIndex - b.ruleIndex || a.matchIndex - b.matchIndex;
}
