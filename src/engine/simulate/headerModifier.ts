/**
 * HTTPHeaderFilter (spec §4.1) on a header map keyed by lower-cased name: `set` replaces every
 * value, `add` appends with "," (what the echo backend shows), `remove` deletes. Names are
 * case-insensitive on both sides. A name the filter already touched is skipped: HTTPHeader.name
 * says the first entry with an equivalent name counts and later ones MUST be ignored (the filter
 * is still applied; validate/checkFilters.ts warns where it is written).
 */
import type { HTTPHeaderFilter } from "../api/spec";

export function applyHeaderModifier(
  headers: Record<string, string>,
  f: HTTPHeaderFilter | undefined,
): { headers: Record<string, string>; changes: string[] } {
  // Null prototype: "__proto__" is a valid header name, and on a plain object `out[key] = v` with
  // that key would change the prototype instead of setting the header (silently lost).
  const out: Record<string, string> = Object.assign(
    Object.create(null) as Record<string, string>,
    headers,
  );
  const changes: string[] = [];
  const touched = new Map<string, string>();
  /** False (and a note) when an earlier entry of this filter already names the header. */
  const first = (action: string, key: string): boolean => {
    const by = touched.get(key);
    if (by !== undefined) {
      changes.push(
        `${action} ${key} ignored: the filter already names it (${by}); the first entry counts`,
      );
      return false;
    }
    touched.set(key, action);
    return true;
  };
  for (const h of f?.set ?? []) {
    const key = (h.name ?? "").toLowerCase();
    if (!first("set", key)) continue;
    const prev = out[key];
    out[key] = h.value ?? "";
    changes.push(
      prev === undefined ? `set ${key}: ${out[key]}` : `set ${key}: ${out[key]} (was ${prev})`,
    );
  }
  for (const h of f?.add ?? []) {
    const key = (h.name ?? "").toLowerCase();
    if (!first("add", key)) continue;
    const prev = out[key];
    out[key] = prev === undefined ? (h.value ?? "") : `${prev},${h.value ?? ""}`;
    changes.push(
      prev === undefined
        ? `add ${key}: ${out[key]}`
        : `add ${key}: ${out[key]} (appended to ${prev})`,
    );
  }
  for (const name of f?.remove ?? []) {
    const key = name.toLowerCase();
    if (!first("remove", key)) continue;
    if (out[key] === undefined) {
      changes.push(`remove ${key} (not present)`);
      continue;
    }
    delete out[key];
    changes.push(`remove ${key}`);
  }
  return { headers: out, changes };
}
