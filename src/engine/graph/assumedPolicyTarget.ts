/**
 * A policy target the world assumes (status/assumePolicyTarget.ts: an implementation-specific
 * backend object such as an InferencePool that the input lacks): its policy is not degraded and
 * its edge is drawn as an assumption, not as TargetNotFound.
 */
import { resourceKey } from "../api/keys";
import { needEngineModule } from "../modules/engineModules";
import { isCoreOrGatewayGroup } from "../api/kinds";
import type { AssumedObject } from "../resolve/world";
import type { PolicyAttachment } from "../types";
import type { SemanticGraphInput } from "./semanticGraphInput";

export function assumedPolicyTarget(
  input: SemanticGraphInput,
  p: PolicyAttachment,
): AssumedObject | undefined {
  const t = p.targetRef;
  if (p.target !== undefined || isCoreOrGatewayGroup(t.group)) return undefined;
  if (needEngineModule("implementationSupport").backendKindEntry(t.group, t.kind) === undefined)
    return undefined;
  const key = resourceKey(t.kind, t.namespace, t.name);
  return input.assumptions?.find((a) => a.key === key);
}
