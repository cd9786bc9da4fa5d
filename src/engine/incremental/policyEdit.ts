/**
 * A policy edited in place (a value typed in its spec, its targetRefs as they were): the edit
 * reaches only the policy itself (its object summary, its graph node, its own findings).
 *
 * Who reads a policy in the pipeline, and what:
 * - resolvePolicyAttachments: its key, kind, and targetRef or targetRefs as written. The policy
 *   attachments follow, and from them the effective policies (computeEffectivePolicies reads the
 *   attachments, the Gateways and the routes' attachments, never a policy's spec), the policy
 *   edges, the finding about a target the input lacks and the targets the world assumes.
 * - the graph's policy node: its summary, its attachments and its status.
 * - a BackendTLSPolicy's spec is read by its status and the routes' SNI: not proven here.
 * - an object a GatewayClass or Gateway names as its parametersRef is read as their parameters:
 *   then the policy has attachments its targetRefs do not give, and the edit is not proven.
 * - its status: drift compares it. The proof asks for none, before and after.
 */
import type { Analysis } from "../analysisTypes";
import { mayBePolicy } from "../resolve/resolvePolicyAttachments";
import type { Manifest } from "../types";

/** Why the edit of policy `before` into `after` may change what another object reads. */
export function policyEditReach(
  analysis: Pick<Analysis, "policies">,
  before: Manifest,
  after: Manifest,
): string | undefined {
  if (!mayBePolicy(after.kind) || after.kind === "BackendTLSPolicy")
    return `${after.kind} ${after.name} is read by what it configures`;
  if (before.group !== after.group || before.modelled !== after.modelled)
    return "the policy's API group changed";
  if (before.body["status"] !== undefined || after.body["status"] !== undefined)
    return "the policy carries a written status (drift compares it)";
  const targets = (m: Manifest) =>
    JSON.stringify([m.spec["targetRef"] ?? null, m.spec["targetRefs"] ?? null]);
  if (targets(before) !== targets(after)) return "the policy's targets changed";
  // Its attachments are those of its targetRefs alone, one each, in order: no parametersRef.
  const own = analysis.policies.filter((p) => p.policy === before.key);
  if (
    own.length === 0 ||
    own.some((p, i) => p.targetRefIndex !== i || p.policyKind !== before.kind)
  )
    return "the object is no policy, or a GatewayClass or Gateway reads it as its parameters";
  return undefined;
}
