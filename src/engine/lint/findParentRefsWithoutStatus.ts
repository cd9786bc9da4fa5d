/**
 * parentRefs a cluster would leave without any status entry (the status stage says why in
 * explain[].noStatusReason): the most confusing outcome for a user, who sees nothing at all.
 * A parent missing from the input is already a ref.not-found diagnostic; this covers the rest (a
 * parent kind gwsim does not reconcile, a Gateway whose GatewayClass is not accepted). A class that
 * is merely absent from the input says nothing about a cluster, which may well have it installed:
 * the Gateway's own ref.not-found covers that, and this lint stays silent. In the closed world the
 * input is the whole cluster by the user's own choice, so an absent class is missing and the lint
 * says what follows for the route.
 */
import { GATEWAY_GROUP } from "../api/kinds";
import { resourceKey } from "../api/keys";
import type { Manifest, RouteParentExplain } from "../types";
import type { LintFinding, LintInput } from "./lintTypes";
import { createManifestLookup, locateFinding, nameOf } from "./locateFinding";

export function findParentRefsWithoutStatus(input: LintInput): LintFinding[] {
  const lookup = createManifestLookup(input.manifests);
  const classAbsent =
    input.world === "closed" ? new Set<string>() : parentsWithAbsentClass(input.manifests);
  const out: LintFinding[] = [];
  for (const e of input.explain) {
    // An assumed parent (or a ListenerSet under an assumed Gateway) is unknown, not status-less.
    if (e.noStatusReason === undefined || e.unknownParent === true || isReportedAsMissing(e))
      continue;
    if (e.parent !== undefined && classAbsent.has(e.parent)) continue;
    const ref = `${nameOf(e.route)} parentRef ${e.parentRefIndex} (${e.parentRef.kind ?? "Gateway"} ${e.parentRef.namespace ? `${e.parentRef.namespace}/` : ""}${e.parentRef.name})`;
    // A kind gwsim does not model (route delegation, ServiceImport, a vendor's mesh) may well
    // have a controller in the user's cluster: say what gwsim knows, not that no status comes.
    const message =
      e.parent === undefined
        ? `${ref} is not simulated: ${e.noStatusReason}; only an implementation that supports this parent kind writes status for it, so check the kind if no such implementation runs`
        : `${ref} will get no status in a cluster: ${e.noStatusReason}`;
    const d = locateFinding(
      input,
      lookup,
      "lint.parent-ref-no-status",
      e.route,
      ["spec", "parentRefs", e.parentRefIndex],
      message,
    );
    if (d) out.push({ diagnostic: d });
  }
  return out;
}

const RECONCILED_PARENT_KINDS: ReadonlySet<string> = new Set(["Gateway", "ListenerSet", "Service"]);

function isReportedAsMissing(e: RouteParentExplain): boolean {
  return e.parent === undefined && RECONCILED_PARENT_KINDS.has(e.parentRef.kind ?? "Gateway");
}

/**
 * Gateways whose GatewayClass is not in the input, and the ListenerSets whose parent Gateway is
 * one of them: parents the input cannot say anything about.
 */
function parentsWithAbsentClass(manifests: readonly Manifest[]): Set<string> {
  const ofGatewayApi = (kind: string) =>
    manifests.filter((m) => m.kind === kind && m.group === GATEWAY_GROUP && m.modelled);
  const classes = new Set(ofGatewayApi("GatewayClass").map((m) => m.name));
  const out = new Set<string>();
  for (const gw of ofGatewayApi("Gateway")) {
    const className = gw.spec["gatewayClassName"];
    if (typeof className === "string" && !classes.has(className)) out.add(gw.key);
  }
  for (const ls of ofGatewayApi("ListenerSet")) {
    const ref = ls.spec["parentRef"];
    if (typeof ref !== "object" || ref === null || Array.isArray(ref)) continue;
    const { name, namespace } = ref as Record<string, unknown>;
    if (typeof name !== "string") continue;
    if (
      out.has(
        resourceKey("Gateway", typeof namespace === "string" ? namespace : ls.namespace, name),
      )
    )
      out.add(ls.key);
  }
  return out;
}
