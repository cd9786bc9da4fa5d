/**
 * The JSON Schemas generated from the vendored Gateway API CRDs (`npm run gen:schemas`), one
 * file per kind, as the validator reads them: without their `description` texts (the
 * `?validation` import, vite.config.ts), which only the editor shows. The editor's full schemas
 * are in editorSchemas.ts, loaded on demand. The validator itself looks a schema up through
 * validationSchemas.ts, which loads the rarer kinds' schemas on demand; this list, with every
 * kind, is for the CLI, the tests and the editor.
 */
import backendtlspolicy from "./schemas/backendtlspolicy.json?validation";
import gateway from "./schemas/gateway.json?validation";
import gatewayclass from "./schemas/gatewayclass.json?validation";
import grpcroute from "./schemas/grpcroute.json?validation";
import httproute from "./schemas/httproute.json?validation";
import listenerset from "./schemas/listenerset.json?validation";
import referencegrant from "./schemas/referencegrant.json?validation";
import tcproute from "./schemas/tcproute.json?validation";
import tlsroute from "./schemas/tlsroute.json?validation";
import udproute from "./schemas/udproute.json?validation";
import { schemaAt } from "./validationSchemas";

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

// The generator guarantees the CrdSchema shape (the `?validation` import is typed unknown).
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
  return schemaAt(
    CRD_SCHEMAS.find((c) => c.kind === kind),
    apiVersion,
  );
}
