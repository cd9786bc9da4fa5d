/**
 * summarizeOutcome: the part of a request's trace that a configuration change can move (listener,
 * route and rule, exact backend shares, status), with a one-line rendering.
 */
import type { RequestTrace } from "../simulate/traceTypes";
import type { RequestOutcome } from "../simulate/types";
import { describeBucket } from "./describeBucket";
import { formatShare } from "../present/formatShare";
import type { BucketShare, OutcomeSummary } from "./types";

export function summarizeOutcome(trace: RequestTrace): OutcomeSummary {
  const o = trace.outcome;
  const shares = outcomeShares(o);
  const summary: OutcomeSummary = {
    kind: o.kind,
    status: o.status,
    shares,
    text: describeShares(o, shares),
  };
  if (trace.winner !== undefined) {
    summary.route = trace.winner.route;
    summary.ruleIndex = trace.winner.ruleIndex;
  }
  if (trace.listener !== undefined)
    summary.listener = `${trace.listener.gateway.split("/").slice(1).join("/")}/${trace.listener.name}`;
  if (o.redirect !== undefined) summary.redirect = `${o.redirect.status} ${o.redirect.location}`;
  if (o.request !== undefined && o.kind === "forwarded")
    summary.backendRequest = `${o.request.method} ${o.request.host}${o.request.path}`;
  return summary;
}

/** Exact shares per bucket; backends with weight 0 are left out, equal targets merged. */
export function outcomeShares(o: RequestOutcome): BucketShare[] {
  if ((o.kind === "forwarded" || o.kind === "backend-error") && o.backends.length > 0) {
    const merged = new Map<string, number>();
    for (const b of o.backends)
      if (b.share > 0) merged.set(b.target, (merged.get(b.target) ?? 0) + b.share);
    if (merged.size > 0) return [...merged].map(([bucket, share]) => ({ bucket, share }));
  }
  return [{ bucket: statusBucket(o.kind, o.status), share: 1 }];
}

export function statusBucket(kind: string, status: number): string {
  return `status:${status === 0 ? "no response" : status} ${kind}`;
}

function describeShares(o: RequestOutcome, shares: readonly BucketShare[]): string {
  if (o.kind === "redirect" && o.redirect !== undefined)
    return `${o.redirect.status} → ${o.redirect.location}`;
  if (shares.length === 1 && shares[0]?.bucket.startsWith("status:"))
    return describeBucket(shares[0].bucket);
  if (shares.length === 1 && shares[0] !== undefined) return describeBucket(shares[0].bucket);
  return shares.map((s) => `${describeBucket(s.bucket)} ${formatShare(s.share)}`).join(" · ");
}
