/**
 * The smallest single replacement turning `before` into `after` (common prefix and suffix kept),
 * as 1-based line/column positions. Applying text from the canvas or undo this way keeps the
 * cursor, the scroll position and the markers outside the changed span where they were.
 */
export interface TextReplacement {
  startLineNumber: number;
  startColumn: number;
  endLineNumber: number;
  endColumn: number;
  text: string;
}

export function computeMinimalEdit(before: string, after: string): TextReplacement | undefined {
  if (before === after) return undefined;
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start += 1;
  // Never split a CRLF pair or a surrogate pair.
  while (
    start > 0 &&
    (isLowSurrogate(before.charCodeAt(start)) ||
      (before[start - 1] === "\r" && before[start] === "\n"))
  )
    start -= 1;
  let endBefore = before.length;
  let endAfter = after.length;
  while (
    endBefore > start &&
    endAfter > start &&
    before.charCodeAt(endBefore - 1) === after.charCodeAt(endAfter - 1)
  ) {
    endBefore -= 1;
    endAfter -= 1;
  }
  while (
    endBefore < before.length &&
    (isLowSurrogate(before.charCodeAt(endBefore)) ||
      (before[endBefore - 1] === "\r" && before[endBefore] === "\n"))
  ) {
    endBefore += 1;
    endAfter += 1;
  }
  const from = positionAt(before, start);
  const to = positionAt(before, endBefore);
  return {
    startLineNumber: from.line,
    startColumn: from.column,
    endLineNumber: to.line,
    endColumn: to.column,
    text: after.slice(start, endAfter),
  };
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

function positionAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      line += 1;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
