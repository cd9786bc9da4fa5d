/**
 * The assumption record of a ReferenceGrant the world assumes (resolve/world.ts
 * assumeReferenceGrant): its name is unknown, so it is known by its namespace and what it must
 * allow. One record per namespace; each (from, to) pair a reference needs is one of its facts.
 */
import { GRANT_CLOSED_WORLD, type ReferenceFrom } from "../resolve/isReferencePermitted";
import type { AssumptionNote } from "./statusContext";

export function assumedGrantNote(
  from: ReferenceFrom,
  to: { group: string; kind: string; namespace: string },
  why: string,
): AssumptionNote {
  return {
    code: "assume.reference-grant",
    kind: "ReferenceGrant",
    namespace: to.namespace,
    allows: { from: { ...from }, to: { group: to.group, kind: to.kind } },
    why,
    facts: [`${from.kind} from namespace ${from.namespace} to reference ${to.kind}`],
    closedWorld: `the reference is not permitted (${GRANT_CLOSED_WORLD})`,
  };
}
