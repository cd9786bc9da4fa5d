/**
 * Defensive readers for specs as written: later stages never trust a field's type, because
 * validate/ reports malformed input but still hands every object on.
 */
import { dict } from "../collections/dict";
export function asRecord(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === "object" && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function asRecords(value: unknown): Record<string, unknown>[] {
  return asArray(value).map((item) => asRecord(item) ?? {});
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
