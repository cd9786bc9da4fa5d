import { describe, expect, test } from "vitest";
import { computeMinimalEdit, type TextReplacement } from "./minimalEdit";

/** Applies a replacement the way Monaco does (1-based line/column, CRLF/LF/CR line breaks). */
function apply(text: string, edit: TextReplacement | undefined): string {
  if (!edit) return text;
  const offsets = [0];
  for (let i = 0; i < text.length; i += 1) {
    if (text[i] === "\n" || (text[i] === "\r" && text[i + 1] !== "\n")) offsets.push(i + 1);
  }
  const at = (line: number, column: number) => (offsets[line - 1] ?? 0) + column - 1;
  return (
    text.slice(0, at(edit.startLineNumber, edit.startColumn)) +
    edit.text +
    text.slice(at(edit.endLineNumber, edit.endColumn))
  );
}

const cases: [string, string, string][] = [
  ["insert in the middle", "a: 1\nb: 2\n", "a: 1\nx: 0\nb: 2\n"],
  ["delete a line", "a: 1\nb: 2\nc: 3\n", "a: 1\nc: 3\n"],
  ["replace a value", "spec:\n  type: Prefix\n", "spec:\n  type: PathPrefix\n"],
  ["CRLF text", "a: 1\r\nb: 2\r\n", "a: 1\r\nb: 3\r\nc: 4\r\n"],
  ["CR before LF added", "a\nb", "a\r\nb"],
  ["emoji (surrogate pairs)", 'x: "😀"\n', 'x: "😃"\n'],
  ["everything", "old", "new text"],
  ["to empty", "a: 1\n", ""],
  ["from empty", "", "a: 1\n"],
];

describe("computeMinimalEdit", () => {
  test.each(cases)("%s: applying the edit gives the new text exactly", (_name, before, after) => {
    expect(apply(before, computeMinimalEdit(before, after))).toBe(after);
  });

  test("the edit covers only the changed span", () => {
    // "Prefix" → "PathPrefix": the shared leading "P" stays, "athP" is inserted after it.
    expect(computeMinimalEdit("spec:\n  type: Prefix\n", "spec:\n  type: PathPrefix\n")).toEqual({
      startLineNumber: 2,
      startColumn: 10,
      endLineNumber: 2,
      endColumn: 10,
      text: "athP",
    });
  });

  test("no change, no edit", () => {
    expect(computeMinimalEdit("same", "same")).toBeUndefined();
  });
});
