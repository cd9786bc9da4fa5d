/**
 * HTTPRoute query-param matching (Extended): names and values case-sensitive, Exact or RE2 full
 * match; with a repeated parameter only its first value counts, as the spec recommends.
 */
import {
  compileValueMatches,
  describeValueMatch,
  isValueMatch,
  type CompiledValueMatch,
} from "./valueMatch";
import type { MatchOutcome } from "./types";
import type { HTTPQueryParamMatch } from "../api/spec";

/** `partialRegex`: the reading regexMatch=partial (a regex searches the value). */
export function compileQueryMatches(
  specs: readonly HTTPQueryParamMatch[] | undefined,
  partialRegex = false,
): CompiledValueMatch[] {
  return compileValueMatches(specs, false, partialRegex);
}

/** First value per name from a raw query string (without "?"), percent-decoded when well-formed. */
export function parseQuery(query: string): Map<string, string> {
  const out = new Map<string, string>();
  if (query === "") return out;
  for (const pair of query.split("&")) {
    if (pair === "") continue;
    const eq = pair.indexOf("=");
    const name = decode(eq < 0 ? pair : pair.slice(0, eq));
    if (!out.has(name)) out.set(name, decode(eq < 0 ? "" : pair.slice(eq + 1)));
  }
  return out;
}

function decode(s: string): string {
  const plus = s.replace(/\+/g, " ");
  try {
    return decodeURIComponent(plus);
  } catch {
    return plus;
  }
}

export function isQueryMatch(
  matches: readonly CompiledValueMatch[],
  params: ReadonlyMap<string, string>,
): boolean {
  for (const m of matches) if (!isValueMatch(m, params.get(m.key))) return false;
  return true;
}

export function matchQueryParams(
  specs: readonly HTTPQueryParamMatch[] | readonly CompiledValueMatch[] | undefined,
  params: ReadonlyMap<string, string>,
): MatchOutcome {
  const first = specs?.[0];
  const matches =
    first !== undefined && "key" in first
      ? (specs as readonly CompiledValueMatch[])
      : compileQueryMatches(specs as HTTPQueryParamMatch[] | undefined);
  if (matches.length === 0) return { pass: true, detail: "no query-param conditions" };
  const details = matches.map((m) => describeValueMatch(m, params.get(m.key), "query"));
  return { pass: isQueryMatch(matches, params), detail: details.join("; ") };
}
