/**
 * HTTPRoute/GRPCRoute header matching: names case-insensitive, values case-sensitive, Exact by
 * default or RE2 full match; the first entry wins when names repeat. Repeated request headers
 * arrive joined with "," (what Envoy matches against).
 */
import {
  compileValueMatches,
  describeValueMatch,
  isValueMatch,
  type CompiledValueMatch,
} from "./valueMatch";
import type { MatchOutcome } from "./types";
import type { HTTPHeaderMatch } from "../api/spec";

/** `partialRegex`: the reading regexMatch=partial (a regex searches the value). */
export function compileHeaderMatches(
  specs: readonly HTTPHeaderMatch[] | undefined,
  partialRegex = false,
): CompiledValueMatch[] {
  return compileValueMatches(specs, true, partialRegex);
}

/** Request headers keyed by lower-cased name. */
export type HeaderLookup = ReadonlyMap<string, string>;

export function toHeaderLookup(
  headers: Readonly<Record<string, string>> | undefined,
): Map<string, string> {
  const out = new Map<string, string>();
  if (headers === undefined) return out;
  for (const name of Object.keys(headers)) {
    const key = name.toLowerCase();
    const value = headers[name] ?? "";
    const prev = out.get(key);
    out.set(key, prev === undefined ? value : `${prev},${value}`);
  }
  return out;
}

export function isHeadersMatch(
  matches: readonly CompiledValueMatch[],
  headers: HeaderLookup,
): boolean {
  for (const m of matches) if (!isValueMatch(m, headers.get(m.key))) return false;
  return true;
}

export function matchHeaders(
  specs: readonly HTTPHeaderMatch[] | readonly CompiledValueMatch[] | undefined,
  headers: HeaderLookup,
): MatchOutcome {
  const matches = isCompiledList(specs)
    ? specs
    : compileHeaderMatches(specs as HTTPHeaderMatch[] | undefined);
  if (matches.length === 0) return { pass: true, detail: "no header conditions" };
  const details = matches.map((m) => describeValueMatch(m, headers.get(m.key), "header"));
  return { pass: isHeadersMatch(matches, headers), detail: details.join("; ") };
}

function isCompiledList(
  specs: readonly unknown[] | undefined,
): specs is readonly CompiledValueMatch[] {
  const first = specs?.[0];
  return first !== undefined && typeof first === "object" && first !== null && "key" in first;
}
