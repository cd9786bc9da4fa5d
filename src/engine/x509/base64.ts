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
