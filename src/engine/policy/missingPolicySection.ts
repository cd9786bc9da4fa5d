/**
 * A policy targetRef whose sectionName names no section of the object it targets: GEP-713 says
 * such a policy must fail to attach (and its implementation should say so in the policy's
 * status). The target itself is in the input, so "not in the input" would send the reader to the
 * wrong place: this names the sections the target has. An on-demand part of the diagnostic words
 * (diagnostics/diagnosticWordsModule.ts): only a policy with a sectionName asks.
 */
import { isRouteKind } from "../api/modelledKind";
import type { ResourceIndex } from "../resolve/indexResources";
import { asRecords, asString } from "../resolve/read";
import type { FieldPath, Manifest, PolicyAttachment } from "../types";

export interface MissingPolicySection {
  path: FieldPath;
  message: string;
}

/** Undefined when the section exists, or when gwsim does not know the target kind's sections. */
export function describeMissingPolicySection(
  index: ResourceIndex,
  attachment: PolicyAttachment,
  policy: Manifest,
): MissingPolicySection | undefined {
  const section = attachment.targetRef.sectionName;
  const target = attachment.target && index.byKey.get(attachment.target);
  const sections = target && sectionsOf(target);
  if (section === undefined || !sections || sections.names.includes(section)) return undefined;
  const refPath: FieldPath = Array.isArray(policy.spec["targetRefs"])
    ? ["spec", "targetRefs", attachment.targetRefIndex]
    : ["spec", "targetRef"];
  const named = `${target.kind} ${target.namespace ?? ""}/${target.name}`;
  const has =
    sections.names.length === 0
      ? `it has no named ${sections.noun}`
      : `its ${sections.noun}s: ${sections.names.map((n) => `"${n}"`).join(", ")}`;
  return {
    path: [...refPath, "sectionName"],
    message: `${attachment.policyKind} targets ${sections.noun} "${section}" of ${named}, which has no ${sections.noun} of that name (${has}), so the policy does not attach.`,
  };
}

function sectionsOf(target: Manifest): { noun: string; names: string[] } | undefined {
  const named = (field: string) =>
    asRecords(target.spec[field]).flatMap((entry) => asString(entry["name"]) ?? []);
  if (target.kind === "Gateway" || target.kind === "ListenerSet")
    return { noun: "listener", names: named("listeners") };
  if (isRouteKind(target.kind)) return { noun: "rule", names: named("rules") };
  if (target.kind === "Service") return { noun: "port", names: named("ports") };
  return undefined;
}
