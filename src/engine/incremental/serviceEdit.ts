/**
 * A Service edited in place (a port renamed, a port no route uses changed or added, a selector or
 * targetPort edited): when no other object reads what changed, the edit reaches only the Service
 * itself (its graph node, its mesh entry, its own findings), and every route, status and table
 * entry of revision n stands.
 *
 * Who reads a Service in the pipeline, and what:
 * - a route's backendRef (resolveBackendRef): its type (ExternalName), and for the port the ref
 *   names, whether the Service has it and that port's protocol and appProtocol; a ref to a port it
 *   lacks lists every port number in its message. So the edit stands for every ref whose view of
 *   the Service (servicePortView) is the same in both revisions.
 * - a route whose parentRef is the Service (GAMMA) reads its ports: such an edit is not proven.
 * - a BackendTLSPolicy reads the ports by name of the Services its targetRefs name: the edit of
 *   such a Service is not proven. Nor is it when any policy's targetRef names one of its ports
 *   by sectionName: whether that policy attaches reads the port names. An Ingress reads its ports by name or number: while the input
 *   holds any, the edit is not proven.
 * - the graph's Service node and the mesh's Service list read its spec: both are rebuilt.
 * - nothing reads a Service's metadata but its key, which an in-place edit keeps; the proof still
 *   asks for the same metadata and status (drift and future readers), so only the spec differs.
 */
import type { Analysis } from "../analysisTypes";
import { listKind, type ResourceIndex } from "../resolve/indexResources";
import { servicesPoliciesName } from "./backendTlsReach";
import { asNumber, asRecords, asString } from "../resolve/read";
import type { Manifest, ResolvedBackendRef, ResolvedRoute } from "../types";

/** Why the edit of `before` into `after` may change what another object reads, or undefined. */
export function serviceEditReach(
  analysis: Omit<Analysis, "graph">,
  index: ResourceIndex,
  before: Manifest,
  after: Manifest,
): string | undefined {
  if (before.group !== "" || after.group !== "") return "the Service is not a core Service";
  if (
    JSON.stringify({ ...before.body, spec: null }) !== JSON.stringify({ ...after.body, spec: null })
  )
    return "the Service's metadata or status changed";
  // A policy reads the ports (by name) of the Services its targetRefs name only (backendTlsReach.ts).
  if (servicesPoliciesName(index).has(before.key))
    return "a BackendTLSPolicy may read the Service's ports";
  // Whether such a policy attaches at all depends on the port names (ref.section-not-found).
  if (
    analysis.policies.some((p) => p.target === before.key && p.targetRef.sectionName !== undefined)
  )
    return "a policy's sectionName names one of the Service's ports";
  if (listKind(index, "Ingress").length > 0) return "an Ingress may read the Service's ports";
  const namespace = before.namespace ?? "";
  if (
    analysis.mesh.bindings.some(
      (b) => b.serviceNamespace === namespace && b.serviceName === before.name,
    )
  )
    return "a route's parentRef binds the Service (mesh)";
  const ports = referencedPorts(analysis.routes).get(`${namespace}/${before.name}`);
  for (const port of ports ?? [])
    if (servicePortView(before, port) !== servicePortView(after, port))
      return `what a backendRef to port ${port ?? "(none)"} reads of the Service changed`;
  return undefined;
}

/**
 * Everything resolveBackendRef reads of a Service for a ref to `port`: the type, then the port's
 * protocol and appProtocol, or (when the Service lacks the port) every port number, which the
 * ref's message lists.
 */
export function servicePortView(service: Manifest, port: number | undefined): string {
  const externalName = asString(service.spec["type"]) === "ExternalName";
  if (port === undefined) return JSON.stringify([externalName]);
  const ports = asRecords(service.spec["ports"]);
  // Every entry with the number: resolveBackendRef picks among them by protocol (53/UDP, 53/TCP).
  const found = ports.filter((p) => asNumber(p["port"]) === port);
  if (found.length === 0)
    return JSON.stringify([externalName, ports.map((p) => asNumber(p["port"]) ?? null)]);
  return JSON.stringify([
    externalName,
    ...found.flatMap((p) => [asString(p["protocol"]) ?? "TCP", asString(p["appProtocol"]) ?? null]),
  ]);
}

// Built once per routes list (a Service edit leaves the list as it was, so a run of Service edits
// reads it once): "namespace/name" of every core Service a backendRef names → the ports named.
const portsByRoutes = new WeakMap<readonly ResolvedRoute[], Map<string, Set<number | undefined>>>();

function referencedPorts(
  routes: readonly ResolvedRoute[],
): ReadonlyMap<string, ReadonlySet<number | undefined>> {
  const known = portsByRoutes.get(routes);
  if (known !== undefined) return known;
  const out = new Map<string, Set<number | undefined>>();
  const add = (ref: ResolvedBackendRef | undefined) => {
    if (ref === undefined || ref.group !== "" || ref.kind !== "Service") return;
    const key = `${ref.namespace}/${ref.name}`;
    let ports = out.get(key);
    if (ports === undefined) out.set(key, (ports = new Set()));
    ports.add(ref.port);
  };
  for (const route of routes)
    for (const rule of route.rules) {
      for (const f of rule.filters) add(f.mirrorBackend);
      for (const ref of rule.backendRefs) {
        add(ref);
        // A backendRef's own filters may mirror too.
        for (const f of ref.filters) add(f.mirrorBackend);
      }
    }
  portsByRoutes.set(routes, out);
  return out;
}
