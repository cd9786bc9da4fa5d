/**
 * A compact, printable view of a RequestOutcome in the vocabulary of the case files, used as
 * `got` in results and in failure messages.
 */
import type { RequestOutcome } from "../simulate/types";
import { dict } from "../collections/dict";

export interface OutcomeSummary {
  kind: string;
  status: number;
  grpcCode?: string;
  /** "ns/svc" (or "none") → percent of requests, summed over ports. */
  backends: Record<string, number>;
  redirect?: string;
  request?: { method: string; host: string; path: string; headers: Record<string, string> };
  responseHeaders: Record<string, string>;
  mirrors: Record<string, number>;
  reason: string;
}

export function summarizeOutcome(outcome: RequestOutcome): OutcomeSummary {
  const summary: OutcomeSummary = {
    kind: outcome.kind,
    status: outcome.status,
    backends: backendPercents(outcome),
    responseHeaders: outcome.responseHeaders,
    mirrors: Object.fromEntries(
      outcome.mirrors.map((m) => [`${m.namespace}/${m.name}`, m.percent]),
    ),
    reason: outcome.reason,
  };
  if (outcome.grpcCode !== undefined) summary.grpcCode = outcome.grpcCode;
  if (outcome.redirect)
    summary.redirect = `${outcome.redirect.status} ${outcome.redirect.location}`;
  if (outcome.request) {
    const { method, host, path, headers } = outcome.request;
    summary.request = { method, host, path, headers };
  }
  return summary;
}

/** Shares keyed "ns/svc" in percent; a share without a valid backend is keyed "none". */
export function backendPercents(outcome: RequestOutcome): Record<string, number> {
  const out: Record<string, number> = dict();
  for (const b of outcome.backends) {
    const key =
      b.target === "none" || b.namespace === undefined || b.name === undefined
        ? "none"
        : `${b.namespace}/${b.name}`;
    out[key] = roundPercent((out[key] ?? 0) + b.share * 100);
  }
  return out;
}

/** Rounds away float noise (1/3 * 100) without hiding real differences. */
export function roundPercent(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
