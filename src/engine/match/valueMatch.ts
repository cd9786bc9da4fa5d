/**
 * Shared compiled form of header and query-param conditions: a name, an Exact or
 * RegularExpression (RE2 full-match) value, and a compile error that makes the condition fail.
 */
import { compileRegex, type CompiledRegex } from "./regex";

export interface CompiledValueMatch {
  /** The name as written. */
  name: string;
  /** The name as looked up: lower-cased for headers, as written for query params. */
  key: string;
  type: "Exact" | "RegularExpression";
  value: string;
  regex?: CompiledRegex;
  error?: string;
}

interface ValueMatchSpec {
  type?: string;
  name?: string;
  value?: string;
}

/**
 * Compiles the list, keeping only the first entry per name: the CRD map key is case-sensitive
 * for headers, so `Foo` and `foo` can both pass admission, and the spec says the first one wins.
 */
export function compileValueMatches(
  specs: readonly ValueMatchSpec[] | undefined,
  caseInsensitiveNames: boolean,
): CompiledValueMatch[] {
  const out: CompiledValueMatch[] = [];
  if (specs === undefined || specs.length === 0) return out;
  const seen = new Set<string>();
  for (const spec of specs) {
    const name = spec.name ?? "";
    const key = caseInsensitiveNames ? name.toLowerCase() : name;
    if (seen.has(key)) continue;
    seen.add(key);
    const value = spec.value ?? "";
    const type = spec.type ?? "Exact";
    if (type === "Exact") out.push({ name, key, type, value });
    else if (type === "RegularExpression") {
      const compiled = compileRegex(value);
      out.push(
        compiled.ok
          ? { name, key, type, value, regex: compiled.regex }
          : { name, key, type, value, error: `invalid RE2 pattern: ${compiled.error}` },
      );
    } else out.push({ name, key, type: "Exact", value, error: `unsupported match type "${type}"` });
  }
  return out;
}

export function isValueMatch(m: CompiledValueMatch, actual: string | undefined): boolean {
  if (actual === undefined || m.error !== undefined) return false;
  return m.type === "Exact"
    ? actual === m.value
    : m.regex !== undefined && m.regex.matchesWhole(actual);
}

export function describeValueMatch(
  m: CompiledValueMatch,
  actual: string | undefined,
  what: string,
): string {
  const wanted = m.type === "Exact" ? `= ${m.value}` : `~ "${m.value}" (RE2)`;
  if (m.error !== undefined) return `${what} ${m.name} ${wanted} never matches: ${m.error}`;
  if (actual === undefined) return `${what} ${m.name} is absent (wanted ${wanted})`;
  return isValueMatch(m, actual)
    ? `${what} ${m.name}: ${actual} ${m.type === "Exact" ? "equals" : "fully matches"} ${m.type === "Exact" ? m.value : `"${m.value}"`}`
    : `${what} ${m.name}: ${actual} does not ${m.type === "Exact" ? "equal" : "fully match"} ${m.type === "Exact" ? m.value : `"${m.value}"`}`;
}
