import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { setOwn } from "../collections/setOwn";
import { applyCrdDefaults } from "./applyCrdDefaults";
import { CRD_SCHEMAS, type JsonSchema } from "./crdSchemas";
import { isObject } from "./validationIssue";

/**
 * The straightforward defaulting applyCrdDefaults.ts does with plans worked out once per schema:
 * every property of every mapping looked at, every schema property checked for a default.
 */
function reference(value: unknown, schema: JsonSchema | undefined): unknown {
  if (!schema) return value;
  if (Array.isArray(value)) {
    if (!schema.items) return value;
    const items = schema.items;
    const out = value.map((item) => reference(item, items));
    return out.every((item, i) => item === value[i]) ? value : out;
  }
  if (!isObject(value)) return value;
  let changed = false;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const childSchema =
      schema.properties && Object.hasOwn(schema.properties, key)
        ? schema.properties[key]
        : typeof schema.additionalProperties === "object"
          ? schema.additionalProperties
          : undefined;
    const child = reference(value[key], childSchema);
    if (child !== value[key]) changed = true;
    setOwn(out, key, child);
  }
  for (const [key, child] of Object.entries(schema.properties ?? {})) {
    if (child.default === undefined || Object.hasOwn(out, key)) continue;
    changed = true;
    setOwn(out, key, reference(structuredClone(child.default), child));
  }
  return changed ? out : value;
}

/** A value shaped by `schema`: some properties set, some lists, now and then a wrong type. */
function sample(schema: JsonSchema, next: () => number, depth: number): unknown {
  const pick = next();
  if (pick < 0.05) return "wrong";
  if (pick < 0.08) return null;
  if (depth > 8) return undefined;
  if (schema.type === "array" || schema.items) {
    const n = Math.floor(next() * 3);
    const items = schema.items ?? {};
    return Array.from({ length: n }, () => sample(items, next, depth + 1));
  }
  if (schema.type === "object" || schema.properties) {
    const out: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(schema.properties ?? {}))
      if (next() < 0.5) {
        const v = sample(child, next, depth + 1);
        if (v !== undefined) out[key] = v;
      }
    if (typeof schema.additionalProperties === "object" && next() < 0.3)
      out.extra = sample(schema.additionalProperties, next, depth + 1);
    if (next() < 0.1) out.unknownField = { a: 1 };
    return out;
  }
  if (schema.enum && schema.enum.length > 0)
    return schema.enum[Math.floor(next() * schema.enum.length)];
  if (schema.type === "integer") return Math.floor(next() * 100);
  if (schema.type === "boolean") return next() < 0.5;
  return `s${Math.floor(next() * 10)}`;
}

function randomSource(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const specs: [string, JsonSchema][] = CRD_SCHEMAS.flatMap((crd) =>
  crd.versions.flatMap((v) => {
    const spec = v.schema.properties?.spec;
    return spec ? [[`${crd.kind} ${v.apiVersions[0] ?? ""}`, spec] as [string, JsonSchema]] : [];
  }),
);

describe("applyCrdDefaults equals the straightforward defaulting", () => {
  test("there are specs to compare", () => {
    expect(specs.length).toBeGreaterThan(8);
  });

  test.each(specs)("%s: generated values (property)", (_name, spec) => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const value = sample(spec, randomSource(seed), 0);
        const before = structuredClone(value);
        const fast = applyCrdDefaults(value, spec);
        const slow = reference(value, spec);
        expect(fast).toEqual(slow);
        // Unchanged exactly when nothing was defaulted (the result is then the input itself).
        expect(fast === value).toBe(slow === value);
        expect(value).toEqual(before);
      }),
      { numRuns: 150 },
    );
  });
});
