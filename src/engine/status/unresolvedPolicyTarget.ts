/**
 * What to say about a policy targetRef that resolves to nothing. Most often the object is simply
 * not in the input. But the object index is keyed by kind, namespace and name, and a target
 * counts only when its API group matches too: a targetRef that names an object the input does
 * hold, in another group, is a wrong group, not a missing object. `group: core` for a Service is
 * the common case (NGINX Gateway Fabric's examples write it for its UpstreamSettingsPolicy, and
 * NGF accepts it for its own policies, as Linkerd does): saying "Service default/tea is not in the
 * input" next to a file that defines it sends the reader looking in the wrong place.
 */
import { namespaceForKind } from "../api/kinds";
import type { DiagnosticCode } from "../diagnostics/catalog";
import { getObject, type ResourceIndex } from "../resolve/indexResources";
import type { FieldPath, PolicyAttachment } from "../types";

export interface UnresolvedPolicyTarget {
  code: DiagnosticCode;
  path: FieldPath;
  message: string;
}

export function describeUnresolvedPolicyTarget(
  index: ResourceIndex,
  attachment: PolicyAttachment,
  plural: boolean,
): UnresolvedPolicyTarget {
  const { group, kind, namespace, name } = attachment.targetRef;
  const refPath: FieldPath = plural
    ? ["spec", "targetRefs", attachment.targetRefIndex]
    : ["spec", "targetRef"];
  // A cluster-scoped target (GatewayClass, Namespace, …) is named without a namespace.
  const scope = namespaceForKind(kind, namespace);
  const named = scope === undefined ? `${kind} ${name}` : `${kind} ${scope}/${name}`;
  const present = getObject(index, kind, scope, name);
  if (present === undefined || present.group === group)
    return {
      code: "ref.not-found",
      path: plural ? ["spec", "targetRefs"] : ["spec", "targetRef"],
      message: `${attachment.policyKind} targets ${named}, which is not in the input.`,
    };
  const holds = `the input holds ${named} in ${groupName(present.group)}`;
  if (group === "core" && present.group === "")
    return {
      code: "ref.core-group-spelling",
      path: [...refPath, "group"],
      message: `${attachment.policyKind} targets ${named} with group "core", but ${holds}: "core" is not its name, so a controller that follows the spec finds no target and the policy does nothing. Some implementations accept it for their own policies (NGINX Gateway Fabric, Linkerd).`,
    };
  return {
    code: "ref.not-found",
    path: [...refPath, "group"],
    message: `${attachment.policyKind} targets ${named} in ${groupName(group)}, but ${holds}, so the policy has no target.`,
  };
}

function groupName(group: string): string {
  return group === "" ? 'the core API group ("")' : `group ${group}`;
}
