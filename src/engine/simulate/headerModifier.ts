/**
 * HTTPHeaderFilter (spec §4.1) on a header map keyed by lower-cased name: `set` replaces every
 * value, `add` appends with "," (what the echo backend shows), `remove` deletes. Names are
 * case-insensitive on both sides.
 */
import type { HTTPHeaderFilter } from '../api/spec';

export function applyHeaderModifier(headers: Record<string, string>, f: HTTPHeaderFilter | undefined): { headers: Record<string, string>; changes: string[] } {
  const out = { ...headers };
  const changes: string[] = [];
  for (const h of f?.set ?? []) {
    const key = (h.name ?? '').toLowerCase();
    const prev = out[key];
    out[key] = h.value ?? '';
    changes.push(prev === undefined ? `set ${key}: ${out[key]}` : `set ${key}: ${out[key]} (was ${prev})`);
  }
  for (const h of f?.add ?? []) {
    const key = (h.name ?? '').toLowerCase();
    const prev = out[key];
    out[key] = prev === undefined ? (h.value ?? '') : `${prev},${h.value ?? ''}`;
    changes.push(prev === undefined ? `add ${key}: ${out[key]}` : `add ${key}: ${out[key]} (appended to ${prev})`);
  }
  for (const name of f?.remove ?? []) {
    const key = name.toLowerCase();
    if (out[key] === undefined) {
      changes.push(`remove ${key} (not present)`);
      continue;
    }
    delete out[key];
    changes.push(`remove ${key}`);
  }
  return { headers: out, changes };
}
