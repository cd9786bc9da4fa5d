/**
 * User values quoted in wording (diagnostics, lint findings, trace reasons) are shown up to a
 * readable length. A kind, hostname, label value or name is copied whole into every message that
 * names it, and nothing bounds most of them: a 13 KB value made each such message 13 KB. Past
 * the cap a value keeps its start and says how much was left out; where it is written (the
 * location, the object key, the data fields of a trace) is never shortened.
 */

/** The longest run of a value shown in wording: about a line and a half of a terminal, longer
 * than any name a person would type (a namespace is at most 63 characters). */
export const MAX_SHOWN_VALUE = 120;

/** The value, or its first MAX_SHOWN_VALUE characters and "…(N more characters)". */
export function capValue(value: string): string {
  if (value.length <= MAX_SHOWN_VALUE) return value;
  let cut = MAX_SHOWN_VALUE;
  // Never split a surrogate pair: the shown part stays well-formed text.
  const last = value.charCodeAt(cut - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut--;
  return `${value.slice(0, cut)}…(${value.length - cut} more characters)`;
}

/** The value as a JSON string literal, capped like capValue with the marker outside the quotes. */
export function capQuoted(value: string): string {
  const shown = capValue(value);
  if (shown === value) return JSON.stringify(value);
  const cut = shown.lastIndexOf("…(");
  return `${JSON.stringify(value.slice(0, cut))}${shown.slice(cut)}`;
}

/** Closing quotes and punctuation kept after a capped word, so the sentence still reads. */
const TRAILING = new Set(['"', "'", "`", ")", "]", "}", ",", ".", ":", ";"]);

/**
 * Wording with every over-long word (a run without whitespace, as a quoted value is) capped by
 * capValue, its closing punctuation kept. One pass; wording without a long word is returned
 * as it is, and wording no longer than the cap is not even scanned.
 */
export function capLongWords(text: string): string {
  if (text.length <= MAX_SHOWN_VALUE) return text;
  let out = "";
  let copied = 0;
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const space = i === text.length || isSpace(text.charCodeAt(i));
    if (!space) {
      if (start < 0) start = i;
      continue;
    }
    if (start >= 0 && i - start > MAX_SHOWN_VALUE) {
      let end = i;
      while (end > start && i - end < 3 && TRAILING.has(text.charAt(end - 1))) end--;
      out += text.slice(copied, start) + capValue(text.slice(start, end)) + text.slice(end, i);
      copied = i;
    }
    start = -1;
  }
  return copied === 0 ? text : out + text.slice(copied);
}

function isSpace(code: number): boolean {
  return code === 32 || code === 10 || code === 9 || code === 13;
}
