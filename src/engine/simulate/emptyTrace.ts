import type { NormalizedRequest, RequestTrace } from "./traceTypes";

/** A trace that ends before any listener or route is considered (no Gateway, no mesh binding). */
export function emptyTrace(
  request: NormalizedRequest,
  gatewayReason: string,
  outcome: RequestTrace["outcome"],
): RequestTrace {
  return {
    request,
    gatewayReason,
    listeners: [],
    candidates: [],
    filters: [],
    attributes: [],
    outcome,
  };
}
