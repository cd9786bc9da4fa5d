/**
 * A cluster dump carries the controller's own `status:`. gwsim compares it with the status it
 * computes and reports every disagreement and every condition written for an older generation.
 */
import type { ResourceKey } from "../api/keys";

export type StatusDriftKind =
  /** Both wrote the condition, with a different status or reason. */
  | "mismatch"
  /** gwsim computes a condition the controller did not write. */
  | "missing-in-controller"
  /** The controller wrote a condition (or a parent/listener entry) gwsim does not compute. */
  | "missing-in-gwsim"
  /** The condition's observedGeneration is older than metadata.generation. */
  | "stale-generation"
  /** A listener's attachedRoutes differs. */
  | "attached-routes";

export interface ConditionVerdict {
  status: string;
  reason: string;
  message?: string;
  observedGeneration?: number;
}

export interface StatusDriftEntry {
  object: ResourceKey;
  kind: StatusDriftKind;
  /**
   * Where in the status, readable: "Gateway", "listener https", "parent infra/shared (section
   * https)", "ancestor …", "GatewayClass".
   */
  scope: string;
  /** Condition type (Accepted, Programmed, ResolvedRefs, …) or "attachedRoutes". */
  conditionType: string;
  controller?: ConditionVerdict;
  gwsim?: ConditionVerdict;
  /** metadata.generation of the object, when the dump has it. */
  generation?: number;
  message: string;
  /** Where the controller's entry is in the source (the object's status line when it has none). */
  file: string;
  line: number;
  column: number;
}
