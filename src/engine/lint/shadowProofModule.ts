/**
 * Lint's shadow proofs as one on-demand engine module (modules/engineModules.ts): a shadow is
 * reported only once a concrete request for the shadowed match, routed through the compiled
 * Router, lands on the winner. That needs the Router compiler, the request router and the request
 * builder, which a workspace without a shadowed match (the default example) never uses.
 */
import { compileRouter } from "../routing/compileRouter";
import type { Router } from "../routing/router";
import type { RouteTableEntry, RouteTableListener } from "../routing/types";
import { routeRequest } from "../simulate/routeRequest";
import type { SimRequest } from "../simulate/types";
import { describeRequest } from "../whatif/describeRequest";
import { isL4Entry } from "./isL4Entry";
import type { LintInput } from "./lintTypes";
import { requestForEntry } from "./requestForEntry";

export { describeRequest };

export interface ShadowCandidate {
  listener: RouteTableListener;
  hostname: string;
  winner: RouteTableEntry;
  loser: RouteTableEntry;
}

/**
 * A prover for one lint input: the request that proves `winner` takes every request of `loser`,
 * or undefined when none was built or it does not land on the winner (then nothing is reported).
 * The Router is compiled once per input, at the first candidate.
 */
export function createShadowProver(
  input: LintInput,
): (candidate: ShadowCandidate) => SimRequest | undefined {
  let router: Router | undefined;
  return (candidate) => {
    const request = requestForEntry(input, candidate.listener, candidate.hostname, candidate.loser);
    if (request === undefined) return undefined;
    router ??= compileRouter(input);
    const result = routeRequest(router, request);
    const { winner } = candidate;
    if (result.route !== winner.route) return undefined;
    const sameMatch =
      isL4Entry(winner) ||
      (result.ruleIndex === winner.ruleIndex && result.matchIndex === winner.matchIndex);
    return sameMatch ? request : undefined;
  };
}
