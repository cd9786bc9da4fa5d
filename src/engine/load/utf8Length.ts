/**
 * The UTF-8 size of text, for the caps that say "bytes" (workspaceLimit.ts, guardDocuments.ts). A
 * string's length counts UTF-16 units: a file of CJK text is 3 bytes per unit on disk, emoji 4
 * bytes per 2 units, so comparing `length` with a byte cap let such a file through at up to three
 * times the cap. Counted without encoding (no copy of a 200 MB string): ASCII is found by a native
 * regex scan, and only the text from the first non-ASCII unit on is walked unit by unit.
 */

const NON_ASCII = /[\u0080-\uffff]/g;

/** The UTF-8 bytes of the text: what TextEncoder would write (a lone surrogate as U+FFFD, 3 bytes). */
export function utf8Length(text: string): number {
  NON_ASCII.lastIndex = 0;
  const first = NON_ASCII.exec(text);
  return first === null
    ? text.length
    : first.index + utf8LengthOfRange(text, first.index, text.length);
}

/**
 * The same count over text[start, end), unit by unit: for many ranges of one text (documents),
 * where a regex scan could run past `end` to the text's end each time.
 */
export function utf8LengthOfRange(text: string, start: number, end: number): number {
  let bytes = 0;
  for (let i = start; i < end; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < end && isLowSurrogate(text, i + 1)) {
      bytes += 4; // a surrogate pair: one code point over U+FFFF
      i++;
    } else bytes += 3; // the rest of the BMP, and a lone surrogate written as U+FFFD
  }
  return bytes;
}

function isLowSurrogate(text: string, at: number): boolean {
  const unit = text.charCodeAt(at);
  return unit >= 0xdc00 && unit <= 0xdfff;
}
