/**
 * splitTraffic: n seeded samples of one request, counted per backend target ("none" for the
 * share answered with an error), next to the exact expected shares. The PRNG is mulberry32, so
 * the same (request, n, seed) always gives the same counts.
 */
import type { Router } from "../routing/router";
import { routeRequest } from "./routeRequest";
import { traceRequest } from "./traceRequest";
import type { BackendShare, OutcomeKind, SimRequest } from "./types";
import { createRng } from "./weights";
import { dict } from "../collections/dict";

export interface TrafficSplit {
  n: number;
  seed: number;
  /** Requests per backend target; "none" for invalid picks, "(redirect)", "(not-found)"… when no backend was picked. */
  counts: Record<string, number>;
  /** Requests per outcome kind (forwarded, backend-error, …). */
  outcomes: Partial<Record<OutcomeKind, number>>;
  /** The exact shares of the rule that serves the request (empty when no rule does). */
  expected: BackendShare[];
  /** Why the request ends where it does, from the deterministic trace. */
  reason: string;
}

export function splitTraffic(
  router: Router,
  req: SimRequest,
  n: number,
  seed: number,
): TrafficSplit {
  const trace = traceRequest(router, req, { seed, sample: 0 });
  const counts: Record<string, number> = dict();
  const outcomes: Partial<Record<OutcomeKind, number>> = {};
  const rng = createRng(seed);
  for (let i = 0; i < n; i++) {
    const routed = routeRequest(router, req, { draw: rng() });
    // "none" is an invalid pick; a request no backend was picked for counts under its outcome.
    const target = routed.backend ?? `(${routed.kind})`;
    counts[target] = (counts[target] ?? 0) + 1;
    outcomes[routed.kind] = (outcomes[routed.kind] ?? 0) + 1;
  }
  return {
    n,
    seed,
    counts,
    outcomes,
    expected: trace.outcome.backends,
    reason: trace.outcome.reason,
  };
}
