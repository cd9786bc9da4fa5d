/**
 * The real engine behind the conformance runner: analyze(), the compiled router with its trace
 * printer, and the status matcher.
 */
import { analyze } from "../analyze";
import { printTrace } from "../print/printTrace";
import { compileRouter } from "../routing/compileRouter";
import { traceRequest } from "../simulate/traceRequest";
import { matchStatusExpectation } from "../status/matchStatusExpectation";
import { objectIdKey } from "./buildCaseStates";
import type { CaseEngine, RoutedRequest } from "./caseEngine";

/** Timestamps do not matter to expectations; a fixed clock keeps results deterministic. */
const FIXED_CLOCK = (): string => "2026-01-01T00:00:00Z";

/**
 * Conformance features gwsim implements that some cases are conditional on (`skipIfSupported`):
 * TLSRoute on Terminate listeners and mixed Terminate/Passthrough listeners on one port, as
 * TLSRouteTerminateSimpleSameNamespace and TLSRouteMixedTerminationSameNamespace check.
 */
export const SUPPORTED_FEATURES: readonly string[] = ["TLSRouteModeTerminate", "TLSRouteModeMixed"];

export function createCaseEngine(): CaseEngine {
  return {
    analyze: (sources, options = {}) =>
      analyze(sources, {
        clock: FIXED_CLOCK,
        ...(options.world !== undefined ? { world: options.world } : {}),
        ...(options.readings !== undefined ? { readings: options.readings } : {}),
      }),
    compileRoutes: (analysis) => {
      const router = compileRouter(analysis);
      return (request, options = {}) => {
        const trace = traceRequest(router, request);
        const routed: RoutedRequest = {
          outcome: trace.outcome,
          printTrace: () => printTrace(trace),
        };
        const samples = options.samples ?? 0;
        if (samples > 0) {
          routed.perBackend = Array.from(
            { length: samples },
            (_, sample) => traceRequest(router, request, { sample }).outcome,
          );
        }
        return routed;
      };
    },
    matchStatus: (expectation, analysis, context) => {
      const key = objectIdKey(expectation);
      const generation = context.generations[key];
      const previousGeneration = context.previousGeneration[key];
      return matchStatusExpectation(expectation, analysis.status, {
        ...(generation !== undefined ? { generation } : {}),
        ...(previousGeneration !== undefined ? { previousGeneration } : {}),
      });
    },
    supportedFeatures: SUPPORTED_FEATURES,
  };
}
