/**
 * Lookups over the input, as the API server would answer them.
 *
 * Namespaces: the API server labels every Namespace with `kubernetes.io/metadata.name: <name>`,
 * and conformance selects on that label, so declared Namespaces get it added. A namespace that
 * objects live in (or that a reference names) but that is not declared in the input is treated
 * as existing with only that label: users rarely paste their Namespace objects, and a real
 * cluster could not hold the objects without the namespace.
 */
import { resourceKey } from "../api/keys";
import type { Manifest, ResourceKey } from "../types";
import { buildWorldIndex, DEFAULT_WORLD_MODE, type WorldIndex, type WorldMode } from "./world";

export const NAMESPACE_NAME_LABEL = "kubernetes.io/metadata.name";

export interface NamespaceInfo {
  name: string;
  labels: Record<string, string>;
  /** False when the namespace is implied rather than declared in the input. */
  declared: boolean;
}

export interface ResourceIndex {
  /** Every object, in input order; a later duplicate replaces the earlier one, as kubectl apply does. */
  manifests: readonly Manifest[];
  byKey: ReadonlyMap<ResourceKey, Manifest>;
  byKind: ReadonlyMap<string, readonly Manifest[]>;
  namespaces: ReadonlyMap<string, NamespaceInfo>;
  /** How much of the cluster the input is: reference lookups go through resolve/world.ts. */
  world: WorldIndex;
}

export function indexResources(
  input: readonly Manifest[],
  world: WorldMode = DEFAULT_WORLD_MODE,
): ResourceIndex {
  const byKey = new Map<ResourceKey, Manifest>();
  for (const m of input) byKey.set(m.key, m);
  const manifests = input.filter((m) => byKey.get(m.key) === m);
  const byKind = new Map<string, Manifest[]>();
  for (const m of manifests) {
    const list = byKind.get(m.kind);
    if (list) list.push(m);
    else byKind.set(m.kind, [m]);
  }
  const namespaces = new Map<string, NamespaceInfo>();
  for (const m of byKind.get("Namespace") ?? []) namespaces.set(m.name, declaredNamespace(m));
  for (const m of manifests) {
    if (m.namespace !== undefined && !namespaces.has(m.namespace))
      namespaces.set(m.namespace, impliedNamespace(m.namespace));
  }
  return { manifests, byKey, byKind, namespaces, world: buildWorldIndex(manifests, world) };
}

/** A Namespace object as the index reads it (the incremental pass reads an edited one the same way). */
export function declaredNamespace(m: Manifest): NamespaceInfo {
  return { name: m.name, labels: { ...m.labels, [NAMESPACE_NAME_LABEL]: m.name }, declared: true };
}

function impliedNamespace(name: string): NamespaceInfo {
  return { name, labels: { [NAMESPACE_NAME_LABEL]: name }, declared: false };
}

export function getObject(
  index: ResourceIndex,
  kind: string,
  namespace: string | undefined,
  name: string,
): Manifest | undefined {
  return index.byKey.get(resourceKey(kind, namespace, name));
}

export function listKind(index: ResourceIndex, kind: string): readonly Manifest[] {
  return index.byKind.get(kind) ?? [];
}

/** Labels of a namespace; an undeclared namespace has only its name label (see the module comment). */
export function namespaceInfo(index: ResourceIndex, name: string): NamespaceInfo {
  return index.namespaces.get(name) ?? impliedNamespace(name);
}
