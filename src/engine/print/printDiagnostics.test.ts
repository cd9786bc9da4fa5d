import { expect, test } from "vitest";
import type { Diagnostic } from "../types";
import { printDiagnostics } from "./printDiagnostics";

const d = (
  file: string,
  line: number,
  column: number,
  code: Diagnostic["code"],
  hint?: string,
): Diagnostic => ({
  code,
  severity: code === "object.duplicate" ? "warning" : "error",
  message: `m-${code}`,
  ...(hint ? { hint } : {}),
  file,
  line,
  column,
  endLine: line,
  endColumn: column + 1,
});

test("one line per diagnostic, ordered by file and position, hint in parentheses", () => {
  const text = printDiagnostics([
    d("b.yaml", 1, 1, "yaml.syntax"),
    d("a.yaml", 9, 3, "object.duplicate", "Remove one."),
    d("a.yaml", 2, 7, "schema.enum", 'Did you mean "PathPrefix"?'),
  ]);
  expect(text).toBe(
    [
      'a.yaml:2:7 error schema.enum m-schema.enum (Did you mean "PathPrefix"?)',
      "a.yaml:9:3 warning object.duplicate m-object.duplicate (Remove one.)",
      "b.yaml:1:1 error yaml.syntax m-yaml.syntax",
      "",
    ].join("\n"),
  );
});

test("nothing to print is the empty string", () => {
  expect(printDiagnostics([])).toBe("");
});
