/**
 * The YAML 1.2 core schema's reading of a plain scalar that may be a number, without the `yaml`
 * library: quickParse.ts reads nearly every manifest on its own, and this resolver lets the
 * engine worker's first analysis run without loading `yaml` at all (it is loaded on demand, see
 * engine/modules/engineModules.ts).
 *
 * It matches `yaml` (version 1.2, the core schema, default options) exactly: the same tag tests in
 * the same order (null, bool, octal, decimal and hexadecimal int, the .inf/.nan floats, exponent
 * floats, plain floats) and the same conversions (`parseInt` on the digits after the prefix,
 * `parseFloat`). A text the library would not read as one plain scalar on its own (a sequence
 * entry `- 1`, a mapping `1: 2`, a comment) is handed back as NOT_PLAIN_SCALAR, and quickParse
 * then leaves the document to the full parser, as it did when it asked the library. On other texts
 * it may refuse more than the library (`:0`), which only sends a document to the full parser.
 * coreScalar.test.ts checks the equivalence on every plain scalar of the fixtures, the corpus and
 * the test data, and on generated texts.
 */

/**
 * Texts the core schema may read as a number (quickParse resolves the others itself): on these
 * resolveCoreScalar agrees with the library exactly, refusals included.
 */
export const NUMBER_LIKE = /^[-+]?(?:[0-9]|\.[0-9]|\.(?:inf|Inf|INF)$)|^\.(?:nan|NaN|NAN)$/;

/** Returned for a text the `yaml` library would not read as one plain scalar on its own. */
export const NOT_PLAIN_SCALAR: unique symbol = Symbol("not-a-plain-scalar");

// The core schema's tests, as `yaml` 2.x declares them (schema/core/*.js, schema/common/null.js).
// Each is anchored and without nested quantifiers: linear in the text's length.
const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT_OCT = /^0o[0-7]+$/;
const INT = /^[-+]?[0-9]+$/;
const INT_HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;

/**
 * What the `yaml` library's core schema makes of `text` read on its own as a YAML document:
 * null, a boolean, a number, the text itself (a string), or NOT_PLAIN_SCALAR.
 */
export function resolveCoreScalar(text: string): unknown {
  if (NULL.test(text)) return null;
  if (BOOL.test(text)) return text[0] === "t" || text[0] === "T";
  if (INT_OCT.test(text)) return parseInt(text.substring(2), 8);
  if (INT.test(text)) return parseInt(text, 10);
  if (INT_HEX.test(text)) return parseInt(text.substring(2), 16);
  if (FLOAT_NAN.test(text)) {
    if (text.slice(-3).toLowerCase() === "nan") return Number.NaN;
    return text[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  }
  if (FLOAT_EXP.test(text) || FLOAT.test(text)) return parseFloat(text);
  return isOnePlainScalar(text) ? text : NOT_PLAIN_SCALAR;
}

/**
 * Whether `text`, read on its own, is one plain scalar whose value is the text: no line break,
 * no surrounding space, no indicator at the start (`-` before a space, `?`, `:`, flow and node
 * properties, directives, quotes, block scalars, document markers), no `: ` or ` #` inside and
 * no `:` at the end. Conservative on purpose: a text it refuses goes to the full parser.
 */
function isOnePlainScalar(text: string): boolean {
  if (text === "" || text.trim() !== text) return false;
  if (/[\n\r\t]/.test(text)) return false;
  if (text.includes(": ") || text.includes(" #") || text.endsWith(":")) return false;
  const first = text[0] ?? "";
  if ("?:,[]{}#&*!|>'\"%@`".includes(first)) return false;
  if (first === "-" && (text.length === 1 || text[1] === " ")) return false;
  return !text.startsWith("---") && !text.startsWith("...");
}
