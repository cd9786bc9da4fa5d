/**
 * A route with some of its backends marked (a BackendTLSPolicy's SNI), copied on write: new
 * objects only along the path to a backend `mark` changed, the originals elsewhere, so the route
 * the route stage built is never written to and an unmarked route is the very same object.
 */
import type { ResolvedBackendRef, ResolvedRoute } from "../types";

/** Where a backend sits in its route: a rule's backendRef, or a rule filter's mirror backend. */
export type BackendPlace =
  | { rule: number; backendRef: number; filter?: undefined }
  | { rule: number; filter: number; backendRef?: undefined };

/** `mark` returns the ref itself to leave it, or a new object to put in its place. */
export function markRouteBackends(
  route: ResolvedRoute,
  mark: (ref: ResolvedBackendRef, place: BackendPlace) => ResolvedBackendRef,
): ResolvedRoute {
  const rules = route.rules.map((rule, r) => {
    const backendRefs = rule.backendRefs.map((ref, i) => mark(ref, { rule: r, backendRef: i }));
    const filters = rule.filters.map((f, i) => {
      if (f.mirrorBackend === undefined) return f;
      const mirror = mark(f.mirrorBackend, { rule: r, filter: i });
      return mirror === f.mirrorBackend ? f : { ...f, mirrorBackend: mirror };
    });
    const changed =
      backendRefs.some((ref, i) => ref !== rule.backendRefs[i]) ||
      filters.some((f, i) => f !== rule.filters[i]);
    return changed ? { ...rule, backendRefs, filters } : rule;
  });
  return rules.some((rule, i) => rule !== route.rules[i]) ? { ...route, rules } : route;
}
