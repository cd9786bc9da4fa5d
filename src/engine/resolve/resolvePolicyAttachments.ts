/**
 * Policy attachment links: `spec.targetRef` / `spec.targetRefs` of BackendTLSPolicy and of any
 * opaque object that carries them (Envoy Gateway SecurityPolicy, BackendTrafficPolicy,
 * ClientTrafficPolicy, …), plus the `parametersRef` of GatewayClasses and of Gateway
 * infrastructure (e.g. an EnvoyProxy), recorded as the parameters object attached to its user.
 */
import { GATEWAY_GROUP, isRouteKind, namespaceForKind } from "../api/kinds";
import { resourceKey } from "../api/keys";
import type { Manifest, PolicyAttachment } from "../types";
import { getObject, listKind, type ResourceIndex } from "./indexResources";
import { asRecord, asRecords, asString } from "./read";
import { findUnscopedObject } from "./findUnscopedObject";

/** Kinds whose `targetRef(s)` mean something else, or that are never policies. */
const NOT_POLICIES = new Set([
  "Gateway",
  "GatewayClass",
  "ListenerSet",
  "ReferenceGrant",
  "Service",
  "Namespace",
  "Secret",
  "ConfigMap",
]);

export function resolvePolicyAttachments(index: ResourceIndex): PolicyAttachment[] {
  const out: PolicyAttachment[] = [];
  for (const m of index.manifests) {
    if (!mayBePolicy(m.kind)) continue;
    const refs = policyTargetRefs(m);
    refs.forEach((ref, i) => out.push(resolveTarget(index, m, i, ref)));
  }
  for (const cls of listKind(index, "GatewayClass")) {
    const ref = asRecord(cls.spec["parametersRef"]);
    if (ref) pushParameters(index, out, ref, asString(ref["namespace"]), cls);
  }
  for (const gw of listKind(index, "Gateway")) {
    const ref = asRecord(asRecord(gw.spec["infrastructure"])?.["parametersRef"]);
    if (ref) pushParameters(index, out, ref, gw.namespace, gw);
  }
  return out;
}

/** Whether objects of `kind` are read as policies (by their targetRefs). */
export function mayBePolicy(kind: string): boolean {
  return !NOT_POLICIES.has(kind) && !isRouteKind(kind);
}

/** targetRefs (plural) win over targetRef when both are written. */
export function policyTargetRefs(m: Manifest): readonly Record<string, unknown>[] {
  if (Array.isArray(m.spec["targetRefs"])) return asRecords(m.spec["targetRefs"]);
  const single = asRecord(m.spec["targetRef"]);
  return single ? [single] : [];
}

function resolveTarget(
  index: ResourceIndex,
  policy: Manifest,
  i: number,
  ref: Record<string, unknown>,
): PolicyAttachment {
  const kind = asString(ref["kind"]) ?? "";
  // A direct policy's targetRef is local (GEP-713, LocalPolicyTargetReference: no namespace): the
  // API server drops a written namespace for the CRDs built on it (Envoy Gateway, Kuadrant, NGINX
  // Gateway Fabric, BackendTLSPolicy), so the controller looks in the policy's own namespace.
  const written = asString(ref["namespace"]);
  const namespace = policy.namespace ?? written ?? "";
  const targetRef: PolicyAttachment["targetRef"] = {
    group: asString(ref["group"]) ?? "",
    kind,
    name: asString(ref["name"]) ?? "",
    namespace,
  };
  const sectionName = asString(ref["sectionName"]);
  if (sectionName !== undefined) targetRef.sectionName = sectionName;
  const attachment: PolicyAttachment = {
    policy: policy.key,
    policyKind: policy.kind,
    targetRefIndex: i,
    targetRef,
  };
  if (
    written !== undefined &&
    written !== namespace &&
    namespaceForKind(kind, written) !== undefined
  )
    attachment.namespaceIgnored = written;
  const target = getObject(index, kind, namespaceForKind(kind, namespace), targetRef.name);
  if (target && target.group === targetRef.group) attachment.target = target.key;
  return attachment;
}

function pushParameters(
  index: ResourceIndex,
  out: PolicyAttachment[],
  ref: Record<string, unknown>,
  namespace: string | undefined,
  user: Manifest,
): void {
  const kind = asString(ref["kind"]) ?? "";
  const name = asString(ref["name"]) ?? "";
  const params =
    getObject(index, kind, namespace, name) ??
    (namespace === undefined ? findUnscopedObject(index, kind, name) : undefined);
  out.push({
    policy: params?.key ?? resourceKey(kind, namespace, name),
    policyKind: kind,
    targetRefIndex: 0,
    targetRef: {
      group: GATEWAY_GROUP,
      kind: user.kind,
      name: user.name,
      namespace: user.namespace ?? "",
    },
    target: user.key,
  });
}
