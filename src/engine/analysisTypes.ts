import type { Readings } from "./readings/readings";
import type { AssumedObject, WorldMode } from "./resolve/world";
import type { StatusDriftEntry } from "./drift/driftTypes";
import type { SemanticGraph } from "./graph/types";
import type { RevisionGraph } from "./graph/edgeChunks";
import type { EffectivePolicies } from "./policy/policyTypes";
import type { RouteTable } from "./routing/types";
import type { LintFinding } from "./lint/lintTypes";
import type { MeshModel } from "./mesh/meshTypes";
import type {
  Diagnostic,
  GatewayModel,
  ObjectSummary,
  PolicyAttachment,
  ResolvedRoute,
  RouteAttachment,
  RouteParentExplain,
  StatusReport,
} from "./types";

/** The result of analyze(): plain data, safe to post from the worker and to print as JSON. */
export interface Analysis {
  /** The world the analysis assumed (AnalyzeOptions.world, default auto). */
  world: WorldMode;
  /** Non-default readings the analysis followed (AnalyzeOptions.readings); compileRouter follows them too. */
  readings?: Readings;
  /** Objects the input references and lacks that the world assumed exist: one entry per object. */
  assumptions: AssumedObject[];
  objects: ObjectSummary[];
  diagnostics: Diagnostic[];
  /**
   * Every lint finding with its structured extras (the request that proves a shadowed match),
   * including those that restate a status condition and so are not in `diagnostics`.
   */
  lint: LintFinding[];
  status: StatusReport;
  /** Per route × parentRef: the checks behind Accepted, answering "why is my route not attached". */
  explain: RouteParentExplain[];
  gateways: GatewayModel[];
  routes: ResolvedRoute[];
  attachments: RouteAttachment[];
  policies: PolicyAttachment[];
  /** Per object, every policy that applies to it: its own and the ones inherited from its parents. */
  effectivePolicies: EffectivePolicies;
  /** Where the controller's status in the input (a cluster dump) disagrees with gwsim's, or is stale. */
  statusDrift: StatusDriftEntry[];
  routeTable: RouteTable;
  /** GAMMA: the Services a mesh client can call and the routes bound to them (mesh/meshTypes.ts). */
  mesh: MeshModel;
  graph: SemanticGraph;
}

/**
 * An Analysis as an analysed revision holds it (analyzeRevision, the worker's cache and its delta):
 * the graph's edges in chunks (graph/edgeChunks.ts), so an edit copies a chunk, not every edge.
 * analyze() gives the drawn Analysis, its edges in one list (drawnAnalysis).
 */
export type RevisionAnalysis = Omit<Analysis, "graph"> & { graph: RevisionGraph };
