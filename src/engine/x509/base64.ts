/** Base64 (RFC 4648, standard alphabet, whitespace ignored) for the engine, which has no atob. */

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/** Base64 to a latin-1 string; undefined when the input is not base64 (the engine has no atob). */
export function decodeBase64(input: string): string | undefined {
  // Trailing padding trimmed by a loop: /=+$/ backtracks quadratically over a long run of '='.
  let clean = input.replace(/\s+/g, "");
  let end = clean.length;
  while (end > 0 && clean.charCodeAt(end - 1) === 61 /* = */) end--;
  clean = clean.slice(0, end);
  if (clean.length % 4 === 1) return undefined;
  let bits = 0;
  let buffer = 0;
  let out = "";
  for (const ch of clean) {
    const value = ALPHABET.indexOf(ch);
    if (value < 0) return undefined;
    buffer = (buffer << 6) | value;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += String.fromCharCode((buffer >> bits) & 0xff);
    }
  }
  return out;
}

/**
 * Why the API server would refuse `input` as the base64 value of a Secret's `data` or a
 * ConfigMap's `binaryData` key, or undefined when it accepts it. It decodes []byte with Go's
 * padded standard encoding, which skips only CR and LF: any other character outside the alphabet,
 * a missing '=' or a '=' before the end is "illegal base64 data at input byte N".
 */
export function describeIllegalBase64(input: string): string | undefined {
  let significant = 0;
  let padding = 0;
  for (let i = 0; i < input.length; i++) {
    const code = input.charCodeAt(i);
    if (code === 10 || code === 13) continue;
    if (code === 61 /* = */) {
      padding++;
      if (padding > 2) return `a third '=' at offset ${i}`;
    } else if (padding > 0 || ALPHABET.indexOf(input[i] ?? "") < 0) {
      const shown = JSON.stringify(input[i] ?? "");
      return `${padding > 0 ? "data after '='" : `the character ${shown}`} at offset ${i}`;
    }
    significant++;
  }
  if (significant % 4 !== 0) return "its length is not a multiple of 4 (missing '=' padding)";
  return undefined;
}
