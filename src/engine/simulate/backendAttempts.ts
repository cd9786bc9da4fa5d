/**
 * Timeouts and retries against a described backend behaviour (spec §5): `backendRequest` bounds
 * each attempt, `request` the whole transaction including retries ("0s" disables either);
 * `retry.attempts` is the maximum number of retries, and only the listed codes are retried.
 * An expired timer answers 504.
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

function timer(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const ms = parseDuration(value);
  return ms === undefined || ms === 0 ? undefined : ms;
}

export function simulateBackendAttempts(
  rule: ResolvedRule,
  behavior: NonNullable<SimRequest["backendBehavior"]>,
): AttemptsResult {
  const delay = behavior.delay !== undefined ? (parseDuration(behavior.delay) ?? 0) : 0;
  const failFirst = behavior.failFirstAttempts ?? 0;
  const failStatus = behavior.failStatus ?? 500;
  const perTry = timer(rule.timeouts?.backendRequest);
  const total = timer(rule.timeouts?.request);
  const retries = rule.retry?.attempts ?? 0;
  const codes = new Set(rule.retry?.codes ?? []);
  const attempts: BackendAttempt[] = [];
  let elapsed = 0;
  for (let n = 1; ; n++) {
    let status: number;
    let detail: string;
    if (perTry !== undefined && delay > perTry) {
      elapsed += perTry;
      status = 504;
      detail = `backendRequest timeout ${rule.timeouts?.backendRequest ?? ""} fired before the backend answered (it takes ${behavior.delay ?? "0s"})`;
    } else {
      elapsed += delay;
      status = n <= failFirst ? failStatus : 200;
      detail = status === 200 ? "the backend answered 200" : `the backend answered ${status}`;
    }
    if (total !== undefined && elapsed > total) {
      attempts.push({
        attempt: n,
        status: 504,
        detail: `request timeout ${rule.timeouts?.request ?? ""} fired after ${elapsed}ms`,
      });
      return {
        status: 504,
        attempts,
        detail: `the request timeout (${rule.timeouts?.request ?? ""}) expired: 504`,
      };
    }
    attempts.push({ attempt: n, status, detail });
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
        detail: `the backend answered ${status} and the rule has no retry`,
      };
    if (!codes.has(status))
      return {
        status,
        attempts,
        detail: `${status} is not in retry.codes [${[...codes].join(", ")}], so it is not retried`,
      };
    if (n > retries)
      return {
        status,
        attempts,
        detail: `still ${status} after ${retries} retr${retries === 1 ? "y" : "ies"} (retry.attempts ${retries}): the last answer goes to the client`,
      };
  }
}
