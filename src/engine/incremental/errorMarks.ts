/**
 * A node is drawn as its object's first error diagnostic (markObjectErrors). An edit can change
 * that first error without changing any object the incremental pass redraws: a field the typed
 * view drops (`annotations: 0`, a misspelt `wei ght` beside an invalid `weight`) changes only the
 * validation diagnostics, and the node kept its old error, or an error that was fixed. Found by the
 * incremental differential fuzzer (fuzz/incrementalDiff.ts, hostileField edits).
 */
import { resourceKey } from "../api/keys";
import type { Diagnostic } from "../types";

/** Each object's first error, as its node shows it (code, message and hint). */
function firstErrors(diagnostics: readonly Diagnostic[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const d of diagnostics) {
    if (d.severity !== "error" || d.object === undefined) continue;
    const key = resourceKey(d.object.kind, d.object.namespace, d.object.name);
    if (!out.has(key)) out.set(key, `${d.code}\u0000${d.message}\u0000${d.hint ?? ""}`);
  }
  return out;
}

/**
 * Whether an object outside `redrawn` has another first error in `after` than in `before`: its
 * node would show the wrong one (or none, or a fixed one).
 */
export function errorMarksMoved(
  before: readonly Diagnostic[],
  after: readonly Diagnostic[],
  redrawn: ReadonlySet<string>,
): boolean {
  if (before === after) return false;
  const was = firstErrors(before);
  const now = firstErrors(after);
  for (const [key, mark] of now) if (!redrawn.has(key) && was.get(key) !== mark) return true;
  for (const key of was.keys()) if (!redrawn.has(key) && !now.has(key)) return true;
  return false;
}
