/**
 * Builds the MeshModel (meshTypes.ts) from the settled route status and the Services of the input.
 * Reads only what the status stage decided: a binding is accepted exactly when the route's status
 * for that Service parent says Accepted=True.
 */
import { asNumber, asRecords, asString } from "../resolve/read";
import { resolveParentRef } from "../resolve/resolveParentRef";
import type { ResourceIndex } from "../resolve/indexResources";
import type { ParentOutcome } from "../status/attachRouteParent";
import type { Manifest, ResolvedRoute } from "../types";
import type { MeshBinding, MeshService } from "./meshTypes";

/** Appends every parentRef of the route that names a core Service, as a MeshBinding. */
export function appendMeshBindings(
  out: MeshBinding[],
  route: ResolvedRoute,
  outcomes: readonly ParentOutcome[],
): void {
  for (const o of outcomes) {
    // The parentRef as written: a kind other than Service (or none: Gateway) binds no Service,
    // so most parents need no resolved copy.
    if (o.explain.parentRef.kind !== "Service") continue;
    const ref = resolveParentRef(o.explain.parentRef, route.namespace);
    if (ref.group !== "" || ref.kind !== "Service") continue;
    // A Service missing from a closed world gets no status at all: it binds nothing.
    if (o.explain.noStatusReason !== undefined && o.mesh === undefined) continue;
    const assumed = o.mesh !== undefined && o.explain.parent === undefined;
    const binding: MeshBinding = {
      route: route.key,
      routeKind: route.kind,
      routeNamespace: route.namespace,
      routeName: route.name,
      parentRefIndex: o.explain.parentRefIndex,
      serviceNamespace: ref.namespace,
      serviceName: ref.name,
      ports: (o.mesh?.ports ?? []).filter((p) => p > 0),
      allPorts:
        o.mesh !== undefined &&
        (assumed
          ? ref.port === undefined
          : ref.port === undefined && ref.sectionName === undefined),
      accepted: o.explain.accepted,
      reason: o.explain.reason,
      message: o.explain.message,
    };
    if (assumed) binding.assumed = true;
    out.push(binding);
  }
}

/** The Services of the input with their ports, in input order. */
export function collectMeshServices(index: ResourceIndex): MeshService[] {
  return (index.byKind.get("Service") ?? []).filter((m) => m.group === "").map(meshService);
}

/** One core Service as a mesh client sees it: its ports and cluster IP, read from its spec only. */
export function meshService(m: Manifest): MeshService {
  const namespace = m.namespace ?? "default";
  const ports = asRecords(m.spec["ports"]).flatMap((p) => {
    const port = asNumber(p["port"]);
    if (port === undefined) return [];
    const name = asString(p["name"]);
    return [name === undefined ? { port } : { name, port }];
  });
  const service: MeshService = { key: m.key, namespace, name: m.name, ports };
  const clusterIP = asString(m.spec["clusterIP"]);
  if (clusterIP !== undefined) service.clusterIP = clusterIP;
  return service;
}
