/**
 * Text helpers for the standalone diagram SVG: XML escaping and a width estimate. The SVG is built
 * without a DOM (pure, unit-tested in Node), so text cannot be measured; the estimate errs wide so
 * that truncated text ends with "…" instead of running past its card (each card also clips).
 */

import { escapeBidi } from "../common/displayText";

/** Characters XML 1.0 forbids even when escaped; a name from YAML may carry them. */
// eslint-disable-next-line no-control-regex
const INVALID_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

/** XML-escaped text; bidi controls become visible `\uXXXX` escapes so a name cannot display as another. */
export function escapeXml(text: string): string {
  return escapeBidi(text)
    .replace(INVALID_XML, "\ufffd")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

/**
 * Advance widths (em) of DejaVu Sans, Chromium's system-ui on Linux and the widest of the usual
 * system fonts, so the estimate matches Linux and errs wide on macOS and Windows.
 */
const WIDTHS: Record<string, number> = {
  ...spread("abdghnopqu", 0.635),
  ...spread("ce", 0.615),
  ...spread("kvxy", 0.592),
  ...spread("sz", 0.525),
  ...spread("ijl", 0.278),
  ...spread("ft", 0.392),
  r: 0.411,
  m: 0.974,
  w: 0.818,
  ...spread("0123456789", 0.636),
  ...spread("ABKRVXZ", 0.686),
  ...spread("CDGHNOQU", 0.77),
  ...spread("EFLPSTY", 0.635),
  ...spread("IJ", 0.295),
  M: 0.863,
  W: 0.989,
  ...spread(" .,:;|!'`", 0.318),
  ...spread("-/()[]{}", 0.39),
  ...spread('_*#<>=+~^"', 0.838),
  "·": 0.318,
  "%": 0.95,
  "@": 1,
  "&": 0.78,
  "…": 1,
};

function spread(chars: string, width: number): Record<string, number> {
  return Object.fromEntries([...chars].map((c) => [c, width]));
}

/** Approximate advance width of `text` in a sans-serif system font, in px. */
export function textWidth(text: string, fontSize: number, bold = false): number {
  let em = 0;
  for (const ch of text) em += WIDTHS[ch] ?? (ch.charCodeAt(0) > 0x2e7f ? 1 : 0.65);
  return em * fontSize * (bold ? 1.16 : 1.02);
}

/** `text`, cut with an ellipsis so that its estimated width fits `maxWidth`. */
export function fitText(text: string, maxWidth: number, fontSize: number, bold = false): string {
  if (textWidth(text, fontSize, bold) <= maxWidth) return text;
  const chars = [...text];
  let lo = 0;
  let hi = chars.length;
  // The longest prefix that still fits together with the ellipsis.
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (textWidth(`${chars.slice(0, mid).join("")}…`, fontSize, bold) <= maxWidth) lo = mid;
    else hi = mid - 1;
  }
  return lo === 0 ? "…" : `${chars.slice(0, lo).join("")}…`;
}

/** A number for an SVG attribute: at most two decimals, no trailing zeros. */
export function num(value: number): string {
  return String(Math.round(value * 100) / 100);
}
