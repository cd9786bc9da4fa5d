/**
 * Validation copies only what it changes: a typed view (validateSchema.ts) and a defaulted spec
 * (applyCrdDefaults.ts) reuse every part of the input they leave as it is. These tests pin the
 * sharing, and check both against the straightforward copy-everything computation on random
 * objects, so the speed never changes a result.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { applyCrdDefaults } from "./applyCrdDefaults";
import { getCrdJsonSchema, type JsonSchema } from "./crdSchemas";
import { typeAndValidate } from "./validateSchema";
import { isObject } from "./validationIssue";
import { asRecords } from "../resolve/read";

const routeSchema = getCrdJsonSchema("HTTPRoute", "gateway.networking.k8s.io/v1");
const routeSpec = routeSchema?.properties?.spec as JsonSchema;
const ctx = { experimentalFields: new Map<string, JsonSchema>() };

/** applyCrdDefaults as it was written first: a full copy, defaults filled in. */
function copyingDefaults(value: unknown, schema: JsonSchema | undefined): unknown {
  if (!schema) return value;
  if (Array.isArray(value))
    return schema.items ? value.map((item) => copyingDefaults(item, schema.items)) : value;
  if (!isObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    const childSchema =
      schema.properties && Object.hasOwn(schema.properties, key)
        ? schema.properties[key]
        : typeof schema.additionalProperties === "object"
          ? schema.additionalProperties
          : undefined;
    out[key] = copyingDefaults(child, childSchema);
  }
  for (const [key, childSchema] of Object.entries(schema.properties ?? {})) {
    if (Object.hasOwn(out, key) || childSchema.default === undefined) continue;
    out[key] = copyingDefaults(JSON.parse(JSON.stringify(childSchema.default)), childSchema);
  }
  return out;
}

/** HTTPRoute specs of random shape: known and unknown fields, wrong types, nulls. */
const scalar = fc.oneof(
  fc.constantFrom("/", "/a", "Exact", "PathPrefix", "x"),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
);
const match = fc.record(
  {
    path: fc.oneof(
      fc.record(
        { type: fc.constantFrom("Exact", "PathPrefix"), value: fc.constantFrom("/", "/a") },
        { requiredKeys: [] },
      ),
      scalar,
    ),
    headers: fc.array(
      fc.record({ name: fc.constantFrom("a", "b"), value: scalar }, { requiredKeys: ["name"] }),
      { maxLength: 2 },
    ),
    bogus: scalar,
  },
  { requiredKeys: [] },
);
const rule = fc.record(
  {
    matches: fc.oneof(fc.array(match, { maxLength: 2 }), scalar),
    backendRefs: fc.array(
      fc.record(
        {
          name: fc.constantFrom("s", "t"),
          port: fc.oneof(fc.integer({ min: 1, max: 9 }), scalar),
          weight: scalar,
        },
        { requiredKeys: [] },
      ),
      { maxLength: 2 },
    ),
  },
  { requiredKeys: [] },
);
const spec = fc.record(
  {
    hostnames: fc.array(fc.oneof(fc.constantFrom("a.example.com"), scalar), { maxLength: 2 }),
    parentRefs: fc.array(
      fc.record({ name: fc.constantFrom("gw"), sectionName: scalar }, { requiredKeys: ["name"] }),
      { maxLength: 2 },
    ),
    rules: fc.array(rule, { maxLength: 3 }),
  },
  { requiredKeys: [] },
);

describe("applyCrdDefaults shares what it does not default", () => {
  test("an object that gains no default is returned itself, and so is each untouched part", () => {
    const filters = [
      {
        type: "RequestHeaderModifier",
        requestHeaderModifier: { set: [{ name: "a", value: "b" }] },
      },
    ];
    const input = {
      parentRefs: [{ group: "gateway.networking.k8s.io", kind: "Gateway", name: "gw" }],
      rules: [{ matches: [{ path: { type: "Exact", value: "/" } }], filters }],
    };
    expect(applyCrdDefaults(input, routeSpec)).toBe(input);
    // A rule without matches gains the default match: only the way to it is copied.
    const defaulted = { ...input, rules: [...input.rules, { backendRefs: [] }] };
    const out = applyCrdDefaults(defaulted, routeSpec) as typeof input;
    expect(out).not.toBe(defaulted);
    expect(out.parentRefs).toBe(input.parentRefs);
    expect(out.rules[0]?.filters).toBe(filters);
    expect(out.rules[0]).toBe(input.rules[0]);
    expect(out).toEqual(copyingDefaults(defaulted, routeSpec));
  });

  test("equals the full copy on random specs, and never changes its input", () => {
    fc.assert(
      fc.property(spec, (s) => {
        const before = JSON.stringify(s);
        expect(JSON.stringify(applyCrdDefaults(s, routeSpec))).toBe(
          JSON.stringify(copyingDefaults(s, routeSpec)),
        );
        expect(JSON.stringify(s)).toBe(before);
      }),
      { numRuns: 300 },
    );
  });
});

describe("the typed view shares what validation keeps as it is", () => {
  test("a valid spec is its own typed view; a pruned field copies only its way up", () => {
    const parentRefs = [{ name: "gw" }];
    const valid = { parentRefs, rules: [{ matches: [{ path: { type: "Exact", value: "/" } }] }] };
    expect(typeAndValidate(valid, routeSpec, ["spec"], ctx).value).toBe(valid);
    const pruned = {
      parentRefs,
      rules: [{ matches: [{ path: { type: "Exact", value: "/" }, bogus: 1 }] }],
    };
    const typed = typeAndValidate(pruned, routeSpec, ["spec"], ctx).value as typeof pruned;
    expect(typed).not.toBe(pruned);
    expect(typed.parentRefs).toBe(parentRefs);
    expect(typed.rules[0]?.matches[0]).toEqual({ path: { type: "Exact", value: "/" } });
  });

  test("a map keyed by the user is never shared unless it has no prototype", () => {
    const schema = getCrdJsonSchema("Gateway", "gateway.networking.k8s.io/v1")?.properties
      ?.metadata as JsonSchema;
    const labels = { app: "a" };
    const typed = typeAndValidate({ name: "gw", labels }, schema, ["metadata"], ctx).value as {
      labels: object;
    };
    expect(typed.labels).not.toBe(labels);
    expect(Object.getPrototypeOf(typed.labels)).toBeNull();
  });

  test("the typed view and its issues equal a walk over a deep copy (which shares nothing)", () => {
    fc.assert(
      fc.property(spec, (s) => {
        const shared = typeAndValidate(s, routeSpec, ["spec"], ctx);
        const copied = typeAndValidate(structuredClone(s), routeSpec, ["spec"], ctx);
        expect(JSON.stringify(shared)).toBe(JSON.stringify(copied));
        // Issue paths are snapshots: later pushes and pops of the walk never change them.
        for (const issue of shared.issues)
          expect(issue.message.startsWith(printed(issue.path))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

function printed(path: readonly (string | number)[]): string {
  return path.map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? p : `.${p}`)).join("");
}

describe("asRecords", () => {
  test("returns a list of records itself, and reads other entries as {}", () => {
    const list = [{ a: 1 }, { b: 2 }];
    expect(asRecords(list)).toBe(list);
    expect(asRecords([{ a: 1 }, 3, null, [1]])).toEqual([{ a: 1 }, {}, {}, {}]);
    expect(asRecords("x")).toEqual([]);
  });
});
