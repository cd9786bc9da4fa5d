/**
 * HTTPRoute path matching (spec §3.3): Exact is string equality, PathPrefix is element-wise
 * (one trailing "/" of the configured value is ignored, and the prefix must end at a "/" or at
 * the end of the path), RegularExpression is an RE2 full match of the path (query excluded), or a
 * search in it under the reading regexMatch=partial.
 */
import { compileRegex, regexMatchWords, type CompiledRegex } from "./regex";
import type { MatchOutcome } from "./types";
import type { HTTPPathMatch } from "../api/spec";

export type PathMatchKind = "Exact" | "PathPrefix" | "RegularExpression";

export interface CompiledPathMatch {
  type: PathMatchKind;
  /** The value as written (defaults applied). */
  value: string;
  /** PathPrefix only: the value without its trailing "/" ("" for "/"). */
  prefix: string;
  regex?: CompiledRegex;
  /** Set when the pattern does not compile or the type is unknown: the match never passes. */
  error?: string;
}

/**
 * Applies the defaults: an omitted path is PathPrefix "/", an omitted type is PathPrefix.
 * `partialRegex`: the reading regexMatch=partial (a regex searches the path).
 */
export function compilePathMatch(
  spec: HTTPPathMatch | undefined,
  partialRegex = false,
): CompiledPathMatch {
  const type = spec?.type ?? "PathPrefix";
  const value = spec?.value ?? "/";
  if (type === "Exact") return { type, value, prefix: value };
  if (type === "PathPrefix") return { type, value, prefix: trimPrefix(value) };
  if (type === "RegularExpression") {
    const compiled = compileRegex(value, partialRegex);
    return compiled.ok
      ? { type, value, prefix: "", regex: compiled.regex }
      : { type, value, prefix: "", error: `invalid RE2 pattern: ${compiled.error}` };
  }
  return {
    type: "PathPrefix",
    value,
    prefix: trimPrefix(value),
    error: `unsupported path match type "${type}"`,
  };
}

function trimPrefix(value: string): string {
  return value.endsWith("/") ? value.slice(0, -1) : value;
}

/** Element-wise prefix test: `/v2` covers `/v2`, `/v2/` and `/v2/x`, never `/v2example`. */
export function isPathPrefixMatch(prefix: string, path: string): boolean {
  if (prefix === "") return true;
  if (!path.startsWith(prefix)) return false;
  return path.length === prefix.length || path.charCodeAt(prefix.length) === 47; // '/'
}

export function isPathMatch(m: CompiledPathMatch, path: string): boolean {
  if (m.error !== undefined) return false;
  switch (m.type) {
    case "Exact":
      return path === m.value;
    case "PathPrefix":
      return isPathPrefixMatch(m.prefix, path);
    case "RegularExpression":
      return m.regex !== undefined && m.regex.matches(path);
  }
}

export function matchPath(
  spec: HTTPPathMatch | undefined | CompiledPathMatch,
  path: string,
): MatchOutcome {
  const m = isCompiled(spec) ? spec : compilePathMatch(spec);
  if (m.error !== undefined)
    return { pass: false, detail: `${m.type} ${m.value} never matches: ${m.error}` };
  const pass = isPathMatch(m, path);
  switch (m.type) {
    case "Exact":
      return {
        pass,
        detail: pass ? `path ${path} equals ${m.value}` : `path ${path} is not exactly ${m.value}`,
      };
    case "PathPrefix":
      if (m.prefix === "") return { pass, detail: `PathPrefix / matches every path (${path})` };
      return {
        pass,
        detail: pass
          ? `path ${path} is under prefix ${m.value}`
          : path.startsWith(m.prefix)
            ? `path ${path} starts with ${m.prefix} but not at a "/" boundary (prefixes match whole segments)`
            : `path ${path} is not under prefix ${m.value}`,
      };
    case "RegularExpression": {
      const words = regexMatchWords(m.regex, pass);
      return { pass, detail: `path ${path} ${words.verb} "${m.value}" ${words.dialect}` };
    }
  }
}

function isCompiled(
  spec: HTTPPathMatch | undefined | CompiledPathMatch,
): spec is CompiledPathMatch {
  return spec !== undefined && "prefix" in spec;
}

/** Rank of the path type for precedence: Exact, then RegularExpression (Envoy-like), then PathPrefix. */
export function pathTypeRank(type: PathMatchKind): number {
  return type === "Exact" ? 3 : type === "RegularExpression" ? 2 : 1;
}

/** The length that ranks a path: PathPrefix without its trailing "/", so `/foo` and `/foo/` tie. */
export function pathRankLength(m: CompiledPathMatch): number {
  return m.type === "PathPrefix" ? m.prefix.length : m.value.length;
}
