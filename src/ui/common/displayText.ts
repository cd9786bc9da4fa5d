/**
 * Text from manifests and files, made safe to show. Bidirectional controls (U+202E RIGHT-TO-LEFT
 * OVERRIDE and friends) make a name display as something else ("gateway‮lmay.exe" reads as
 * "gatewayexe.yaml"), and line breaks in a file name would start a new YAML line. Both are shown
 * as visible escapes (`\u202E`) instead: the reader sees exactly what is there.
 */

/** Explicit bidi formatting characters (Unicode UAX #9, table 1) and the implicit marks. */
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/** C0 and C1 controls, DEL, the Unicode line and paragraph separators, and the bidi controls. */
const CONTROLS =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

const escape = (c: string) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`;

const HAS_BIDI_CONTROL = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

export function hasBidiControl(text: string): boolean {
  return HAS_BIDI_CONTROL.test(text);
}

/** `text` with every bidi control shown as `\uXXXX`; everything else, newlines included, is kept. */
export function escapeBidi(text: string): string {
  return text.replace(BIDI_CONTROLS, escape);
}

/** `text` on one line: every control character, line break and bidi control shown as `\uXXXX`. */
export function escapeControls(text: string): string {
  return text.replace(CONTROLS, escape);
}
