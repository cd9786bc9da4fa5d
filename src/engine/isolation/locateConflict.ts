/**
 * The earlier selector an assumption contradicts (resolve/namespaceLabelPlan), as the lens names
 * it: what it is, where it is written, and the lens listener it belongs to when it is a listener's
 * allowedRoutes. One place, so a refused matrix cell and a NetworkPolicy peer that cannot hold
 * name the same selector the same way.
 */
import type { SourceLocator } from "../load/sourceLocator";
import { describeSite, type HeldSelector } from "../resolve/namespaceLabelPlan";
import { asRecords, asString } from "../resolve/read";
import type { IsolationConflict, IsolationListener } from "./isolationTypes";

export function locateConflict(
  against: HeldSelector,
  listeners: readonly IsolationListener[],
  locator: SourceLocator | undefined,
): IsolationConflict {
  const at = locator?.locate(against.holder, against.path) ?? against.holder.source;
  const conflict: IsolationConflict = {
    site: describeSite(against),
    file: at.file,
    line: at.line,
    column: at.column,
  };
  const [, field, index] = against.path;
  if (field !== "listeners" || typeof index !== "number") return conflict;
  const name = asString(asRecords(against.holder.spec["listeners"])[index]?.["name"]);
  const id = `${against.holder.key}#${name ?? ""}`;
  if (name !== undefined && listeners.some((l) => l.id === id)) conflict.listener = id;
  return conflict;
}
