/**
 * A ReferenceGrant edited in place (a `from` namespace or kind typed): a grant is read only by the
 * references that cross into its namespace (isReferencePermitted.ts: a same-namespace reference
 * needs no grant, and grants are looked up in the target's namespace). So the edit reaches the
 * objects whose spec names that namespace and that live elsewhere, and the grant's own node and
 * edges (grant → the namespaces it admits).
 *
 * Readers found by what their spec names, not by what resolved: a reference the old grant refused
 * names the namespace all the same. The routes among them are resolved again against the new
 * grant (the route-edit proofs then decide, route by route, what of revision n stands); any other
 * reader (a Gateway's certificateRefs, a policy's cross-namespace reference) is not proven.
 */
import { resourceKey } from "../api/keys";
import { isRouteKind } from "../api/kinds";
import type { GraphEdge, GraphNamespaceGroup } from "../graph/types";
import { forEachEdge } from "./patchEdges";
import type { ResourceIndex } from "../resolve/indexResources";
import type { Manifest } from "../types";

/** The routes that may read the edited grant, or why the edit reaches further. */
export function grantEditReach(
  index: ResourceIndex,
  before: Manifest,
  after: Manifest,
): readonly Manifest[] | string {
  if (before.group !== after.group) return "the ReferenceGrant's API group changed";
  if (before.body["status"] !== undefined || after.body["status"] !== undefined)
    return "the ReferenceGrant carries a written status (drift compares it)";
  const namespace = after.namespace;
  if (namespace === undefined) return "the ReferenceGrant has no namespace";
  const routes: Manifest[] = [];
  for (const m of index.manifests) {
    if (m.namespace === namespace || m.kind === "ReferenceGrant") continue;
    if (!namespacesNamed(m).has(namespace)) continue;
    if (!isRouteKind(m.kind) || !m.modelled)
      return `${m.kind} ${m.name} may reference an object in namespace ${namespace}`;
    routes.push(m);
  }
  return routes;
}

const named = new WeakMap<Manifest, ReadonlySet<string>>();

/**
 * Every string a `namespace` field holds anywhere in the object's spec. Kept per object: an
 * unchanged document is the very object of the previous revision, so a keystroke reads only the
 * documents it changed.
 */
function namespacesNamed(m: Manifest): ReadonlySet<string> {
  let found = named.get(m);
  if (found === undefined) {
    const out = new Set<string>();
    collectNamespaces(m.spec, out);
    named.set(m, (found = out));
  }
  return found;
}

function collectNamespaces(value: unknown, out: Set<string>): void {
  if (Array.isArray(value)) {
    for (const item of value) collectNamespaces(item, out);
    return;
  }
  if (value === null || typeof value !== "object") return;
  for (const [field, inner] of Object.entries(value)) {
    if (field === "namespace" && typeof inner === "string") out.add(inner);
    else collectNamespaces(inner, out);
  }
}

const NAMESPACE_TARGET = resourceKey("Namespace", undefined, "");

/**
 * The namespace frames once grant edges moved: as buildSemanticGraph groups them, a frame stands
 * for a declared Namespace, for the nodes in it, or for an edge's target alone (a grant admitting
 * a namespace that holds nothing else). Declarations and members are the edit's to keep: only the
 * frames edges alone point at come and go.
 */
export function framesPointedAt(
  frames: readonly GraphNamespaceGroup[],
  edgeChunks: readonly (readonly GraphEdge[])[],
): GraphNamespaceGroup[] {
  const pointedAt = new Set<string>();
  forEachEdge(edgeChunks, (edge) => {
    if (edge.target.startsWith(NAMESPACE_TARGET)) pointedAt.add(edge.target);
  });
  const out = frames.filter((f) => f.declared || f.members.length > 0 || pointedAt.has(f.id));
  const framed = new Set<string>(out.map((f) => f.id));
  for (const id of pointedAt) {
    if (framed.has(id)) continue;
    const namespace = id.slice(NAMESPACE_TARGET.length);
    out.push({
      id: resourceKey("Namespace", undefined, namespace),
      namespace,
      declared: false,
      members: [],
    });
  }
  return out.sort((a, b) => a.namespace.localeCompare(b.namespace));
}
