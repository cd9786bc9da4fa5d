import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { compileSchemaPattern } from "../match/regex";
import type { JsonSchema } from "./crdSchemas";
import { rememberingMatches, validateSchema } from "./validateSchema";

const NONE = { experimentalFields: new Map() };
const PATTERNS = [
  "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$",
  "^[A-Za-z0-9!#$%&'*+\\-.^_\\x60|~]+$",
  "^\\/",
  "ab",
];

describe("string checks", () => {
  test("a remembered pattern answers as the pattern does, past the memo's bound (property)", () => {
    for (const source of PATTERNS) {
      const direct = compileSchemaPattern(source);
      if (!direct) throw new Error(source);
      const remembered = rememberingMatches(direct);
      fc.assert(
        fc.property(
          fc.array(fc.oneof(fc.string({ maxLength: 80 }), fc.constantFrom("gw", "a-b", "/x")), {
            maxLength: 100,
          }),
          (values) => {
            for (const v of values) {
              expect(remembered(v)).toBe(direct(v));
              expect(remembered(v)).toBe(direct(v));
            }
          },
        ),
        { numRuns: 60 },
      );
      for (let i = 0; i < 3000; i++) expect(remembered(`v${i}-`)).toBe(direct(`v${i}-`));
    }
  });

  test("length and pattern issues match a count in code points (property)", () => {
    const text = fc.string({
      unit: fc.constantFrom("a", "b", "-", "A", "é", "😀", "\ud800", "0"),
      maxLength: 12,
    });
    fc.assert(
      fc.property(
        text,
        fc.option(fc.nat(8), { nil: undefined }),
        fc.option(fc.nat(8), { nil: undefined }),
        fc.option(fc.constantFrom(...PATTERNS), { nil: undefined }),
        (value, minLength, maxLength, pattern) => {
          const schema: JsonSchema = { type: "string" };
          if (minLength !== undefined) schema.minLength = minLength;
          if (maxLength !== undefined) schema.maxLength = maxLength;
          if (pattern !== undefined) schema.pattern = pattern;
          const codes = validateSchema(value, schema, ["f"], NONE).map((i) => i.code);
          const length = [...value].length;
          const expected: string[] = [];
          if (minLength !== undefined && length < minLength) expected.push("schema.length");
          const over = maxLength !== undefined && length > maxLength;
          if (over) expected.push("schema.length");
          if (!over && pattern && length > 0 && !compileSchemaPattern(pattern)?.(value))
            expected.push("schema.pattern");
          expect(codes).toEqual(expected);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
