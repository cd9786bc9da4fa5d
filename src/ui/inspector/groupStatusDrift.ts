/**
 * Arranges one object's status drift entries (computed by the engine) for the inspector: one
 * table per status scope, one row per condition, the kinds of drift merged on the row.
 */
import type { ConditionVerdict, StatusDriftEntry, StatusDriftKind } from "../../engine";

export interface DriftRow {
  conditionType: string;
  controller?: ConditionVerdict;
  gwsim?: ConditionVerdict;
  kinds: StatusDriftKind[];
  /** The controller and gwsim say different things (not only a stale generation). */
  disagrees: boolean;
  /** Set when the controller's entry was written for an older generation of the object. */
  stale?: { observedGeneration?: number; generation?: number };
  messages: string[];
}

export interface DriftScope {
  scope: string;
  rows: DriftRow[];
}

const DISAGREEMENTS: ReadonlySet<StatusDriftKind> = new Set([
  "mismatch",
  "missing-in-controller",
  "missing-in-gwsim",
  "attached-routes",
]);

export function groupStatusDrift(entries: readonly StatusDriftEntry[]): DriftScope[] {
  const scopes: DriftScope[] = [];
  for (const entry of entries) {
    let scope = scopes.find((s) => s.scope === entry.scope);
    if (!scope) scopes.push((scope = { scope: entry.scope, rows: [] }));
    let row = scope.rows.find((r) => r.conditionType === entry.conditionType);
    if (!row)
      scope.rows.push(
        (row = { conditionType: entry.conditionType, kinds: [], disagrees: false, messages: [] }),
      );
    if (!row.kinds.includes(entry.kind)) row.kinds.push(entry.kind);
    if (DISAGREEMENTS.has(entry.kind)) row.disagrees = true;
    if (entry.controller && !row.controller) row.controller = entry.controller;
    if (entry.gwsim && !row.gwsim) row.gwsim = entry.gwsim;
    if (entry.kind === "stale-generation") {
      const stale: DriftRow["stale"] = {};
      if (entry.controller?.observedGeneration !== undefined)
        stale.observedGeneration = entry.controller.observedGeneration;
      if (entry.generation !== undefined) stale.generation = entry.generation;
      row.stale = stale;
    }
    if (!row.messages.includes(entry.message)) row.messages.push(entry.message);
  }
  return scopes;
}

/** "written for generation 3; the object is at generation 5" */
export function printStaleNote(stale: NonNullable<DriftRow["stale"]>): string {
  const written =
    stale.observedGeneration !== undefined
      ? `written for generation ${stale.observedGeneration}`
      : "written for an older generation";
  return stale.generation !== undefined
    ? `${written}; the object is at generation ${stale.generation}`
    : written;
}
