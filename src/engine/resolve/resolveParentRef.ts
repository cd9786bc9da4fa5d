/**
 * A route's parentRef with the spec defaults applied (spec §1.4): group gateway.networking.k8s.io,
 * kind Gateway, namespace = the route's. Cross-namespace parentRefs need no ReferenceGrant: the
 * listener's allowedRoutes is the handshake.
 */
import { GATEWAY_GROUP } from "../api/kinds";
import type { ParentReference } from "../api/spec";
import { asNumber, asRecord, asString } from "./read";

export interface ResolvedParentRef {
  group: string;
  kind: string;
  namespace: string;
  name: string;
  sectionName?: string;
  port?: number;
}

export function resolveParentRef(raw: unknown, routeNamespace: string): ResolvedParentRef {
  const ref = asRecord(raw) ?? {};
  const out: ResolvedParentRef = {
    group: asString(ref["group"]) ?? GATEWAY_GROUP,
    kind: asString(ref["kind"]) ?? "Gateway",
    namespace: asString(ref["namespace"]) ?? routeNamespace,
    name: asString(ref["name"]) ?? "",
  };
  const sectionName = asString(ref["sectionName"]);
  if (sectionName !== undefined) out.sectionName = sectionName;
  const port = asNumber(ref["port"]);
  if (port !== undefined) out.port = port;
  return out;
}

/** The parentRef exactly as written, for status.parents[].parentRef (no defaults added). */
export function copyParentRefAsWritten(raw: unknown): ParentReference {
  const ref = asRecord(raw) ?? {};
  const out: ParentReference = {};
  for (const field of ["group", "kind", "namespace", "name", "sectionName"] as const) {
    const value = asString(ref[field]);
    if (value !== undefined) out[field] = value;
  }
  const port = asNumber(ref["port"]);
  if (port !== undefined) out.port = port;
  return out;
}

export function describeParentRef(ref: ResolvedParentRef): string {
  const where = ref.sectionName !== undefined ? ` sectionName ${ref.sectionName}` : "";
  const port = ref.port !== undefined ? ` port ${ref.port}` : "";
  return `${ref.kind} ${ref.namespace}/${ref.name}${where}${port}`;
}
