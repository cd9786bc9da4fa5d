/**
 * Whether a piece of text may be a stream of JSON objects (jsonStream.ts): it opens with `{` after
 * blanks, comments and a `---` marker. Kept apart from the splitter so the loader can ask this of
 * every piece while the splitter itself loads on demand (modules/engineModules.ts): JSON input is
 * rare, and the worker's first JavaScript should not carry it.
 */

const NEWLINE = 10;
const SPACE = 32;
const TAB = 9;
const CR = 13;
const HASH = 35;
const OPEN_BRACE = 123;

/** Offset of the `{` that opens the text, or -1 when it opens with anything else. */
export function jsonStreamStart(text: string): number {
  let i = skipBlanksAndComments(text, 0);
  if (text.startsWith("---", i)) i = skipBlanksAndComments(text, i + 3);
  return text.charCodeAt(i) === OPEN_BRACE ? i : -1;
}

export function skipBlanksAndComments(text: string, from: number): number {
  let i = from;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (isBlank(c)) i++;
    else if (c === HASH) i = lineEnd(text, i);
    else break;
  }
  return i;
}

export function isBlank(c: number): boolean {
  return c === SPACE || c === TAB || c === NEWLINE || c === CR || Number.isNaN(c);
}

export function lineEnd(text: string, from: number): number {
  const end = text.indexOf("\n", from);
  return end < 0 ? text.length : end;
}
