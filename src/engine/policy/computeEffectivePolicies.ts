/**
 * Effective policies (GEP-713 inherited policy attachment): for each object, the policies whose
 * targetRef names it, then those it inherits. A route inherits from every Gateway (and
 * ListenerSet) it is attached to, and from a policy whose sectionName names a listener the route
 * attached through; a Gateway inherits from its GatewayClass. Only settled attachments count: a
 * route that names a Gateway but was not accepted there inherits nothing from it.
 *
 * A policy whose target the world assumes (PolicyAttachment.assumedTarget: a Gateway, route, Service or
 * InferencePool the input lacks) applies to that assumed object, marked targetAssumed; nothing
 * inherits from it.
 *
 * Objects without any policy have no entry.
 */
import { resourceKey, type ResourceKey } from "../api/keys";
import type { GatewayModel, PolicyAttachment, RouteAttachment } from "../types";
import type { EffectivePolicies, EffectivePolicy, PolicyReach } from "./policyTypes";

export interface EffectivePoliciesInput {
  policies: readonly PolicyAttachment[];
  gateways: readonly GatewayModel[];
  attachments: readonly RouteAttachment[];
}

/** Most specific first (GEP-713: section > the object itself > listener > gateway > class). */
const SPECIFICITY: Record<PolicyReach, number> = {
  section: 0,
  direct: 1,
  listener: 2,
  gateway: 3,
  class: 4,
};

export function computeEffectivePolicies(input: EffectivePoliciesInput): EffectivePolicies {
  // A targetRef whose sectionName the target lacks attaches nowhere (GEP-713).
  const resolved = input.policies.filter(
    (p): p is PolicyAttachment & { target: ResourceKey } =>
      p.target !== undefined && p.sectionMissing !== true,
  );
  const byTarget = groupByTarget(resolved);
  const out = new Map<ResourceKey, EffectivePolicy[]>();
  const add = (key: ResourceKey, entry: EffectivePolicy): void => {
    const list = out.get(key);
    if (list) list.push(entry);
    else out.set(key, [entry]);
  };

  for (const p of resolved) add(p.target, entryFor(p, reachOf(p)));
  // An assumed target passes nothing down: no route is attached to an assumed Gateway, and a
  // backend passes nothing on.
  for (const p of input.policies) {
    if (p.target !== undefined || p.assumedTarget === undefined) continue;
    const entry = entryFor({ ...p, target: p.assumedTarget }, reachOf(p));
    entry.targetAssumed = true;
    add(p.assumedTarget, entry);
  }
  for (const gw of input.gateways) {
    const classKey = resourceKey("GatewayClass", undefined, gw.className);
    for (const p of byTarget.get(classKey) ?? []) {
      if (p.targetRef.sectionName === undefined) add(gw.key, entryFor(p, "class"));
    }
  }
  const viaByRoute = listenersByRoute(input.attachments, byTarget);
  for (const [route, via] of viaByRoute) {
    for (const entry of inheritedByRoute(via, byTarget)) add(route, entry);
  }

  const result: EffectivePolicies = {};
  for (const [key, list] of out)
    result[key] = markOverrides(sortBySpecificity(dedupe(list)), viaByRoute.get(key) ?? []);
  return result;
}

interface ListenerVia {
  gateway: ResourceKey;
  owner: ResourceKey;
  listener: string;
}

/**
 * The listeners each route attached through, counting only those whose Gateway or ListenerSet
 * some policy targets: through any other listener a route inherits nothing, and such a listener
 * never decides an override (overrides() looks only at listeners of the loser's own parent, which
 * a policy targets). Skipping them keeps a workspace of thousands of routes and a few policies
 * from describing every attachment.
 */
function listenersByRoute(
  attachments: readonly RouteAttachment[],
  byTarget: ReadonlyMap<ResourceKey, readonly PolicyWithTarget[]>,
): Map<ResourceKey, ListenerVia[]> {
  const byRoute = new Map<ResourceKey, ListenerVia[]>();
  for (const a of attachments) {
    const owner = a.owner ?? a.gateway;
    if (!byTarget.has(a.gateway) && !byTarget.has(owner)) continue;
    const via: ListenerVia = { gateway: a.gateway, owner, listener: a.listener };
    const list = byRoute.get(a.route);
    if (list) list.push(via);
    else byRoute.set(a.route, [via]);
  }
  return byRoute;
}

/**
 * Whole-parent policies of each Gateway and ListenerSet the route attached through, and the
 * policies whose sectionName names one of those listeners. Listener names are unique per owner,
 * so a Gateway's sectionName names only the Gateway's own listeners.
 */
function inheritedByRoute(
  via: readonly ListenerVia[],
  byTarget: ReadonlyMap<ResourceKey, PolicyWithTarget[]>,
): EffectivePolicy[] {
  const entries: EffectivePolicy[] = [];
  const parents = [
    ...new Set(via.flatMap((v) => (v.owner === v.gateway ? [v.gateway] : [v.gateway, v.owner]))),
  ];
  for (const parent of parents) {
    for (const p of byTarget.get(parent) ?? []) {
      const section = p.targetRef.sectionName;
      if (section === undefined) entries.push(entryFor(p, "gateway"));
      else if (via.some((v) => v.owner === parent && v.listener === section))
        entries.push(entryFor(p, "listener"));
    }
  }
  return entries;
}

type PolicyWithTarget = PolicyAttachment & { target: ResourceKey };

function groupByTarget(
  policies: readonly PolicyWithTarget[],
): Map<ResourceKey, PolicyWithTarget[]> {
  const byTarget = new Map<ResourceKey, PolicyWithTarget[]>();
  for (const p of policies) {
    const list = byTarget.get(p.target);
    if (list) list.push(p);
    else byTarget.set(p.target, [p]);
  }
  return byTarget;
}

function reachOf(p: PolicyAttachment): "direct" | "section" {
  return p.targetRef.sectionName === undefined ? "direct" : "section";
}

function entryFor(p: PolicyWithTarget, reach: PolicyReach): EffectivePolicy {
  const entry: EffectivePolicy = {
    policy: p.policy,
    policyKind: p.policyKind,
    reach,
    target: p.target,
  };
  if (p.targetRef.sectionName !== undefined) entry.sectionName = p.targetRef.sectionName;
  return entry;
}

/** A policy listing the same target twice (or reached through two listeners) appears once. */
function dedupe(list: readonly EffectivePolicy[]): EffectivePolicy[] {
  const seen = new Set<string>();
  return list.filter((e) => {
    const id = `${e.policy}|${e.reach}|${e.target}|${e.sectionName ?? ""}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

function sortBySpecificity(list: readonly EffectivePolicy[]): EffectivePolicy[] {
  // Array.prototype.sort is stable: within one reach, input order is kept.
  return [...list].sort((a, b) => SPECIFICITY[a.reach] - SPECIFICITY[b.reach]);
}

/**
 * A less specific policy is overridden by the most specific policy of the same kind that covers
 * everything it covers. A section policy covers only part of the object (one rule, one port), so
 * it overrides nothing on the object as a whole. A listener policy overrides the Gateway's
 * whole-parent policy only when every listener the route attached through on that Gateway has a
 * listener policy of that kind; otherwise the Gateway's policy still applies to the others.
 */
function markOverrides(sorted: EffectivePolicy[], via: readonly ListenerVia[]): EffectivePolicy[] {
  return sorted.map((entry) => {
    const winner = sorted.find(
      (other) => other.policyKind === entry.policyKind && overrides(other, entry, sorted, via),
    );
    return winner ? { ...entry, overriddenBy: winner.policy } : entry;
  });
}

function overrides(
  winner: EffectivePolicy,
  loser: EffectivePolicy,
  all: readonly EffectivePolicy[],
  via: readonly ListenerVia[],
): boolean {
  if (winner.reach === "section" || SPECIFICITY[winner.reach] >= SPECIFICITY[loser.reach])
    return false;
  if (winner.reach !== "listener" || loser.reach !== "gateway") return true;
  // The listeners the loser's parent covers for this route: a Gateway's policy covers its
  // ListenerSets' listeners too.
  const covered = via.filter((v) => v.gateway === loser.target || v.owner === loser.target);
  const hasListenerPolicy = (v: ListenerVia): boolean =>
    all.some(
      (e) =>
        e.reach === "listener" &&
        e.policyKind === loser.policyKind &&
        e.target === v.owner &&
        e.sectionName === v.listener,
    );
  return (
    covered.some((v) => v.owner === winner.target && v.listener === winner.sectionName) &&
    covered.every(hasListenerPolicy)
  );
}
