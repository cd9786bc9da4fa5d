/**
 * What the runner needs from the engine, as one object so the runner stays a small loop and
 * its own tests can swap a stage. `createCaseEngine()` wires the real stages.
 */
import type { Readings } from "../readings/readings";
import type { Analysis } from "../analysisTypes";
import type { SimRequest, RequestOutcome } from "../simulate/types";
import type { SourceFile } from "../types";
import type { WorldMode } from "../resolve/world";
import type { StatusExpectation } from "./caseTypes";

export interface RoutedRequest {
  outcome: RequestOutcome;
  /** The outcomes of `samples` consecutive requests, each with its own backend pick (for `backendNameInHeader`). */
  perBackend?: RequestOutcome[];
  /** Prints the trace; called only for failures, since most requests pass. */
  printTrace?: () => string;
}

export interface StatusMatch {
  pass: boolean;
  message: string;
  got?: unknown;
}

export interface StatusContext {
  /** metadata.generation before the step, per "Kind/ns/name" the step replaced. */
  previousGeneration: Record<string, number>;
  /** metadata.generation of every object in the state, per "Kind/ns/name". */
  generations: Record<string, number>;
}

export interface CaseEngine {
  analyze(
    sources: readonly SourceFile[],
    options?: { world?: WorldMode; readings?: Readings },
  ): Analysis;
  /** Compiles the router once per state; the returned function routes one request. */
  compileRoutes(
    analysis: Analysis,
  ): (request: SimRequest, options?: { samples?: number }) => RoutedRequest;
  matchStatus(
    expectation: StatusExpectation,
    analysis: Analysis,
    context: StatusContext,
  ): StatusMatch;
  /** Features gwsim implements; cases with `skipIfSupported` naming one are skipped, as upstream does. */
  supportedFeatures: readonly string[];
}
