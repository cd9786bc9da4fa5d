/**
 * CRD `pattern` checks run on the user's values: length first (the API server refuses an oversized
 * value before any pattern), then RE2 (re2js), whose time is linear in the value. JavaScript's
 * backtracking RegExp took 32 s on a 200 KB listeners[].protocol and 57 s on addresses[].type.
 */
import { describe, expect, test } from "vitest";
import { compileSchemaPattern } from "../match/regex";
import { CRD_SCHEMAS, getCrdJsonSchema, type JsonSchema } from "./crdSchemas";
import { validateSchema } from "./validateSchema";

const ctx = { experimentalFields: new Map<string, JsonSchema>() };
const gateway = getCrdJsonSchema("Gateway", "gateway.networking.k8s.io/v1") as JsonSchema;
const spec = gateway.properties?.spec as JsonSchema;
const protocolSchema = spec.properties?.listeners?.items?.properties?.protocol as JsonSchema;
const addressTypeSchema = spec.properties?.addresses?.items?.properties?.type as JsonSchema;

/** Near-misses that make a backtracking engine try every split of the dashes. */
const hostile = (n: number) => `${"a-".repeat(n / 2)}!`;

describe("CRD pattern checks", () => {
  test("every pattern in the vendored CRDs compiles in RE2", () => {
    const patterns = new Set<string>();
    const visit = (s: JsonSchema | undefined): void => {
      if (!s) return;
      if (s.pattern) patterns.add(s.pattern);
      for (const child of Object.values(s.properties ?? {})) visit(child);
      if (typeof s.additionalProperties === "object") visit(s.additionalProperties);
      visit(s.items);
    };
    for (const crd of CRD_SCHEMAS) for (const v of crd.versions) visit(v.schema);
    expect(patterns.size).toBeGreaterThan(5);
    for (const p of patterns) expect(compileSchemaPattern(p), p).toBeDefined();
  });

  test.each([
    ["listeners[].protocol", protocolSchema, 255],
    ["addresses[].type", addressTypeSchema, 253],
  ])(
    "a 200 KB %s is refused by its length, and the message does not repeat it",
    (_field, schema, max) => {
      const issues = validateSchema(hostile(200_000), schema, ["spec", "x"], ctx);
      expect(issues.map((i) => i.code)).toEqual(["schema.length"]);
      expect(issues[0]?.message).toBe(`spec.x: may have at most ${max} characters, got 200001.`);
    },
  );

  test.each([
    ["listeners[].protocol", protocolSchema],
    ["addresses[].type", addressTypeSchema],
  ])("the %s pattern itself runs in linear time on a 200 KB near-miss (RE2)", (_field, schema) => {
    // Without the length cap: this is what the pattern costs. A backtracking engine needs minutes
    // here and the test times out; RE2 needs milliseconds.
    const matches = compileSchemaPattern(schema.pattern as string);
    expect(matches?.(hostile(200_000))).toBe(false);
  });

  test("a value within the length limit is still checked against the pattern", () => {
    const issues = validateSchema("not a protocol!", protocolSchema, ["spec", "p"], ctx);
    expect(issues.map((i) => i.code)).toEqual(["schema.pattern"]);
    expect(validateSchema("example.com/custom", protocolSchema, ["spec", "p"], ctx)).toEqual([]);
  });
});
