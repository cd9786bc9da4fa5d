/**
 * What a BackendTLSPolicy reads, for the incremental pass: only the Services its targetRefs name
 * (computeBackendTLSPolicyStatus: targetsOf looks each one up, ancestorGateways reads the routes
 * whose backends reach one of them and the named port's name, withBackendTLS marks those backends).
 * An edit that touches none of those Services, nor a route backend pointing at one, leaves every
 * policy's status and every SNI mark as they were, even while the input holds policies.
 *
 * The set is an over-approximation on purpose (every targetRef of kind Service, whatever its group
 * or validity): a Service in it only makes the caller fall back to the full pipeline.
 */
import { resourceKey, type ResourceKey } from "../api/keys";
import { listKind, type ResourceIndex } from "../resolve/indexResources";
import { asRecords, asString } from "../resolve/read";
import type { Manifest, ResolvedBackendRef, ResolvedRoute } from "../types";

// Keyed by the index's BackendTLSPolicy list: an edit of anything else keeps that list (patchIndex
// copies only the lists of the kinds it edits), so a run of keystrokes reads the policies once.
const namedByPolicies = new WeakMap<readonly Manifest[], ReadonlySet<ResourceKey>>();

/** Every Service key a BackendTLSPolicy's targetRefs name (empty when the input holds none). */
export function servicesPoliciesName(index: ResourceIndex): ReadonlySet<ResourceKey> {
  const policies = listKind(index, "BackendTLSPolicy");
  const known = namedByPolicies.get(policies);
  if (known !== undefined) return known;
  const named = new Set<ResourceKey>();
  for (const policy of policies)
    for (const ref of asRecords(policy.spec["targetRefs"])) {
      if (asString(ref["kind"]) !== "Service") continue;
      named.add(resourceKey("Service", policy.namespace, asString(ref["name"]) ?? ""));
    }
  namedByPolicies.set(policies, named);
  return named;
}

/** Whether any backend or mirror backend of the route points at a Service in `named`. */
export function reachesNamedService(
  route: ResolvedRoute,
  named: ReadonlySet<ResourceKey>,
): boolean {
  if (named.size === 0) return false;
  const hits = (ref: ResolvedBackendRef | undefined): boolean =>
    ref !== undefined &&
    ((ref.target !== undefined && named.has(ref.target)) ||
      named.has(resourceKey("Service", ref.namespace, ref.name)) ||
      ref.filters.some((f) => hits(f.mirrorBackend)));
  return route.rules.some(
    (rule) => rule.backendRefs.some(hits) || rule.filters.some((f) => hits(f.mirrorBackend)),
  );
}
