/**
 * Text from manifests (names, values, messages quoting them) made safe to print on a terminal or
 * in a CI log that a terminal emulator renders. Escape (ESC) and the other C0/C1 control
 * characters can move the cursor, erase lines, retitle the window or fake a green "0 errors";
 * bidirectional controls (U+202E…) reorder what is shown. Each becomes a visible `\uXXXX`, the
 * same spelling JSON uses, so escaped JSON output still parses to the same value.
 */

// C0 except tab and newline, DEL, C1, and the bidi and line/paragraph separators.
const UNSAFE_IN_OUTPUT =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
// The same, plus tab and newline: inside one value, a line break would forge a line of output.
const UNSAFE_IN_VALUE =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

function escapeChar(c: string): string {
  return `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`;
}

/** One value (a name, a header, a path) for a line of output: every control character escaped. */
export function escapeTerminal(text: string): string {
  return text.replace(UNSAFE_IN_VALUE, escapeChar);
}

/**
 * Whole output, as the CLI writes it: line breaks and tabs stay (the printers' layout), every
 * other control character is escaped. The last line of defence under every output format.
 */
export function escapeTerminalOutput(text: string): string {
  return text.replace(UNSAFE_IN_OUTPUT, escapeChar);
}

/** Longer lines are cut: a 200 KB header value helps nobody in a CI log and costs seconds to print. */
export const MAX_PRINTED_LINE = 2_000;

/**
 * One line of printed output: cut after MAX_PRINTED_LINE characters with a note saying how much
 * was left out (never a silent cut), then escaped like escapeTerminal.
 */
export function escapeTerminalLine(line: string): string {
  if (line.length <= MAX_PRINTED_LINE) return escapeTerminal(line);
  // Never cut a surrogate pair in two.
  let cut = MAX_PRINTED_LINE;
  const last = line.charCodeAt(cut - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut--;
  return `${escapeTerminal(line.slice(0, cut))}… (${line.length - cut} more characters not shown)`;
}
