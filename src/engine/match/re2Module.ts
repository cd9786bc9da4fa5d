/**
 * The only module that touches re2js: an on-demand engine module (engine/modules), reached through
 * regex.ts, which says when the engine needs it. Gateway API leaves the regex dialect to the
 * implementation; gwsim follows Envoy: RE2 syntax, matched against the whole value (anchored both
 * ends), in time linear in the input, so hostile patterns or inputs cannot stall the simulator.
 */
import { RE2JS } from "re2js";
import { describeReading } from "../readings/readings";

export interface CompiledRegex {
  readonly source: string;
  /** True when matching searches the value (reading regexMatch=partial) rather than covering it whole. */
  readonly partial: boolean;
  /**
   * True when the regex matches the entire value (Envoy's full-match semantics) or, when
   * `partial`, some part of it (nginx's `~`: unanchored unless the pattern says `^`/`$`).
   */
  matches(value: string): boolean;
}

export type RegexCompileResult = { ok: true; regex: CompiledRegex } | { ok: false; error: string };

/** `partial`: search the value (nginx-based controllers) instead of matching it whole. Linear either way. */
export function compileRegex(source: string, partial = false): RegexCompileResult {
  try {
    const pattern = RE2JS.compile(source);
    const matches = partial
      ? (value: string) => pattern.matcher(value).find()
      : (value: string) => pattern.matches(value);
    return { ok: true, regex: { source, partial, matches } };
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
}

/**
 * How a trace words a regex test under the reading regexMatch=partial, with the reading named so
 * nobody takes it for gwsim's default (regex.ts words the default full match).
 */
export function partialRegexMatchWords(pass: boolean): { verb: string; dialect: string } {
  return {
    verb: pass ? "contains a match of" : "contains no match of",
    dialect: `(RE2, ${describeReading("regexMatch", "partial")})`,
  };
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
