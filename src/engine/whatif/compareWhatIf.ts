/**
 * compareWhatIf: what changes if configuration `after` replaces `before`: the status a controller
 * would write, every saved request's outcome, and every mix's exact traffic. Deterministic: shares
 * come from the weights, never from sampling, so "90/10 becomes 50/50" is exact.
 */
import type { Router } from "../routing/router";
import { traceRequest } from "../simulate/traceRequest";
import type { ResolvedRoute, StatusReport } from "../types";
import { compareStatus } from "./compareStatus";
import { computeMixTraffic } from "./computeMixTraffic";
import { describeBucket } from "./describeBucket";
import { describeRequest } from "./describeRequest";
import { formatShare } from "../present/formatShare";
import { summarizeOutcome } from "./summarizeOutcome";
import type {
  BucketShare,
  MixChange,
  MixTraffic,
  OutcomeSummary,
  RequestChange,
  RequestMix,
  RequestProbe,
  WhatIfReport,
} from "./types";

/** One side of the comparison: an analysis' status and routes, and the Router compiled from it. */
export interface WhatIfSide {
  status: StatusReport;
  routes: readonly ResolvedRoute[];
  router: Router;
}

export interface WhatIfProbes {
  requests: readonly RequestProbe[];
  mixes: readonly RequestMix[];
}

/** Shares closer than this are equal (float sums of weights). */
const EPSILON = 1e-9;

export function compareWhatIf(
  before: WhatIfSide,
  after: WhatIfSide,
  probes: WhatIfProbes,
): WhatIfReport {
  return {
    statusChanges: compareStatus(before.status, after.status),
    requests: probes.requests.map((p) =>
      compareRequest(
        p,
        summarizeOutcome(traceRequest(before.router, p.request)),
        summarizeOutcome(traceRequest(after.router, p.request)),
      ),
    ),
    mixes: probes.mixes.map((m) =>
      compareMix(
        m,
        computeMixTraffic(before.router, before.routes, m),
        computeMixTraffic(after.router, after.routes, m),
      ),
    ),
  };
}

export function compareRequest(
  probe: RequestProbe,
  before: OutcomeSummary,
  after: OutcomeSummary,
): RequestChange {
  const label = describeRequest(probe.request);
  const changed = !isSameOutcome(before, after);
  return {
    id: probe.id,
    name: probe.name,
    label,
    before,
    after,
    changed,
    sentence: changed
      ? describeRequestChange(label, before, after)
      : `${label} still ends at ${before.text}`,
  };
}

function isSameOutcome(a: OutcomeSummary, b: OutcomeSummary): boolean {
  return (
    a.kind === b.kind &&
    a.status === b.status &&
    a.route === b.route &&
    a.ruleIndex === b.ruleIndex &&
    a.redirect === b.redirect &&
    a.backendRequest === b.backendRequest &&
    sameShares(a.shares, b.shares)
  );
}

function sameShares(a: readonly BucketShare[], b: readonly BucketShare[]): boolean {
  if (a.length !== b.length) return false;
  const other = new Map(b.map((s) => [s.bucket, s.share]));
  return a.every((s) => Math.abs((other.get(s.bucket) ?? -1) - s.share) < EPSILON);
}

function describeRequestChange(
  label: string,
  before: OutcomeSummary,
  after: OutcomeSummary,
): string {
  if (
    before.text === after.text &&
    before.backendRequest !== after.backendRequest &&
    before.backendRequest !== undefined &&
    after.backendRequest !== undefined
  ) {
    return `${label} still ends at ${after.text}, but the backend now receives ${after.backendRequest} (was ${before.backendRequest})`;
  }
  const sameTargets =
    before.shares.length > 1 &&
    before.shares.length === after.shares.length &&
    before.shares.every((s) => after.shares.some((t) => t.bucket === s.bucket));
  if (sameTargets) {
    const names = before.shares.map((s) => describeBucket(s.bucket)).join("/");
    const pct = (shares: readonly BucketShare[]) =>
      before.shares
        .map((s) =>
          formatShare(shares.find((t) => t.bucket === s.bucket)?.share ?? 0).replace("%", ""),
        )
        .join("/");
    return `${label}: ${names} ${pct(before.shares)} becomes ${pct(after.shares)}`;
  }
  if (before.text === after.text) {
    const where = (o: OutcomeSummary) =>
      o.route !== undefined ? `${o.route} rule ${o.ruleIndex ?? 0}` : "no route";
    return `${label} still ends at ${after.text}, now through ${where(after)} (was ${where(before)})`;
  }
  return `${label} moves from ${before.text} to ${after.text}`;
}

export function compareMix(mix: RequestMix, before: MixTraffic, after: MixTraffic): MixChange {
  const buckets = [
    ...new Set([...before.buckets.map((b) => b.bucket), ...after.buckets.map((b) => b.bucket)]),
  ];
  const shareIn = (t: MixTraffic, bucket: string) =>
    t.buckets.find((b) => b.bucket === bucket)?.share ?? 0;
  const deltas = buckets
    .map((bucket) => ({ bucket, before: shareIn(before, bucket), after: shareIn(after, bucket) }))
    .filter((d) => Math.abs(d.before - d.after) >= EPSILON);
  const changed = deltas.length > 0;
  const sentence = changed
    ? `mix ${mix.name}: ${deltas.map((d) => `${describeBucket(d.bucket)} ${formatShare(d.before)} → ${formatShare(d.after)}`).join(", ")}`
    : `mix ${mix.name}: traffic unchanged`;
  return { id: mix.id, name: mix.name, before, after, changed, deltas, sentence };
}
