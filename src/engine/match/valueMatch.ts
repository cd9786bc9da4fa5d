/**
 * Shared compiled form of header and query-param conditions: a name, an Exact or
 * RegularExpression (RE2 full-match; a search under the reading regexMatch=partial) value, and a
 * compile error that makes the condition fail.
 */
import { compileRegex, regexMatchWords, type CompiledRegex } from "./regex";

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
  partialRegex = false,
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
      const compiled = compileRegex(value, partialRegex);
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
  return m.type === "Exact" ? actual === m.value : m.regex !== undefined && m.regex.matches(actual);
}

export function describeValueMatch(
  m: CompiledValueMatch,
  actual: string | undefined,
  what: string,
): string {
  const pass = isValueMatch(m, actual);
  if (m.type === "Exact") {
    if (m.error !== undefined) return `${what} ${m.name} = ${m.value} never matches: ${m.error}`;
    if (actual === undefined) return `${what} ${m.name} is absent (wanted = ${m.value})`;
    return `${what} ${m.name}: ${actual} ${pass ? "equals" : "does not equal"} ${m.value}`;
  }
  const words = regexMatchWords(m.regex, pass);
  const wanted = `~ "${m.value}" ${words.dialect}`;
  if (m.error !== undefined) return `${what} ${m.name} ${wanted} never matches: ${m.error}`;
  if (actual === undefined) return `${what} ${m.name} is absent (wanted ${wanted})`;
  const reading = m.regex?.partial === true ? ` ${words.dialect}` : "";
  return `${what} ${m.name}: ${actual} ${words.verb} "${m.value}"${reading}`;
}
