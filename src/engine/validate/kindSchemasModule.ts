/**
 * The validator's CRD schemas (crdSchemas.ts) of the kinds a workspace may well not have: route
 * kinds other than HTTPRoute, ListenerSet, ReferenceGrant and BackendTLSPolicy. An on-demand
 * engine module (modules/engineModules.ts): a workspace of GatewayClasses, Gateways and
 * HTTPRoutes is validated without them, so the worker's first chunk leaves them out.
 */
import backendtlspolicy from "./schemas/backendtlspolicy.json?validation";
import grpcroute from "./schemas/grpcroute.json?validation";
import listenerset from "./schemas/listenerset.json?validation";
import referencegrant from "./schemas/referencegrant.json?validation";
import tcproute from "./schemas/tcproute.json?validation";
import tlsroute from "./schemas/tlsroute.json?validation";
import udproute from "./schemas/udproute.json?validation";
import type { CrdSchema } from "./crdSchemas";

// The generator guarantees the CrdSchema shape (the `?validation` import is typed unknown).
export const ON_DEMAND_CRD_SCHEMAS: readonly CrdSchema[] = [
  backendtlspolicy,
  grpcroute,
  listenerset,
  referencegrant,
  tcproute,
  tlsroute,
  udproute,
] as unknown as readonly CrdSchema[];
