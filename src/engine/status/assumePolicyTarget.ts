/**
 * A policy whose target is an implementation-specific backend object (an InferencePool, a
 * ServiceImport, …; resolve/implementationSupport.ts) that the input lacks: the world decides, as
 * it does for the routes that reference the same object. Assumed, the policy adds one reference
 * to the object's assumption record instead of a "not in the input" warning; missing, the caller
 * warns as for any other target.
 */
import { resourceKey } from "../api/keys";
import type { Manifest, PolicyAttachment } from "../types";
import { needEngineModule } from "../modules/engineModules";
import { isCoreOrGatewayGroup } from "../api/kinds";
import { lookupObject } from "../resolve/world";
import { recordAssumption, type StatusContext } from "./statusContext";

/**
 * True when the target is assumed and recorded (the attachment then names it in assumedTarget, so
 * effective policies reach the assumed object); false leaves the caller's warning.
 */
export function assumePolicyTarget(
  ctx: StatusContext,
  attachment: PolicyAttachment,
  policy: Manifest,
): boolean {
  const { group, kind, namespace, name } = attachment.targetRef;
  if (isCoreOrGatewayGroup(group)) return false;
  if (needEngineModule("implementationSupport").backendKindEntry(group, kind) === undefined)
    return false;
  const found = lookupObject(ctx.index, kind, namespace, name);
  if (found.state !== "assumed") return false;
  const targetRefs = Array.isArray(policy.spec["targetRefs"]);
  recordAssumption(
    ctx,
    {
      code: "assume.object",
      kind,
      namespace,
      name,
      why: found.why,
      facts: [],
      closedWorld: `${attachment.policyKind} ${policy.namespace ?? ""}/${policy.name} has no target`,
    },
    policy,
    targetRefs ? ["spec", "targetRefs", attachment.targetRefIndex] : ["spec", "targetRef"],
  );
  attachment.assumedTarget = resourceKey(kind, namespace, name);
  return true;
}
