/**
 * The assumption records of a backendRef to an implementation-specific kind
 * (resolve/resolveImplementationBackend.ts): one per kind when its support is assumed (the
 * controller is unknown), and one per object when the object itself is assumed to exist.
 */
import type { ResolvedBackendRef } from "../types";
import type { AssumptionNote } from "./statusContext";

export function implementationNotes(ref: ResolvedBackendRef): AssumptionNote[] {
  const implementation = ref.implementation;
  if (implementation === undefined) return [];
  const notes: AssumptionNote[] = [];
  if (implementation.supportAssumed !== undefined)
    notes.push({
      code: "assume.backend-kind",
      kind: ref.kind,
      why: implementation.supportAssumed,
      facts: [
        `${capitalize(implementation.label)} is implementation-specific; assumed supported by the controller, ${implementation.supporters}`,
      ],
      closedWorld: "routes referencing it report ResolvedRefs=False (InvalidKind)",
    });
  if (implementation.existenceAssumed !== undefined)
    notes.push({
      code: "assume.object",
      kind: ref.kind,
      namespace: ref.namespace,
      name: ref.name,
      why: implementation.existenceAssumed,
      facts: [],
      closedWorld: "the route reports ResolvedRefs=False (BackendNotFound) for it",
    });
  return notes;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
