/**
 * A policy whose target the input lacks: the world decides, as it does for the routes that
 * reference the same object. A Gateway, a route or a Service named in its own API group is looked
 * up like a route's parent or backend (a Kuadrant AuthPolicy pasted without its HTTPRoute, an
 * Envoy Gateway SecurityPolicy without its Gateway: auto assumes them when the input holds no
 * object of that kind in that namespace), and so is an implementation-specific backend object (an
 * InferencePool, a ServiceImport, …; resolve/implementationSupport.ts). Assumed, the policy adds
 * one reference to the object's assumption record instead of a "not in the input" warning;
 * missing, the caller warns as for any other target.
 */
import { resourceKey } from "../api/keys";
import type { Manifest, PolicyAttachment } from "../types";
import { needEngineModule } from "../modules/engineModules";
import { CORE_GROUP, GATEWAY_GROUP } from "../api/kinds";
import { isRouteKind } from "../api/modelledKind";
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
  if (name === "" || !worldDecidesTarget(group, kind)) return false;
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

/**
 * Namespaced kinds a slice often references without holding: a Gateway or route in the Gateway
 * API group, a Service in the core group, an implementation's backend kind. A Gateway API kind in
 * another group (`group: core` on a Service) is a spelling the caller reports, not an object to
 * assume; cluster-scoped targets (a GatewayClass, a Namespace) stay "not in the input".
 */
function worldDecidesTarget(group: string, kind: string): boolean {
  if (group === GATEWAY_GROUP) return kind === "Gateway" || isRouteKind(kind);
  if (group === CORE_GROUP) return kind === "Service";
  return needEngineModule("implementationSupport").backendKindEntry(group, kind) !== undefined;
}
