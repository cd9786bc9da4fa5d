/**
 * The validator's lookup of a kind's CRD schema. GatewayClass, Gateway and HTTPRoute are in the
 * worker's first chunk; the other CRD kinds' schemas are the `kindSchemas` on-demand module
 * (kindSchemasModule.ts), asked for only when an object of such a kind is validated. Same answer
 * as crdSchemas.ts's getCrdJsonSchema, which has them all (validationSchemas.test.ts).
 */
import gateway from "./schemas/gateway.json?validation";
import gatewayclass from "./schemas/gatewayclass.json?validation";
import httproute from "./schemas/httproute.json?validation";
import type { CrdSchema, JsonSchema } from "./crdSchemas";
import { needEngineModule } from "../modules/engineModules";

const ALWAYS_LOADED = [gateway, gatewayclass, httproute] as unknown as readonly CrdSchema[];

/** The kinds whose schema is in the `kindSchemas` module. */
export const ON_DEMAND_SCHEMA_KINDS: ReadonlySet<string> = new Set([
  "BackendTLSPolicy",
  "GRPCRoute",
  "ListenerSet",
  "ReferenceGrant",
  "TCPRoute",
  "TLSRoute",
  "UDPRoute",
]);

/**
 * The schema for a kind at an apiVersion. An apiVersion the CRD does not serve falls back to the
 * kind's first (storage) schema, so an object with an outdated version is still checked.
 */
export function validationSchemaFor(kind: string, apiVersion: string): JsonSchema | undefined {
  return schemaAt(crdOfKind(kind), apiVersion);
}

function crdOfKind(kind: string): CrdSchema | undefined {
  const always = ALWAYS_LOADED.find((c) => c.kind === kind);
  if (always !== undefined || !ON_DEMAND_SCHEMA_KINDS.has(kind)) return always;
  return needEngineModule("kindSchemas").ON_DEMAND_CRD_SCHEMAS.find((c) => c.kind === kind);
}

export function schemaAt(crd: CrdSchema | undefined, apiVersion: string): JsonSchema | undefined {
  if (!crd) return undefined;
  return (crd.versions.find((v) => v.apiVersions.includes(apiVersion)) ?? crd.versions[0])?.schema;
}
