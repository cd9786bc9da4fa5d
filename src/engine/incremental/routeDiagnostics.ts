/**
 * An edited route's own reference findings (a backendRef naming a Service the input lacks, a
 * reading applied) replaced in the status stage's diagnostics without running the stage again.
 *
 * The status stage reports them in its per-route loop (computeRouteStatuses): route by route in
 * input order, each route's resolution findings first, then its parents' (which the attachment
 * proof keeps as they were). The loop's span in the deduplicated list is kept beside it
 * (StageOutputs.statusRouteDiagnostics), so the route's findings are found, and new ones placed,
 * where a fresh run puts them: before the first finding of the route itself or of a later route.
 * Anything in the span the model does not explain (a finding about another kind of object, a
 * duplicate the stage's deduplication would drop) is reported, and the caller runs the full
 * pipeline.
 */
import { resourceKey, type ResourceKey } from "../api/keys";
import type { Diagnostic } from "../types";

export interface RouteFindings {
  key: ResourceKey;
  /** What resolving the route reported in revision n and in n+1, in report order. */
  was: readonly Diagnostic[];
  now: readonly Diagnostic[];
}

export interface PatchedStatusDiagnostics {
  diagnostics: readonly Diagnostic[];
  span: readonly [number, number];
}

/**
 * `diagnostics` with each route's findings replaced, or why that cannot be proven. `positionOf`
 * gives an object's position in the loop's order (undefined unless exactly one object has the key).
 */
export function patchRouteFindings(
  diagnostics: readonly Diagnostic[],
  span: readonly [number, number],
  routes: readonly RouteFindings[],
  positionOf: (key: ResourceKey) => number | undefined,
): PatchedStatusDiagnostics | string {
  let list = diagnostics;
  const from = span[0];
  let to = span[1];
  for (const r of routes) {
    const was = dedupe(r.was);
    const now = dedupe(r.now);
    if (sameFindings(was, now)) continue;
    const position = positionOf(r.key);
    if (position === undefined) return "the edited route is not one object of the input";
    // Where the route's findings start: at the first finding of the route or of a later one.
    let at = from;
    for (; at < to; at++) {
      const owner = ownerOf(list[at] as Diagnostic);
      const ownerAt = owner === undefined ? undefined : positionOf(owner);
      if (ownerAt === undefined) return "a route finding is not about one object of the input";
      if (ownerAt >= position) break;
    }
    for (let k = 0; k < was.length; k++)
      if (at + k >= to || !sameFinding(list[at + k] as Diagnostic, was[k] as Diagnostic))
        return "the route's findings are not where its resolution reported them";
    // The stage keeps the first of equal findings: a new one equal to another stays out there.
    const others = new Set<string>();
    list.forEach((d, i) => {
      if (i < at || i >= at + was.length) others.add(dedupeKey(d));
    });
    if (now.some((d) => others.has(dedupeKey(d))))
      return "a new finding of the route repeats another the stage reports";
    const next = list.slice(0, at);
    for (const d of now) next.push(d);
    for (let i = at + was.length; i < list.length; i++) next.push(list[i] as Diagnostic);
    list = next;
    to += now.length - was.length;
  }
  return { diagnostics: list, span: [from, to] };
}

/** As computeStatus deduplicates: a CA bundle checked once per listener is reported once. */
function dedupeKey(d: Diagnostic): string {
  return `${d.code}|${d.file}|${d.line}|${d.column}|${d.message}`;
}

function dedupe(list: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return list.filter((d) => {
    const key = dedupeKey(d);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function sameFinding(a: Diagnostic, b: Diagnostic): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function sameFindings(a: readonly Diagnostic[], b: readonly Diagnostic[]): boolean {
  return a.length === b.length && a.every((d, i) => sameFinding(d, b[i] as Diagnostic));
}

function ownerOf(d: Diagnostic): ResourceKey | undefined {
  const o = d.object;
  return o === undefined ? undefined : resourceKey(o.kind, o.namespace, o.name);
}
