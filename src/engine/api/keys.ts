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

export function parseResourceKey(key: ResourceKey): ObjectRef {
  const [kind = "", namespace = "", ...rest] = key.split("/");
  const name = rest.join("/");
  return namespace ? { kind, namespace, name } : { kind, name };
}

/** "namespace/name", or just "name" for cluster-scoped objects: how kubectl users say it. */
export function displayName(ref: ObjectRef): string {
  return ref.namespace ? `${ref.namespace}/${ref.name}` : ref.name;
}
