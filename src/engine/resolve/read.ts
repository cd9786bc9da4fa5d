/**
 * Defensive readers for specs as written: later stages never trust a field's type, because
 * validate/ reports malformed input but still hands every object on.
 */
import { dict } from "../collections/dict";
import { emptyList } from "../collections/emptyList";

export function asRecord(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === "object" && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/**
 * The list's entries as records, a non-record entry read as `{}` (so indexes still name what the
 * user wrote). A list of records (the typed view's usual case) is returned as it is, not copied:
 * stages read it many times per object, and nobody writes to the typed view.
 */
export function asRecords(value: unknown): readonly Record<string, unknown>[] {
  // Not a list (most often absent): the shared empty list, not a new one per read.
  if (!Array.isArray(value)) return emptyList();
  for (let i = 0; i < value.length; i++) {
    if (asRecord(value[i]) === undefined) return value.map((item) => asRecord(item) ?? {});
  }
  return value as Record<string, unknown>[];
}

export function asString(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

export function asNumber(value: unknown): number | undefined {
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}

export function asStringMap(value: unknown): Record<string, string> {
  const out: Record<string, string> = dict();
  for (const [k, v] of Object.entries(asRecord(value) ?? {})) if (typeof v === "string") out[k] = v;
  return out;
}
