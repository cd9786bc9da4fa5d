/**
 * Timeouts and retries against a described backend behaviour (spec §5, GEP-1731 and the
 * HTTPRouteRetry API docs): `backendRequest` bounds each attempt, `request` the whole transaction
 * including retries and backoff ("0s" disables either); `retry.attempts` is the maximum number of
 * retries. A response status is retried only when it is in `retry.codes`; a connection error (the
 * backend resets the connection) or an attempt cut off by `backendRequest` is retried whenever a
 * retry stanza exists, as the API says implementations SHOULD ("retry on connection errors
 * (disconnect, reset, timeout, TCP failure) if a retry stanza is configured"). `retry.backoff` is
 * waited between attempts. An expired timer answers 504; a connection error that is not retried
 * answers 503.
 */
import { parseDuration } from "../validate/parseDuration";
import type { ResolvedRule } from "../types";
import type { SimRequest } from "./types";

export interface BackendAttempt {
  attempt: number;
  status: number;
  detail: string;
}

export interface AttemptsResult {
  status: number;
  attempts: BackendAttempt[];
  detail: string;
}

/** What the client gets when the last attempt ended in a connection error. */
const CONNECTION_ERROR_STATUS = 503;

function timer(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const ms = parseDuration(value);
  return ms === undefined || ms === 0 ? undefined : ms;
}

function durationOr(value: string | undefined, fallback: number): number {
  return value !== undefined ? (parseDuration(value) ?? fallback) : fallback;
}

/** One attempt's result before the retry policy looks at it. */
interface AttemptResult {
  status: number;
  /** A transport failure (reset or per-try timeout), retried whenever a retry stanza exists. */
  transport: boolean;
  took: number;
  detail: string;
}

function runAttempt(
  n: number,
  rule: ResolvedRule,
  behavior: NonNullable<SimRequest["backendBehavior"]>,
  perTry: number | undefined,
): AttemptResult {
  const failing = n <= (behavior.failFirstAttempts ?? 0);
  const delay = durationOr(behavior.delay, 0);
  const takes = failing ? durationOr(behavior.failDelay, delay) : delay;
  const takesText = failing
    ? (behavior.failDelay ?? behavior.delay ?? "0s")
    : (behavior.delay ?? "0s");
  if (perTry !== undefined && takes > perTry) {
    return {
      status: 504,
      transport: true,
      took: perTry,
      detail: `backendRequest timeout ${rule.timeouts?.backendRequest ?? ""} fired before the backend answered (it takes ${takesText})`,
    };
  }
  if (failing && behavior.failConnection === true) {
    return {
      status: CONNECTION_ERROR_STATUS,
      transport: true,
      took: takes,
      detail: "the backend reset the connection",
    };
  }
  const status = failing ? (behavior.failStatus ?? 500) : 200;
  return {
    status,
    transport: false,
    took: takes,
    detail: `the backend answered ${status}`,
  };
}

export function simulateBackendAttempts(
  rule: ResolvedRule,
  behavior: NonNullable<SimRequest["backendBehavior"]>,
): AttemptsResult {
  const perTry = timer(rule.timeouts?.backendRequest);
  const total = timer(rule.timeouts?.request);
  const retries = rule.retry?.attempts ?? 0;
  const codes = new Set(rule.retry?.codes ?? []);
  const backoff = durationOr(rule.retry?.backoff, 0);
  const attempts: BackendAttempt[] = [];
  const requestTimeout = (n: number, at: number, why: string): AttemptsResult => {
    attempts.push({
      attempt: n,
      status: 504,
      detail: `request timeout ${rule.timeouts?.request ?? ""} fired ${why} (${at}ms)`,
    });
    return {
      status: 504,
      attempts,
      detail: `the request timeout (${rule.timeouts?.request ?? ""}) expired: 504`,
    };
  };
  let elapsed = 0;
  for (let n = 1; ; n++) {
    if (n > 1) elapsed += backoff;
    // The deadline covers retries too: an attempt that would start at or after it is never sent.
    if (n > 1 && total !== undefined && elapsed >= total)
      return requestTimeout(n, elapsed, "before this retry could be sent");
    const result = runAttempt(n, rule, behavior, perTry);
    elapsed += result.took;
    if (total !== undefined && elapsed > total)
      return requestTimeout(n, elapsed, "while this attempt was in flight");
    attempts.push({ attempt: n, status: result.status, detail: result.detail });
    const status = result.status;
    if (status === 200)
      return {
        status,
        attempts,
        detail:
          n === 1
            ? "the backend answered 200"
            : `succeeded on attempt ${n} after ${n - 1} retr${n === 2 ? "y" : "ies"}`,
      };
    if (rule.retry === undefined)
      return {
        status,
        attempts,
        detail: `${result.detail} and the rule has no retry`,
      };
    if (!result.transport && !codes.has(status))
      return {
        status,
        attempts,
        detail: `${status} is not in retry.codes [${[...codes].join(", ")}], so it is not retried`,
      };
    if (n > retries)
      return {
        status,
        attempts,
        detail: `still failing (${result.detail}) after ${retries} retr${retries === 1 ? "y" : "ies"} (retry.attempts ${retries}): the client gets ${status}`,
      };
  }
}
