/**
 * A resource's identity: "Kind/namespace/name", with an empty namespace for cluster-scoped kinds
 * (e.g. "GatewayClass//gwsim"). Built only through resourceKey() so every layer spells it alike.
 */
export type ResourceKey = string & { readonly __brand: "ResourceKey" };

export function resourceKey(
  kind: string,
  namespace: string | undefined,
  name: string,
): ResourceKey {
  return `${kind}/${namespace ?? ""}/${name}` as ResourceKey;
}

export interface ObjectRef {
  kind: string;
  namespace?: string;
  name: string;
}

/**
 * The key's parts: the kind up to the first `/`, the namespace up to the second, the name the rest
 * (slashes included). Unambiguous for every loaded object: one with a `/` in its kind, namespace
 * or name is refused (load/buildManifest.ts, object.slash-in-identity), as the API server does. Two searches rather than a split: a split made a list entry per `/`, and a
 * name or namespace written as thousands of slashes made every call allocate that list.
 */
export function parseResourceKey(key: ResourceKey): ObjectRef {
  const first = key.indexOf("/");
  if (first < 0) return { kind: key, name: "" };
  const second = key.indexOf("/", first + 1);
  const kind = key.slice(0, first);
  const namespace = second < 0 ? key.slice(first + 1) : key.slice(first + 1, second);
  const name = second < 0 ? "" : key.slice(second + 1);
  return namespace ? { kind, namespace, name } : { kind, name };
}

/** "namespace/name", or just "name" for cluster-scoped objects: how kubectl users say it. */
export function displayName(ref: ObjectRef): string {
  return ref.namespace ? `${ref.namespace}/${ref.name}` : ref.name;
}
