/**
 * The API server refuses a Secret or ConfigMap whose data exceeds 1 MiB (MaxSecretSize,
 * MaxConfigMapSize: 1,048,576 bytes). ConfigMaps count each key and value of data and
 * binaryData; Secrets count the decoded values of data, stringData merged in first. Counting is
 * skipped when even three bytes per character could not reach the limit, so ordinary objects
 * cost one pass over their lengths.
 */
import type { ValidationIssue } from "./validationIssue";
import { dataFields, entries, MAX_DATA_BYTES, mayExceedDataSize } from "./dataSizeBound";
import { utf8Length } from "../load/utf8Length";

export function checkDataSize(
  kind: "Secret" | "ConfigMap",
  body: Record<string, unknown>,
): ValidationIssue[] {
  if (!mayExceedDataSize(kind, body)) return [];
  const fields = dataFields(kind);
  let total = 0;
  const counted = new Set<string>();
  for (const field of kind === "Secret" ? ["stringData", "data"] : fields) {
    for (const [key, value] of entries(body[field])) {
      if (typeof value !== "string") continue;
      // stringData wins over data for the same key, as the API server merges them.
      if (kind === "Secret" && counted.has(key)) continue;
      counted.add(key);
      const base64 = field === "binaryData" || (kind === "Secret" && field === "data");
      const valueBytes = base64 ? decodedLength(value) : utf8Length(value);
      total += (kind === "ConfigMap" ? utf8Length(key) : 0) + valueBytes;
    }
  }
  if (total <= MAX_DATA_BYTES) return [];
  const field = fields.find((f) => entries(body[f]).length > 0) ?? "data";
  return [
    {
      code: "schema.length",
      path: [field],
      message: `${field}: the ${kind} holds ${total.toLocaleString("en-US")} bytes of data; the API server refuses more than ${MAX_DATA_BYTES.toLocaleString("en-US")} (1 MiB), so the apply fails.`,
      hint:
        kind === "Secret"
          ? "Split the Secret, or keep large material out of it (a mounted volume, an external secret store)."
          : "Split the ConfigMap, or ship large content another way (a volume, the container image).",
    },
  ];
}

/** Bytes a base64 value decodes to (whitespace ignored, as the YAML folding may leave some). */
function decodedLength(text: string): number {
  let chars = 0;
  let padding = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x3d) padding++;
    else if (c > 0x20) chars++;
  }
  return Math.floor(((chars + padding) * 3) / 4) - padding;
}
