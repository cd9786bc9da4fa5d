import { describe, expect, test } from "vitest";
import { computeDocumentRegions, regionOfLine } from "./documentRegions";

describe("computeDocumentRegions", () => {
  test("a leading comment and the first --- belong to the first document", () => {
    const text = "# header\n---\nkind: A\n---\nkind: B\n--- # trailing comment\nkind: C\n";
    const regions = computeDocumentRegions(text);
    expect([1, 2, 3, 4, 5, 6, 7].map((line) => regionOfLine(regions, line))).toEqual([
      0, 0, 0, 1, 1, 2, 2,
    ]);
  });

  test("without any marker everything is document 0; indented or longer dashes are not markers", () => {
    const regions = computeDocumentRegions("kind: A\n  ---\n----\nx: |\n  --- text\n");
    expect(new Set(regions)).toEqual(new Set([0]));
  });

  test("CRLF line breaks count like LF; out-of-range lines clamp", () => {
    const regions = computeDocumentRegions("kind: A\r\n---\r\nkind: B\r\n");
    expect(regionOfLine(regions, 3)).toBe(1);
    expect(regionOfLine(regions, 0)).toBe(0);
    expect(regionOfLine(regions, 99)).toBe(1);
  });
});
