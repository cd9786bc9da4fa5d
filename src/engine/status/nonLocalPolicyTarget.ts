/**
 * A direct policy whose targetRef names an object of another namespace. GEP-713 made policy
 * targetRefs local (LocalPolicyTargetReference has no namespace; the old PolicyTargetReference
 * that had one is gone from the standard API): the CRDs built on it (Envoy Gateway, Kuadrant,
 * NGINX Gateway Fabric, BackendTLSPolicy) drop the field, and Istio, whose targetRef keeps it,
 * does not support another namespace. Either way the policy configures nothing in that namespace.
 * An on-demand part of the diagnostic words (diagnostics/diagnosticWordsModule.ts).
 */
import type { FieldPath, Manifest, PolicyAttachment } from "../types";

export function describeNonLocalPolicyTarget(
  attachment: PolicyAttachment,
  policy: Manifest,
): { path: FieldPath; message: string } {
  const { kind, name, namespace } = attachment.targetRef;
  const refPath: FieldPath = Array.isArray(policy.spec["targetRefs"])
    ? ["spec", "targetRefs", attachment.targetRefIndex]
    : ["spec", "targetRef"];
  return {
    path: [...refPath, "namespace"],
    message: `${attachment.policyKind} ${namespace}/${policy.name} targets ${kind} ${attachment.namespaceIgnored ?? ""}/${name} in another namespace, but a policy's targetRef is local (GEP-713): the API server drops this namespace for the policy CRDs built on it, and the controller looks for ${kind} ${namespace}/${name} instead, so the policy configures nothing in ${attachment.namespaceIgnored ?? ""}.`,
  };
}
