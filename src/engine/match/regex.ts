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
import type { RegexCompileResult, SearchRegexResult } from "./re2Module";

export type {
  CompiledRegex,
  RegexCompileResult,
  SearchRegex,
  SearchRegexResult,
} from "./re2Module";

/** A user's regex (RE2 syntax, full match); needs the `re2` module. */
export function compileRegex(source: string): RegexCompileResult {
  return needEngineModule("re2").compileRegex(source);
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
