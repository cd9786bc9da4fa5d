/**
 * GEP-1294 "Namespace boundaries": a mesh route may send traffic to backendRefs in any namespace
 * without a ReferenceGrant. Mesh routes augment Services their clients can already reach; they
 * expose nothing to a broader scope, so "a ReferenceGrant is not required in most mesh
 * implementations" (conformance MeshConsumerRoute: a consumer route in one namespace sends to the
 * Service of another, with no grant, and expects 200).
 *
 * A route whose parentRefs name both a core Service (GAMMA) and a Gateway or ListenerSet is seen
 * per parent, as Istio (the reference mesh) does: its Gateway parents expose the backends
 * north-south and need the grant; its Service parents resolve the same backendRefs without one
 * (Istio converts the rules twice, enforcing grants only for Gateway parents, and writes each
 * parent's ResolvedRefs from its own conversion). resolveRoute.ts resolves such a route a second
 * time, without the grant check, only when the first pass found a reference the grant refused.
 */
import { asArray, asRecord, asString } from "./read";

/** Which parents a route's parentRefs name: only Services, none, or some of each. */
export type ParentScope = "mesh" | "gateway" | "mixed";

/** ParentReference defaults group to gateway.networking.k8s.io and kind to Gateway: a Service
 * parent spells out group "" and kind Service. */
export function isServiceParent(ref: { group?: unknown; kind?: unknown } | undefined): boolean {
  return ref !== undefined && asString(ref.group) === "" && asString(ref.kind) === "Service";
}

/** One pass over the parentRefs (a route without any binds no Service: "gateway"). */
export function parentScope(spec: Record<string, unknown>): ParentScope {
  const refs = asArray(spec["parentRefs"]);
  let services = 0;
  for (let i = 0; i < refs.length; i++) if (isServiceParent(asRecord(refs[i]))) services++;
  return services === 0 ? "gateway" : services === refs.length ? "mesh" : "mixed";
}

export function bindsOnlyServices(spec: Record<string, unknown>): boolean {
  return parentScope(spec) === "mesh";
}
