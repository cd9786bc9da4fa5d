/**
 * GEP-1294 "Namespace boundaries": a mesh route may send traffic to backendRefs in any namespace
 * without a ReferenceGrant. Mesh routes augment Services their clients can already reach; they
 * expose nothing to a broader scope, so "a ReferenceGrant is not required in most mesh
 * implementations" (conformance MeshConsumerRoute: a consumer route in one namespace sends to the
 * Service of another, with no grant, and expects 200).
 *
 * A route counts as a mesh route when every parentRef names a core Service (GAMMA). One Gateway or
 * ListenerSet parent exposes the route's backends north-south, so such a route keeps the grant
 * check for all its parents: backendRefs are resolved once per route, not per parent.
 */
import { asArray, asRecord, asString } from "./read";

export function bindsOnlyServices(spec: Record<string, unknown>): boolean {
  const refs = asArray(spec["parentRefs"]);
  if (refs.length === 0) return false;
  return refs.every((raw) => {
    const ref = asRecord(raw);
    // ParentReference defaults group to gateway.networking.k8s.io and kind to Gateway: a Service
    // parent spells out group "" and kind Service.
    return (
      ref !== undefined && asString(ref["group"]) === "" && asString(ref["kind"]) === "Service"
    );
  });
}
