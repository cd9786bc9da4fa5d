/**
 * One status scope (a GatewayClass, a Gateway, one listener, one route parent, one policy
 * ancestor) compared condition by condition: the controller's conditions as dumped against the
 * ones gwsim computes.
 */
import { ConditionType } from "../api/conditions";
import type { SourceLocator } from "../load/sourceLocator";
import { asNumber, asRecords, asString } from "../resolve/read";
import type { Condition, FieldPath, Manifest, SourceLocation } from "../types";
import type { ConditionVerdict, StatusDriftEntry, StatusDriftKind } from "./driftTypes";

/** Where a drift entry points, kept beside it so diagnostics can underline the whole span. */
export interface LocatedDrift {
  entry: StatusDriftEntry;
  at: SourceLocation;
  /** The document of the object whose status disagrees. */
  docIndex: number;
}

export interface DriftScope {
  manifest: Manifest;
  /** metadata.generation as the dump wrote it; undefined when the dump has none. */
  generation: number | undefined;
  label: string;
  /** Path of the controller's entry for this scope (whose `conditions` are compared), when it has one. */
  controllerPath: FieldPath | undefined;
  /** Where to point when the controller has no entry for this scope. */
  fallbackPath: FieldPath;
  controller: readonly Record<string, unknown>[];
  gwsim: readonly Condition[] | undefined;
}

const STANDARD_TYPES: ReadonlySet<string> = new Set(Object.values(ConditionType));

/**
 * Conditions a conformant controller may leave out when they hold their default: listener
 * `Conflicted=False` (Envoy Gateway writes it only on ListenerSet listeners) and a Gateway's
 * experimental summary `ResolvedRefs=True`. Their absence is not a disagreement.
 */
function isOptionalWhenAbsent(scope: DriftScope, c: Condition): boolean {
  if (c.type === ConditionType.Conflicted && c.status === "False") return true;
  return (
    c.type === ConditionType.ResolvedRefs &&
    c.status === "True" &&
    scope.controllerPath?.length === 1 &&
    scope.manifest.kind === "Gateway"
  );
}

export function compareConditions(locator: SourceLocator, scope: DriftScope): LocatedDrift[] {
  const out: LocatedDrift[] = [];
  const theirs = new Map<string, { raw: Record<string, unknown>; index: number }>();
  scope.controller.forEach((raw, index) => {
    const type = asString(raw["type"]);
    if (type !== undefined && !theirs.has(type)) theirs.set(type, { raw, index });
  });
  const ours = new Map((scope.gwsim ?? []).map((c) => [c.type, c]));

  for (const [type, { raw, index }] of theirs) {
    const controller = verdictOf(raw);
    const mine = ours.get(type);
    const conditionPath = [...(scope.controllerPath ?? []), "conditions", index];
    if (mine) {
      const gwsim = verdictOfCondition(mine);
      if (controller.status === gwsim.status && controller.reason === gwsim.reason) continue;
      const field = controller.status === gwsim.status ? "reason" : "status";
      const message = `${scope.label}: the controller says ${type}=${controller.status}/${controller.reason}, gwsim computes ${type}=${gwsim.status}/${gwsim.reason}.`;
      out.push(
        locateDrift(
          locator,
          scope,
          "mismatch",
          type,
          [...conditionPath, field],
          message,
          controller,
          gwsim,
        ),
      );
    } else if (STANDARD_TYPES.has(type)) {
      const why = scope.gwsim === undefined ? " (gwsim writes no status entry here)" : "";
      const message = `${scope.label}: the controller wrote ${type}=${controller.status}/${controller.reason}; gwsim computes no ${type} condition${why}.`;
      out.push(
        locateDrift(
          locator,
          scope,
          "missing-in-gwsim",
          type,
          conditionPath,
          message,
          controller,
          undefined,
        ),
      );
    }
  }
  for (const mine of scope.gwsim ?? []) {
    if (theirs.has(mine.type) || isOptionalWhenAbsent(scope, mine)) continue;
    const gwsim = verdictOfCondition(mine);
    const path = scope.controllerPath
      ? [...scope.controllerPath, "conditions"]
      : scope.fallbackPath;
    const why = scope.controllerPath === undefined ? " (it wrote no status entry here)" : "";
    const message = `${scope.label}: gwsim computes ${mine.type}=${gwsim.status}/${gwsim.reason}; the controller wrote no ${mine.type} condition${why}.`;
    out.push(
      locateDrift(
        locator,
        scope,
        "missing-in-controller",
        mine.type,
        path,
        message,
        undefined,
        gwsim,
      ),
    );
  }
  const stale = findStale(locator, scope);
  if (stale) out.push(stale);
  return out;
}

/** One entry per scope, at the first condition written for an older generation. */
function findStale(locator: SourceLocator, scope: DriftScope): LocatedDrift | undefined {
  const generation = scope.generation;
  if (generation === undefined) return undefined;
  const staleIndexes = scope.controller.flatMap((raw, i) => {
    const observed = asNumber(raw["observedGeneration"]);
    return observed !== undefined && observed < generation ? [i] : [];
  });
  const first = staleIndexes[0];
  const raw = first === undefined ? undefined : scope.controller[first];
  if (first === undefined || raw === undefined) return undefined;
  const controller = verdictOf(raw);
  const count =
    staleIndexes.length === 1 ? "1 condition was" : `${staleIndexes.length} conditions were`;
  const message = `${scope.label}: ${count} written for generation ${controller.observedGeneration ?? "?"}, but the object is at generation ${generation}: this status describes an older spec.`;
  const path = [...(scope.controllerPath ?? []), "conditions", first, "observedGeneration"];
  return locateDrift(
    locator,
    scope,
    "stale-generation",
    asString(raw["type"]) ?? "",
    path,
    message,
    controller,
    undefined,
  );
}

export function locateDrift(
  locator: SourceLocator,
  scope: DriftScope,
  kind: StatusDriftKind,
  conditionType: string,
  path: FieldPath,
  message: string,
  controller: ConditionVerdict | undefined,
  gwsim: ConditionVerdict | undefined,
): LocatedDrift {
  const at = locator.locate(scope.manifest, path);
  const entry: StatusDriftEntry = {
    object: scope.manifest.key,
    kind,
    scope: scope.label,
    conditionType,
    message,
    file: at.file,
    line: at.line,
    column: at.column,
  };
  if (controller) entry.controller = controller;
  if (gwsim) entry.gwsim = gwsim;
  if (scope.generation !== undefined) entry.generation = scope.generation;
  return { entry, at, docIndex: scope.manifest.source.docIndex };
}

function verdictOf(raw: Record<string, unknown>): ConditionVerdict {
  const verdict: ConditionVerdict = {
    status: asString(raw["status"]) ?? "",
    reason: asString(raw["reason"]) ?? "",
  };
  const message = asString(raw["message"]);
  if (message !== undefined) verdict.message = message;
  const observed = asNumber(raw["observedGeneration"]);
  if (observed !== undefined) verdict.observedGeneration = observed;
  return verdict;
}

function verdictOfCondition(c: Condition): ConditionVerdict {
  return {
    status: c.status,
    reason: c.reason,
    message: c.message,
    observedGeneration: c.observedGeneration,
  };
}

export function conditionsAt(
  raw: Record<string, unknown> | undefined,
): readonly Record<string, unknown>[] {
  return asRecords(raw?.["conditions"]);
}
