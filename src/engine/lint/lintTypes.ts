/**
 * What the lint stage reads and what it reports. Lint runs inside analyze() after routing, on the
 * same manifests, status reasoning and route table the other stages produced: it never
 * re-derives status or precedence.
 */
import type { Readings } from "../readings/readings";
import type { SourceLocator } from "../load/sourceLocator";
import type { RouteTable } from "../routing/types";
import type { SimRequest } from "../simulate/types";
import type {
  Diagnostic,
  GatewayModel,
  Manifest,
  ResolvedRoute,
  RouteAttachment,
  RouteParentExplain,
} from "../types";
import type { WorldMode } from "../resolve/world";

export interface LintInput {
  manifests: readonly Manifest[];
  locator: SourceLocator;
  explain: readonly RouteParentExplain[];
  gateways: readonly GatewayModel[];
  routes: readonly ResolvedRoute[];
  attachments: readonly RouteAttachment[];
  routeTable: RouteTable;
  /** The analysis's world: in `closed` the input is the whole cluster, so nothing is merely absent. */
  world?: WorldMode;
  /** Non-default readings: a shadow proof routes its request as the analysis's Router would. */
  readings?: Readings;
}

/** One lint result: the diagnostic, and for precedence findings the request that demonstrates it. */
export interface LintFinding {
  diagnostic: Diagnostic;
  /** A concrete request the simulator routes to the winning rule instead of the reported one. */
  request?: SimRequest;
  /**
   * The finding restates a condition the status already reports (RefNotPermitted): it exists so
   * the lint panel can offer the fix-it, and stays out of analyze().diagnostics, which would
   * otherwise list the problem twice.
   */
  restatesStatus?: true;
}
