/**
 * RefNotPermitted → the smallest ReferenceGrant that permits the reference: in the target's
 * namespace, from the route's (group, kind, namespace), to the target's (group, kind, name).
 * Naming the target keeps the grant from opening every Service of the namespace.
 */
import { GATEWAY_GROUP } from "../api/kinds";
import { RouteReason } from "../api/conditions";
import { parseResourceKey } from "../api/keys";
import type { Manifest, ResolvedBackendRef, ResolvedRoute } from "../types";
import type { FixIt } from "./fixItTypes";

const REFERENCE_GRANT_API = "gateway.networking.k8s.io/v1beta1";

export function buildReferenceGrantFixes(
  routes: readonly ResolvedRoute[],
  manifests: ReadonlyMap<string, Manifest>,
): FixIt[] {
  const out = new Map<string, FixIt>();
  const taken = new Set(
    [...manifests.values()]
      .filter((m) => m.kind === "ReferenceGrant")
      .map((m) => `${m.namespace ?? ""}/${m.name}`),
  );
  for (const route of routes) {
    const manifest = manifests.get(route.key);
    if (manifest === undefined) continue;
    for (const ref of deniedRefs(route)) {
      const id = `reference-grant:${route.kind}:${route.namespace}:${ref.group}:${ref.kind}:${ref.namespace}:${ref.name}`;
      if (out.has(id)) continue;
      const name = uniqueName(
        `allow-${route.kind.toLowerCase()}s-from-${route.namespace}-to-${ref.name}`,
        ref.namespace,
        taken,
      );
      taken.add(`${ref.namespace}/${name}`);
      out.set(id, {
        id,
        kind: "reference-grant",
        title: `Add ReferenceGrant ${ref.namespace}/${name}`,
        detail: `Allows ${route.kind}s in namespace ${route.namespace} to reference ${ref.kind} ${ref.namespace}/${ref.name} (only that ${ref.kind}). The grant lives in ${ref.namespace}: its owners must agree to it.`,
        fixes: "lint.reference-not-granted",
        object: parseResourceKey(route.key),
        file: manifest.source.file,
        edits: [
          {
            op: "addObject",
            object: {
              apiVersion: REFERENCE_GRANT_API,
              kind: "ReferenceGrant",
              metadata: { name, namespace: ref.namespace },
              spec: {
                from: [{ group: GATEWAY_GROUP, kind: route.kind, namespace: route.namespace }],
                to: [{ group: ref.group, kind: ref.kind, name: ref.name }],
              },
            },
          },
        ],
      });
    }
  }
  return [...out.values()];
}

function deniedRefs(route: ResolvedRoute): ResolvedBackendRef[] {
  const refs: ResolvedBackendRef[] = [];
  for (const rule of route.rules) {
    for (const b of rule.backendRefs) {
      if (b.reason === RouteReason.RefNotPermitted) refs.push(b);
      for (const f of b.filters)
        if (f.mirrorBackend?.reason === RouteReason.RefNotPermitted) refs.push(f.mirrorBackend);
    }
    for (const f of rule.filters)
      if (f.mirrorBackend?.reason === RouteReason.RefNotPermitted) refs.push(f.mirrorBackend);
  }
  return refs;
}

/** Kubernetes names are at most 253 characters; a suffix keeps two grants in one namespace apart. */
function uniqueName(base: string, namespace: string, taken: ReadonlySet<string>): string {
  const trimmed = base
    .toLowerCase()
    .replace(/[^a-z0-9.-]/g, "-")
    .slice(0, 240);
  let name = trimmed;
  for (let n = 2; taken.has(`${namespace}/${name}`); n++) name = `${trimmed}-${n}`;
  return name;
}
