/**
 * A request forwarded to an implementation-specific backend (an InferencePool, a ServiceImport,
 * …): gwsim has no Service endpoints to pick from, and makes none up. The outcome says who picks.
 */
import type { ResolvedBackendRef } from "../types";

export function describeImplementationPick(ref: ResolvedBackendRef): string {
  if (ref.implementation === undefined) return "";
  return `; ${ref.kind} ${ref.namespace}/${ref.name}: the implementation picks the endpoint and port (an InferencePool's endpoint picker, a ServiceImport's clusters, …), which gwsim does not model`;
}
