/**
 * ResourceKey helpers for every layer: the UI and the CLI read and write keys only through these,
 * never by splitting on '/' or concatenating strings (a name may itself contain '/').
 */
import {
  displayName,
  parseResourceKey,
  resourceKey,
  type ObjectRef,
  type ResourceKey,
} from "../api/keys";

export { displayName, parseResourceKey, resourceKey };
export type { ObjectRef, ResourceKey };

/** The key of a reference as written in YAML (`{kind, namespace?, name}`). */
export function keyOfRef(ref: ObjectRef): ResourceKey {
  return resourceKey(ref.kind, ref.namespace, ref.name);
}

/** "HTTPRoute" of "HTTPRoute/team-b/shop". */
export function kindOfKey(key: ResourceKey): string {
  return parseResourceKey(key).kind;
}

/** The namespace of a key, undefined for cluster-scoped objects. */
export function namespaceOfKey(key: ResourceKey): string | undefined {
  return parseResourceKey(key).namespace;
}

/** "team-b/shop" of "HTTPRoute/team-b/shop"; "gwsim" of "GatewayClass//gwsim". */
export function displayKey(key: ResourceKey): string {
  return displayName(parseResourceKey(key));
}

/** "HTTPRoute team-b/shop", "GatewayClass gwsim": kind, then the name as kubectl users say it. */
export function objectLabel(key: ResourceKey): string {
  const ref = parseResourceKey(key);
  return `${ref.kind} ${displayName(ref)}`;
}

/** The key the same object has after a rename (same kind and namespace). */
export function renamedKey(key: ResourceKey, name: string): ResourceKey {
  const ref = parseResourceKey(key);
  return resourceKey(ref.kind, ref.namespace, name);
}
