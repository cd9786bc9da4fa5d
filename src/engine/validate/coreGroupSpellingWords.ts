/**
 * The words of a `group: core` reference (checkCoreGroupSpelling.ts finds it). In the on-demand
 * diagnostic words: only such a reference needs them.
 */
import type { FieldPath } from "../types";

export function coreGroupSpellingMessage(
  printedPath: string,
  kind: string,
  refPath: FieldPath,
  parentRef: boolean,
): string {
  return `${printedPath}: "core" is not the name of the core API group, which is "" (the empty string); a controller that follows the spec reads this as an unknown group${parentRef ? " and writes no status for this parent" : ""}. Some implementations accept it too (${acceptedBy(kind, refPath)}).`;
}

/**
 * Who accepts "core" where, from their source: Linkerd (its documentation writes it for Service
 * parents and backends); Traefik (traefik/traefik pkg/provider/kubernetes/gateway, `groupCore =
 * "core"`) for route backendRefs, listener certificateRefs, BackendTLSPolicy targetRefs and
 * caCertificateRefs, and ReferenceGrant from/to, but not for parentRefs (it reads only the
 * Gateway API group there) nor, as far as its source shows, for a mirror's backendRef.
 */
function acceptedBy(kind: string, refPath: FieldPath): string {
  const linkerd = "Linkerd, whose documentation writes it throughout";
  const field = refPath[1];
  const traefik =
    field === "parentRefs"
      ? false
      : field === "targetRefs"
        ? kind === "BackendTLSPolicy"
        : !refPath.includes("requestMirror");
  return traefik
    ? `${linkerd}; Traefik, which reads "core" as the core group in backendRefs, certificateRefs, ReferenceGrants and BackendTLSPolicy references`
    : linkerd;
}
