import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { SERVED_VERSIONS, groupOf, type ModelledKind } from "../api/kinds";
import { withoutDescriptions } from "../../../vite.config";
import { CRD_SCHEMAS, getCrdJsonSchema, type CrdSchema, type JsonSchema } from "./crdSchemas";
import { EDITOR_CRD_SCHEMAS, getEditorJsonSchema } from "./editorSchemas";

const TYPES = new Set(["object", "array", "string", "integer", "number", "boolean"]);

function problemsIn(schema: JsonSchema, path: string): string[] {
  const out: string[] = [];
  if (schema.type && !TYPES.has(schema.type)) out.push(`${path}: type ${schema.type}`);
  for (const r of schema.required ?? [])
    if (!schema.properties?.[r]) out.push(`${path}: required ${r} not in properties`);
  if (schema.pattern) {
    try {
      new RegExp(schema.pattern);
    } catch {
      out.push(`${path}: pattern ${schema.pattern} does not compile`);
    }
  }
  if (schema.enum && !Array.isArray(schema.enum)) out.push(`${path}: enum is not a list`);
  for (const [k, child] of Object.entries(schema.properties ?? {}))
    out.push(...problemsIn(child, `${path}.${k}`));
  if (schema.items) out.push(...problemsIn(schema.items, `${path}[]`));
  if (typeof schema.additionalProperties === "object")
    out.push(...problemsIn(schema.additionalProperties, `${path}{}`));
  return out;
}

describe("generated CRD schemas", () => {
  test("the committed files are what scripts/gen-schemas.mjs makes from fixtures/crds", () => {
    const script = fileURLToPath(new URL("../../../scripts/gen-schemas.mjs", import.meta.url));
    expect(execFileSync("node", [script, "--check"], { encoding: "utf8" })).toContain(
      "10 schemas up to date",
    );
    // A child Node process: 0.8 s of CPU, but 4–6 s of wall under a load average of 20.
  }, 30_000);

  test("every schema is well-formed draft-07 (types, required ⊆ properties, patterns compile)", () => {
    for (const crd of CRD_SCHEMAS) {
      expect(crd.license).toBe("Apache-2.0 © The Kubernetes Authors");
      expect(crd.source).toContain(
        "kubernetes-sigs/gateway-api default branch after v1.6.1 (commit 4564255ac2c3",
      );
      for (const v of crd.versions)
        expect(problemsIn(v.schema, `${crd.kind} ${v.apiVersions[0]}`)).toEqual([]);
    }
  });

  test("keeps the constraints the validator relies on", () => {
    const route = getCrdJsonSchema("HTTPRoute", "gateway.networking.k8s.io/v1");
    const rule = route?.properties?.spec?.properties?.rules?.items;
    expect(rule?.properties?.matches?.items?.properties?.path?.properties?.type?.enum).toEqual([
      "Exact",
      "PathPrefix",
      "RegularExpression",
    ]);
    expect(rule?.properties?.backendRefs?.items?.properties?.weight).toMatchObject({
      minimum: 0,
      maximum: 1000000,
    });
    expect(rule?.additionalProperties).toBe(false);
    expect(rule?.properties?.retry).toBeUndefined(); // experimental-only
    expect(
      getCrdJsonSchema("Gateway", "gateway.networking.k8s.io/v1")?.properties?.spec?.properties
        ?.listeners?.["x-kubernetes-list-map-keys"],
    ).toEqual(["name"]);
  });

  test("covers every Gateway API version kinds.ts lists as served", () => {
    const missing: string[] = [];
    for (const [kind, versions] of Object.entries(SERVED_VERSIONS) as [
      ModelledKind,
      readonly string[],
    ][]) {
      for (const apiVersion of versions) {
        if (groupOf(apiVersion) !== "gateway.networking.k8s.io") continue; // core and Ingress kinds have no CRD
        const crd = CRD_SCHEMAS.find((c) => c.kind === kind);
        if (!crd?.versions.some((v) => v.apiVersions.includes(apiVersion)))
          missing.push(`${kind} ${apiVersion}`);
      }
    }
    expect(missing).toEqual([]);
  });

  test("experimental-channel versions come from experimental/, v1 from the standard channel", () => {
    const tls = CRD_SCHEMAS.find((c) => c.kind === "TLSRoute");
    expect(tls?.versions.map((v) => [v.apiVersions.join(","), v.channel])).toEqual([
      ["gateway.networking.k8s.io/v1", "standard"],
      ["gateway.networking.k8s.io/v1alpha2", "experimental"],
      ["gateway.networking.k8s.io/v1alpha3", "experimental"],
    ]);
  });

  test("the editor schema selects one CRD schema per kind and apiVersion, and is plain JSON", () => {
    const editor = getEditorJsonSchema() as {
      allOf: {
        if: { properties: { kind: { const: string }; apiVersion: { enum: string[] } } };
        then: JsonSchema;
      }[];
    };
    expect(JSON.parse(JSON.stringify(editor))).toEqual(editor);
    const route = editor.allOf.filter((b) => b.if.properties.kind.const === "HTTPRoute");
    expect(route.map((b) => b.if.properties.apiVersion.enum)).toEqual([
      ["gateway.networking.k8s.io/v1", "gateway.networking.k8s.io/v1beta1"],
    ]);
    expect(route[0]?.then).toBe(
      EDITOR_CRD_SCHEMAS.find((c) => c.kind === "HTTPRoute")?.versions[0]?.schema,
    );
    expect(editor.allOf).toHaveLength(CRD_SCHEMAS.reduce((n, c) => n + c.versions.length, 0));
  });

  test("the validator's schemas are the editor's without a single description, nothing else left out", () => {
    expect(CRD_SCHEMAS).toEqual(EDITOR_CRD_SCHEMAS.map((crd) => withoutDescriptions(crd)));
    const texts = (crds: readonly CrdSchema[]) => {
      let count = 0;
      const visit = (schema: JsonSchema) => {
        if (typeof schema.description === "string") count++;
        for (const member of Object.values(schema.properties ?? {})) visit(member);
        if (schema.items) visit(schema.items);
        if (typeof schema.additionalProperties === "object") visit(schema.additionalProperties);
      };
      for (const crd of crds) for (const v of crd.versions) visit(v.schema);
      return count;
    };
    expect(texts(CRD_SCHEMAS)).toBe(0);
    expect(texts(EDITOR_CRD_SCHEMAS)).toBeGreaterThan(500);
    // A field named description is a field, not the keyword: GatewayClass spec.description stays.
    expect(
      getCrdJsonSchema("GatewayClass", "gateway.networking.k8s.io/v1")?.properties?.spec?.properties
        ?.description,
    ).toMatchObject({ type: "string", maxLength: 64 });
  });
});
