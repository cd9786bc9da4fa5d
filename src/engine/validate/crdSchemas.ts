/**
 * The JSON Schemas generated from the vendored Gateway API CRDs (`npm run gen:schemas`), one
 * file per kind. The validator reads them, and the UI hands them to monaco-yaml unchanged.
 */
import backendtlspolicy from "./schemas/backendtlspolicy.json";
import gateway from "./schemas/gateway.json";
import gatewayclass from "./schemas/gatewayclass.json";
import grpcroute from "./schemas/grpcroute.json";
import httproute from "./schemas/httproute.json";
import listenerset from "./schemas/listenerset.json";
import referencegrant from "./schemas/referencegrant.json";
import tcproute from "./schemas/tcproute.json";
import tlsroute from "./schemas/tlsroute.json";
import udproute from "./schemas/udproute.json";

/** The subset of draft-07 JSON Schema the generator emits. */
export interface JsonSchema {
  type?: "object" | "array" | "string" | "integer" | "number" | "boolean";
  description?: string;
  properties?: Record<string, JsonSchema>;
  additionalProperties?: boolean | JsonSchema;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  minProperties?: number;
  maxProperties?: number;
  uniqueItems?: boolean;
  default?: unknown;
  /** Kubernetes list-type=map: entries are unique by these keys. */
  "x-kubernetes-list-map-keys"?: string[];
}

export interface CrdSchemaVersion {
  /** Every apiVersion ("group/version") this schema serves. */
  apiVersions: string[];
  channel: "standard" | "experimental";
  schema: JsonSchema;
}

export interface CrdSchema {
  /** Where the schema came from, with its license: Apache-2.0 © The Kubernetes Authors. */
  source: string;
  license: string;
  kind: string;
  group: string;
  versions: CrdSchemaVersion[];
}

// JSON imports are typed by their content; the generator guarantees the CrdSchema shape.
export const CRD_SCHEMAS: readonly CrdSchema[] = [
  backendtlspolicy,
  gateway,
  gatewayclass,
  grpcroute,
  httproute,
  listenerset,
  referencegrant,
  tcproute,
  tlsroute,
  udproute,
] as unknown as readonly CrdSchema[];

/**
 * The schema for a kind at an apiVersion. An apiVersion the CRD does not serve falls back to the
 * kind's first (storage) schema, so an object with an outdated version is still checked.
 */
export function getCrdJsonSchema(kind: string, apiVersion: string): JsonSchema | undefined {
  const crd = CRD_SCHEMAS.find((c) => c.kind === kind);
  if (!crd) return undefined;
  return (crd.versions.find((v) => v.apiVersions.includes(apiVersion)) ?? crd.versions[0])?.schema;
}

/**
 * One draft-07 schema for a whole multi-kind YAML file in an editor (monaco-yaml): each document
 * is checked against the CRD schema its `kind` and `apiVersion` select, through if/then, so a
 * document of any other kind is left alone.
 */
export function getEditorJsonSchema(): Record<string, unknown> {
  const branches = CRD_SCHEMAS.flatMap((crd) =>
    crd.versions.map((version) => ({
      if: {
        properties: { kind: { const: crd.kind }, apiVersion: { enum: version.apiVersions } },
        required: ["kind", "apiVersion"],
      },
      then: version.schema,
    })),
  );
  return {
    $schema: "http://json-schema.org/draft-07/schema#",
    $comment: `${CRD_SCHEMAS[0]?.source ?? ""}; ${CRD_SCHEMAS[0]?.license ?? ""}`,
    type: "object",
    allOf: branches,
  };
}
