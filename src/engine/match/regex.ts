/**
 * Regular expressions in the engine. Gateway API leaves the regex dialect to the implementation;
 * gwsim follows Envoy: RE2 syntax, matched against the whole value (anchored both ends), in time
 * linear in the input, so hostile patterns or inputs cannot stall the simulator.
 *
 * RE2 itself (re2js, re2Module.ts) is an on-demand engine module (engine/modules): only a
 * workspace with a RegularExpression match or an nginx migration needs it. The CRDs' `pattern`s,
 * checked on every workspace, run on linearPattern.ts, which answers what RE2 answers for the
 * syntax they use; a pattern outside that subset goes to re2js as well.
 */
import { needEngineModule } from "../modules/engineModules";
import { compileLinearPattern } from "./linearPattern";
import type { CompiledRegex, RegexCompileResult, SearchRegexResult } from "./re2Module";

export type {
  CompiledRegex,
  RegexCompileResult,
  SearchRegex,
  SearchRegexResult,
} from "./re2Module";

/**
 * A user's regex (RE2 syntax): a full match, or with `partial` a search anywhere in the value (the
 * reading regexMatch=partial, as nginx-based controllers match); needs the `re2` module.
 */
export function compileRegex(source: string, partial = false): RegexCompileResult {
  return needEngineModule("re2").compileRegex(source, partial);
}

/**
 * The trace's words for a regex test: "fully matches" (RE2), or the words of the reading
 * regexMatch=partial, which live in the re2 module (only a workspace with a regex loads it).
 */
export function regexMatchWords(
  regex: CompiledRegex | undefined,
  pass: boolean,
): { verb: string; dialect: string } {
  if (regex?.partial === true) return needEngineModule("re2").partialRegexMatchWords(pass);
  return { verb: pass ? "fully matches" : "does not fully match", dialect: "(RE2)" };
}

/**
 * A JSON Schema `pattern` (the CRDs' own, checked by the API server with Go's RE2): true when the
 * pattern matches anywhere in the value, as JSON Schema defines it. Linear in the value either way.
 * Undefined when RE2 cannot compile the pattern.
 */
export function compileSchemaPattern(source: string): ((value: string) => boolean) | undefined {
  return compileLinearPattern(source) ?? needEngineModule("re2").compileSchemaPattern(source);
}

/** nginx's PCRE searches, run by RE2 (re2Module.ts says how); needs the `re2` module. */
export function compileSearchRegex(source: string, caseInsensitive: boolean): SearchRegexResult {
  return needEngineModule("re2").compileSearchRegex(source, caseInsensitive);
}
