import type { AssumedObject } from "../resolve/world";
import type {
  Diagnostic,
  GatewayModel,
  Manifest,
  ObjectSummary,
  PolicyAttachment,
  ResolvedRoute,
  RouteAttachment,
  RouteParentExplain,
  StatusReport,
} from "../types";

/**
 * What buildSemanticGraph reads: the analysis fields, plus the manifests for display-only spec
 * fields the analysis does not carry (Service ports, ReferenceGrant from/to, controllerName).
 */
export interface SemanticGraphInput {
  objects: readonly ObjectSummary[];
  manifests: readonly Manifest[];
  status: StatusReport;
  explain: readonly RouteParentExplain[];
  gateways: readonly GatewayModel[];
  routes: readonly ResolvedRoute[];
  attachments: readonly RouteAttachment[];
  policies: readonly PolicyAttachment[];
  /** Objects the world assumed: their ghost nodes are drawn as assumed, not missing. */
  assumptions?: readonly AssumedObject[];
  /** Every diagnostic of the analysis: an object with an error is never drawn as OK. */
  diagnostics?: readonly Diagnostic[];
}
