import { describe, expect, test } from "vitest";
import { CRD_SCHEMAS, getCrdJsonSchema } from "./crdSchemas";
import { ON_DEMAND_CRD_SCHEMAS } from "./kindSchemasModule";
import { ON_DEMAND_SCHEMA_KINDS, validationSchemaFor } from "./validationSchemas";

describe("the validator's schema lookup (the rarer kinds on demand)", () => {
  test("answers getCrdJsonSchema's schema for every kind, apiVersion and an unserved version", () => {
    for (const crd of CRD_SCHEMAS) {
      const versions = crd.versions.flatMap((v) => v.apiVersions);
      for (const apiVersion of [...versions, `${crd.group}/v0`]) {
        const schema = validationSchemaFor(crd.kind, apiVersion);
        expect([crd.kind, apiVersion, schema]).toEqual([crd.kind, apiVersion, expect.anything()]);
        expect(schema).toBe(getCrdJsonSchema(crd.kind, apiVersion));
      }
    }
    expect(validationSchemaFor("Service", "v1")).toBeUndefined();
  });

  test("the on-demand module holds exactly the kinds it is asked for, and no kind is left out", () => {
    const onDemand = ON_DEMAND_CRD_SCHEMAS.map((c) => c.kind).sort();
    expect(onDemand).toEqual([...ON_DEMAND_SCHEMA_KINDS].sort());
    expect(onDemand).not.toContain("HTTPRoute");
    expect(onDemand.length).toBeLessThan(CRD_SCHEMAS.length);
  });
});
