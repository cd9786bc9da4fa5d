/**
 * Schemas for the core/v1 kinds gwsim reads (the full core/v1 OpenAPI is not vendored): only the
 * fields some stage reads are declared, with the types core/v1 gives them, so the typed view
 * (validateSchema.ts) holds them with the right type. Fields not declared here stay in the view
 * as plain data and are not reported: the API server knows them, gwsim does not need them.
 * And the experimental-channel fields of the Gateway API kinds gwsim simulates, whose CRDs are
 * not vendored for the standard-channel versions (spec digest §0).
 */
import type { JsonSchema } from "./crdSchemas";
import { lookupTable } from "../collections/dict";

const string: JsonSchema = { type: "string" };
const integer: JsonSchema = { type: "integer" };
const stringMap: JsonSchema = { type: "object", additionalProperties: string };
const strings: JsonSchema = { type: "array", items: string };
/** IntOrString: either type is fine, so the walker keeps it as plain data. */
const intOrString: JsonSchema = {};

const labelSelector: JsonSchema = {
  type: "object",
  properties: {
    matchLabels: stringMap,
    matchExpressions: {
      type: "array",
      items: { type: "object", properties: { key: string, operator: string, values: strings } },
    },
  },
};

const metadata = (base: JsonSchema | undefined): JsonSchema => base ?? { type: "object" };

function coreObject(
  meta: JsonSchema | undefined,
  properties: Record<string, JsonSchema>,
): JsonSchema {
  return {
    type: "object",
    properties: { apiVersion: string, kind: string, metadata: metadata(meta), ...properties },
  };
}

/** Core kinds by kind; `meta` is the ObjectMeta schema the CRDs share. */
export function coreSchemas(meta: JsonSchema | undefined): Record<string, JsonSchema> {
  return {
    Service: coreObject(meta, {
      spec: {
        type: "object",
        properties: {
          type: string,
          clusterIP: string,
          externalName: string,
          selector: stringMap,
          ports: {
            type: "array",
            items: {
              type: "object",
              properties: {
                name: string,
                port: integer,
                targetPort: intOrString,
                nodePort: integer,
                protocol: string,
                appProtocol: string,
              },
            },
          },
        },
      },
    }),
    Namespace: coreObject(meta, {}),
    Secret: coreObject(meta, {
      type: string,
      data: stringMap,
      stringData: stringMap,
      immutable: { type: "boolean" },
    }),
    ConfigMap: coreObject(meta, {
      data: stringMap,
      binaryData: stringMap,
      immutable: { type: "boolean" },
    }),
  };
}

const sessionPersistence: JsonSchema = {
  type: "object",
  properties: {
    sessionName: string,
    absoluteTimeout: string,
    idleTimeout: string,
    type: string,
    cookieConfig: { type: "object", properties: { lifetimeType: string } },
  },
};

/** Experimental-channel fields per kind, by field name, with the schema the typed view uses. */
export const EXPERIMENTAL_FIELD_SCHEMAS = lookupTable<ReadonlyMap<string, JsonSchema>>({
  HTTPRoute: new Map<string, JsonSchema>([
    [
      "retry",
      {
        type: "object",
        properties: {
          codes: { type: "array", items: integer },
          attempts: integer,
          backoff: string,
        },
      },
    ],
    ["sessionPersistence", sessionPersistence],
    ["useDefaultGateways", string],
    ["externalAuth", { type: "object" }],
  ]),
  GRPCRoute: new Map<string, JsonSchema>([
    ["sessionPersistence", sessionPersistence],
    ["useDefaultGateways", string],
  ]),
  TLSRoute: new Map([["useDefaultGateways", string]]),
  TCPRoute: new Map([["useDefaultGateways", string]]),
  UDPRoute: new Map([["useDefaultGateways", string]]),
  Gateway: new Map([["defaultScope", string]]),
});

export { labelSelector as LABEL_SELECTOR_SCHEMA };
