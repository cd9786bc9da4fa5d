/**
 * Words for how a policy reaches an object, from the engine's EffectivePolicy (which already did
 * the GEP-713 inheritance): "targets this route", "inherited from Gateway infra/eg", …
 */
import type { EffectivePolicy, ResourceKey } from "../../engine";
import {
  displayKey as printObjectName,
  isRouteKind,
  kindOfKey,
  objectLabel as printObjectLabel,
} from "../../engine/present";

export { kindOfKey, printObjectLabel, printObjectName };

/** What a sectionName names on an object of this kind. */
function sectionWord(kind: string): string {
  if (kind === "Gateway" || kind === "ListenerSet" || kind === "XListenerSet") return "listener";
  if (isRouteKind(kind)) return "rule";
  if (kind === "Service") return "port";
  return "section";
}

function thisWord(kind: string): string {
  return isRouteKind(kind) ? "route" : kind;
}

/** "listener https", "port grpc": the part of its target a section policy names. */
export function printPolicySection(policy: EffectivePolicy): string {
  return `${sectionWord(kindOfKey(policy.target))} ${policy.sectionName ?? "?"}`;
}

/** How `policy` reaches `object` (the selected object), in a few words. */
export function describePolicyReach(policy: EffectivePolicy, object: ResourceKey): string {
  const targetKind = kindOfKey(policy.target);
  switch (policy.reach) {
    case "direct":
      return policy.target === object
        ? `targets this ${thisWord(targetKind)}`
        : `targets ${printObjectLabel(policy.target)}`;
    case "section": {
      const section = printPolicySection(policy);
      return policy.target === object
        ? `targets ${section} of this ${thisWord(targetKind)}`
        : `targets ${section} of ${printObjectLabel(policy.target)}`;
    }
    case "listener":
      return `from listener ${policy.sectionName ?? "?"} of ${printObjectLabel(policy.target)}`;
    case "gateway":
      return `inherited from ${printObjectLabel(policy.target)}`;
    case "class":
      return `from ${printObjectLabel(policy.target)}`;
  }
}
