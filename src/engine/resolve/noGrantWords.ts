import type { ResourceIndex } from "./indexResources";

/**
 * Why no grant was assumed for a namespace whose ReferenceGrants the input lacks altogether: on a
 * slice of a cluster the reader otherwise cannot tell "denied" from "not in the files". An
 * on-demand part of the diagnostic words (diagnostics/diagnosticWordsModule.ts): only a refused
 * reference into a namespace without grants asks.
 */
export function noGrantAssumed(index: ResourceIndex, namespace: string): string {
  return index.world.mode === "closed"
    ? " (closed world: the input holds every ReferenceGrant there is)"
    : ` (the input holds other objects of namespace ${namespace}, so gwsim takes its ReferenceGrants to be in the input too)`;
}
