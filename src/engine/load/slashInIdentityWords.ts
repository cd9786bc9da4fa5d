/**
 * The words of an object refused for a "/" in its kind, namespace or name (buildManifest.ts
 * refuses it). In the on-demand diagnostic words: only such an object needs them.
 */
export function slashInIdentityMessage(
  field: "kind" | "namespace" | "name",
  kind: string,
  value: string,
): string {
  const why =
    field === "kind"
      ? "no resource has such a kind"
      : field === "namespace"
        ? "a namespace is a DNS label"
        : "a name may not contain '/'";
  const owner = field === "kind" ? "object" : kind;
  const written = field === "kind" ? "`kind`" : `\`metadata.${field}\``;
  return `This ${owner}'s ${written} ${JSON.stringify(value)} contains "/"; the API server refuses it (${why}), so the object was not loaded.`;
}
