/**
 * The only module that touches re2js: an on-demand engine module (engine/modules), reached through
 * regex.ts, which says when the engine needs it. Gateway API leaves the regex dialect to the
 * implementation; gwsim follows Envoy: RE2 syntax, matched against the whole value (anchored both
 * ends), in time linear in the input, so hostile patterns or inputs cannot stall the simulator.
 */
import { RE2JS } from "re2js";

export interface CompiledRegex {
  readonly source: string;
  /** True when the regex matches the entire value (Envoy's full-match semantics). */
  matchesWhole(value: string): boolean;
}

export type RegexCompileResult = { ok: true; regex: CompiledRegex } | { ok: false; error: string };

export function compileRegex(source: string): RegexCompileResult {
  try {
    const pattern = RE2JS.compile(source);
    return { ok: true, regex: { source, matchesWhole: (value) => pattern.matches(value) } };
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
}

/**
 * A JSON Schema `pattern` (the CRDs' own, checked by the API server with Go's RE2): true when the
 * pattern matches anywhere in the value, as JSON Schema defines it. RE2, because the value is the
 * user's and a backtracking engine is quadratic or worse on some CRD patterns with long input.
 * Undefined when RE2 cannot compile the pattern.
 */
export function compileSchemaPattern(source: string): ((value: string) => boolean) | undefined {
  try {
    const pattern = RE2JS.compile(source);
    return (value) => pattern.matcher(value).find();
  } catch {
    return undefined;
  }
}

/** A regex that searches (leftmost match, not anchored unless the pattern says so), for nginx. */
export interface SearchRegex {
  readonly source: string;
  /** The leftmost match: where it starts and its capture groups ($0 is the whole match; unset groups are ""). */
  search(value: string): { start: number; groups: string[] } | undefined;
}

export type SearchRegexResult = { ok: true; regex: SearchRegex } | { ok: false; error: string };

/**
 * nginx's `location ~*`, `rewrite` and lua `ngx.re.match` use PCRE, which searches rather than
 * full-matches. RE2 runs the same patterns in linear time; the PCRE-only syntax (backreferences,
 * lookaround, possessive quantifiers) fails to compile here and the caller reports it.
 */
export function compileSearchRegex(source: string, caseInsensitive: boolean): SearchRegexResult {
  try {
    const pattern = RE2JS.compile(source, caseInsensitive ? RE2JS.CASE_INSENSITIVE : 0);
    const count = pattern.groupCount();
    return {
      ok: true,
      regex: {
        source,
        search(value) {
          const m = pattern.matcher(value);
          if (!m.find()) return undefined;
          const groups: string[] = [];
          for (let i = 0; i <= count; i++) groups.push(m.group(i) ?? "");
          return { start: m.start(), groups };
        },
      },
    };
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
}
