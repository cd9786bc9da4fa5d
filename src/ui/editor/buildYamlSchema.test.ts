import { describe, expect, test } from "vitest";
import type { CrdSchema } from "../../engine";
import { buildYamlSchema } from "./buildYamlSchema";

const crd = (kind: string, apiVersions: string[], marker: string): CrdSchema => ({
  source: "test",
  license: "Apache-2.0",
  kind,
  group: "gateway.networking.k8s.io",
  versions: [{ apiVersions, channel: "standard", schema: { type: "object", description: marker } }],
});

describe("buildYamlSchema", () => {
  test("each kind × apiVersion set becomes an if/then branch selecting its schema", () => {
    const schema = buildYamlSchema([
      crd("Gateway", ["gateway.networking.k8s.io/v1", "gateway.networking.k8s.io/v1beta1"], "gw"),
      crd("HTTPRoute", ["gateway.networking.k8s.io/v1"], "route"),
    ]);
    expect(schema.allOf).toEqual([
      {
        if: {
          type: "object",
          properties: {
            kind: { const: "Gateway" },
            apiVersion: {
              enum: ["gateway.networking.k8s.io/v1", "gateway.networking.k8s.io/v1beta1"],
            },
          },
          required: ["kind", "apiVersion"],
        },
        then: { type: "object", description: "gw" },
      },
      {
        if: {
          type: "object",
          properties: {
            kind: { const: "HTTPRoute" },
            apiVersion: { enum: ["gateway.networking.k8s.io/v1"] },
          },
          required: ["kind", "apiVersion"],
        },
        then: { type: "object", description: "route" },
      },
    ]);
  });

  test("no CRDs, no constraints: other objects (Services, Secrets) are never flagged", () => {
    expect(buildYamlSchema([]).allOf).toEqual([]);
  });
});
