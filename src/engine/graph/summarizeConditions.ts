import { ConditionType } from "../api/conditions";
import type { Condition, ObjectStatus } from "../types";
import type { GraphStatus } from "./types";

export interface StatusSummary {
  status: GraphStatus;
  reason?: string;
  message?: string;
}

export function conditionsOf(status: ObjectStatus | undefined): Condition[] {
  if (status && "conditions" in status) return status.conditions;
  return [];
}

export function findCondition(
  conditions: readonly Condition[],
  type: string,
): Condition | undefined {
  return conditions.find((c) => c.type === type);
}

/**
 * Reads the status the engine computed: Accepted=False is an error, any other positive-polarity
 * condition (ResolvedRefs, Programmed, …) that is False is a warning, Conflicted=True an error.
 * No conditions at all means the engine wrote no status for the object: unknown.
 */
export function summarizeConditions(conditions: readonly Condition[]): StatusSummary {
  if (conditions.length === 0) return { status: "unknown" };
  const conflicted = conditions.find(
    (c) => c.type === ConditionType.Conflicted && c.status === "True",
  );
  if (conflicted) return withReason("error", conflicted);
  const accepted = findCondition(conditions, ConditionType.Accepted);
  if (accepted && accepted.status !== "True") return withReason("error", accepted);
  const failing = conditions.find(
    (c) =>
      c.type !== ConditionType.Conflicted &&
      c.type !== ConditionType.PartiallyInvalid &&
      c.status !== "True",
  );
  if (failing) return withReason("warning", failing);
  const partial = conditions.find(
    (c) => c.type === ConditionType.PartiallyInvalid && c.status === "True",
  );
  if (partial) return withReason("warning", partial);
  return { status: "ok" };
}

function withReason(status: GraphStatus, c: Condition): StatusSummary {
  return { status, reason: c.reason, message: c.message };
}

/** The worst of several statuses, for nodes that summarise many parts. */
export function worstStatus(statuses: readonly GraphStatus[]): GraphStatus {
  const order: GraphStatus[] = ["error", "missing", "warning", "unknown", "ok"];
  for (const s of order) if (statuses.includes(s)) return s;
  return "unknown";
}
