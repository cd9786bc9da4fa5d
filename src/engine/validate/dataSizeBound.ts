/**
 * The cheap test of validate/checkDataSize.ts: whether a Secret's or ConfigMap's data could pass
 * the API server's 1 MiB at all. Every Secret and ConfigMap is tested (checkCoreKinds.ts); the
 * exact count and its words load with the diagnostic words, for the few that could.
 */

export const MAX_DATA_BYTES = 1024 * 1024;

/**
 * Whether even three bytes per character could reach the limit: one pass over the lengths. Only
 * then is the counting (checkDataSize.ts) asked for (it is in the on-demand diagnostic words module).
 */
export function mayExceedDataSize(
  kind: "Secret" | "ConfigMap",
  body: Record<string, unknown>,
): boolean {
  let bound = 0;
  for (const field of dataFields(kind))
    for (const [key, value] of entries(body[field]))
      bound += 3 * key.length + (typeof value === "string" ? 3 * value.length : 0);
  return bound > MAX_DATA_BYTES;
}

export function dataFields(kind: "Secret" | "ConfigMap"): string[] {
  return kind === "Secret" ? ["data", "stringData"] : ["data", "binaryData"];
}

export function entries(value: unknown): [string, unknown][] {
  return value !== null && typeof value === "object" && !Array.isArray(value)
    ? Object.entries(value)
    : [];
}
