/**
 * The engine's runtime entry for the UI: small, pure helpers that present engine data (resource
 * keys, shares, requests, kind tables, the words of a problem). The UI may import this module at
 * runtime (lint allows it); everything else of the engine reaches the UI through the worker.
 * Keep it light: nothing here may pull in the loader, the validator or the router.
 */
export {
  displayKey,
  displayName,
  keyOfRef,
  kindOfKey,
  namespaceOfKey,
  objectLabel,
  parseResourceKey,
  renamedKey,
  resourceKey,
} from "./resourceKeys";
export type { ObjectRef, ResourceKey } from "./resourceKeys";
export { slug } from "./slug";
export {
  describeInvalidBackendRef,
  describeRouteParentProblem,
  explainListenerConditions,
  listProblems,
} from "./problems";
export type { Problem, ProblemKind } from "./problems";
export { describeRequest } from "../whatif/describeRequest";
// The simulator's "send this rule / listener", the rollout stepper's weights and the words of a
// trace (shares, buckets, the backend's stream) are in present/whatIf.ts: only the simulator's
// lazily loaded parts use them.
export { DEFAULT_WORLD_MODE } from "../resolve/worldMode";
export { KIND_DISPLAY_ORDER, ROUTE_KINDS, isRouteKind, ModelledKind } from "../api/modelledKind";
// The readings' names, questions and values (the app's readings control shows the engine's words).
export { READINGS, parseReadings } from "../readings/readings";
export type { ReadingName, Readings, ReadingSpec } from "../readings/readings";
