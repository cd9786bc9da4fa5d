/**
 * Which policies apply to an object: the ones that target it, and the ones it inherits from the
 * objects above it (a route from the Gateway or listener it is attached to, a Gateway from its
 * GatewayClass), as GEP-713 describes inherited policy attachment.
 */
import type { ResourceKey } from "../api/keys";

/** How a policy reaches the object: it targets the object itself, or the named parent. */
export type PolicyReach = "direct" | "section" | "listener" | "gateway" | "class";

export interface EffectivePolicy {
  policy: ResourceKey;
  policyKind: string;
  reach: PolicyReach;
  /** The object the policy's targetRef names (the object itself when reach is direct or section). */
  target: ResourceKey;
  /**
   * Set when the target is not in the input and the world assumes it (an InferencePool of the
   * platform team): the policy applies to an assumed object, as Analysis.assumptions records.
   */
  targetAssumed?: true;
  /** The targetRef's sectionName (a listener name, a rule name, a Service port name). */
  sectionName?: string;
  /**
   * Set when a more specific policy of the same kind applies to this object too, so this one's
   * settings are overridden (GEP-713: the more specific attachment wins).
   */
  overriddenBy?: ResourceKey;
}

/** Per object (ResourceKey), every policy that applies to it, most specific first. */
export type EffectivePolicies = Record<ResourceKey, EffectivePolicy[]>;
