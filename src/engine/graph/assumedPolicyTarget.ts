/**
 * A policy target the world assumes (status/assumePolicyTarget.ts: a Gateway, route or Service the
 * slice lacks, or an implementation-specific backend object such as an InferencePool): its policy
 * is not degraded and its edge is drawn as an assumption, not as TargetNotFound. The status stage
 * names the assumed object in the attachment's assumedTarget.
 */
import type { AssumedObject } from "../resolve/world";
import type { PolicyAttachment } from "../types";
import type { SemanticGraphInput } from "./semanticGraphInput";

export function assumedPolicyTarget(
  input: SemanticGraphInput,
  p: PolicyAttachment,
): AssumedObject | undefined {
  if (p.target !== undefined || p.assumedTarget === undefined) return undefined;
  return input.assumptions?.find((a) => a.key === p.assumedTarget);
}
