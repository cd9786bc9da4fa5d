/**
 * Would the NetworkPolicies of a namespace let traffic from another namespace reach a set of
 * pods? Kubernetes semantics: pods selected by any policy with Ingress in policyTypes (the
 * default) are isolated, and then admitted only by an ingress rule whose `from` is empty or has
 * a peer matching the source. gwsim knows namespaces' labels but not the Gateway's pods or IPs,
 * so a peer that narrows by podSelector or ipBlock gives "unknown" rather than a guess. Ports are
 * not compared (a Service's targetPort names pod ports the manifests may not show). A
 * namespaceSelector reads the source namespace like every namespace selector
 * (resolve/matchNamespaceSelector): when only labels the input cannot show keep it out, the world
 * may assume them, and the verdict is "assumed", never a plain "allowed".
 */
import type { LabelSelector } from "../api/spec";
import { listKind, type ResourceIndex } from "../resolve/indexResources";
import { matchLabelSelector, printSelector } from "../resolve/matchLabelSelector";
import { matchNamespaceSelector } from "../resolve/matchNamespaceSelector";
import { contradictedLabels, type HeldSelector } from "../resolve/namespaceLabelPlan";
import { asArray, asRecord, asRecords } from "../resolve/read";
import type { Manifest, ResourceKey } from "../types";

/** "assumed": admitted only if the source namespace carries labels the input cannot show. */
export type IngressVerdict = "allowed" | "assumed" | "blocked" | "unknown";

export interface IngressOutcome {
  verdict: IngressVerdict;
  /** Policies that select the pods (empty: the pods are not isolated). */
  policies: ResourceKey[];
  detail: string;
  /**
   * Set on "blocked" when a peer would admit the source namespace on labels the world could
   * assume, but the namespace is already assumed to carry labels they contradict (one set of
   * assumed labels per namespace): the earlier selector, so the verdict can name it.
   */
  conflictsWith?: HeldSelector;
}

export function matchNetworkPolicyIngress(
  index: ResourceIndex,
  target: { namespace: string; podLabels: Record<string, string> },
  fromNamespace: string,
): IngressOutcome {
  const selecting = listKind(index, "NetworkPolicy").filter(
    (p) =>
      p.namespace === target.namespace && isIngressPolicy(p) && selectsPods(p, target.podLabels),
  );
  const policies = selecting.map((p) => p.key);
  if (selecting.length === 0)
    return {
      verdict: "allowed",
      policies,
      detail: `no NetworkPolicy in ${target.namespace} isolates these pods for ingress`,
    };
  let unknown: Manifest | undefined;
  let assumed: string | undefined;
  let contradicted: { policy: Manifest; selector: string; against: HeldSelector } | undefined;
  for (const policy of selecting) {
    for (const rule of asRecords(policy.spec["ingress"])) {
      const peers = asArray(rule["from"]);
      if (peers.length === 0)
        return {
          verdict: "allowed",
          policies,
          detail: `${policy.name} admits ingress from everywhere`,
        };
      for (const peer of peers) {
        const p = matchPeer(index, asRecord(peer) ?? {}, policy.namespace ?? "", fromNamespace);
        const v = p.verdict;
        if (v === "allowed")
          return {
            verdict: "allowed",
            policies,
            detail: `${policy.name} admits ingress from namespace ${fromNamespace}`,
          };
        if (v === "unknown") unknown ??= policy;
        if (v === "assumed") assumed ??= `${policy.name} ${p.assumed ?? ""}`;
        if (p.contradicts !== undefined) contradicted ??= { policy, ...p.contradicts };
      }
    }
  }
  if (assumed !== undefined) return { verdict: "assumed", policies, detail: assumed };
  if (unknown !== undefined) {
    return {
      verdict: "unknown",
      policies,
      detail: `${unknown.name} admits some pods or addresses that may or may not be the Gateway's in ${fromNamespace}`,
    };
  }
  const blocked: IngressOutcome = {
    verdict: "blocked",
    policies,
    detail: `${selecting.map((p) => p.name).join(", ")} isolate these pods, and no ingress rule admits namespace ${fromNamespace}`,
  };
  if (contradicted !== undefined) {
    blocked.conflictsWith = contradicted.against;
    blocked.detail = `${blocked.detail}; the peer of ${contradicted.policy.name} that admits namespaces labeled ${contradicted.selector} cannot: ${contradictedLabels(fromNamespace, contradicted.against)}`;
  }
  return blocked;
}

function isIngressPolicy(p: Manifest): boolean {
  const types = asArray(p.spec["policyTypes"]).filter((t): t is string => typeof t === "string");
  return types.length === 0 || types.includes("Ingress");
}

function selectsPods(p: Manifest, podLabels: Record<string, string>): boolean {
  const selector = asRecord(p.spec["podSelector"]) ?? {};
  return matchLabelSelector(selector as LabelSelector, podLabels).matches;
}

function matchPeer(
  index: ResourceIndex,
  peer: Record<string, unknown>,
  policyNamespace: string,
  fromNamespace: string,
): {
  verdict: IngressVerdict;
  assumed?: string;
  contradicts?: { selector: string; against: HeldSelector };
} {
  const nsSelector = asRecord(peer["namespaceSelector"]);
  const podSelector = asRecord(peer["podSelector"]);
  if (asRecord(peer["ipBlock"]) !== undefined) return { verdict: "unknown" };
  let assumed: string | undefined;
  if (nsSelector !== undefined) {
    const { exact, assumableBecause, contradicts } = matchNamespaceSelector(
      index,
      nsSelector,
      fromNamespace,
    );
    if (!exact.matches && contradicts !== undefined)
      return {
        verdict: "blocked",
        contradicts: { selector: printSelector(nsSelector), against: contradicts },
      };
    if (!exact.matches && assumableBecause === undefined) return { verdict: "blocked" };
    if (assumableBecause !== undefined)
      assumed = `admits namespaces labeled ${printSelector(nsSelector)}; ${fromNamespace} assumed so labeled (${assumableBecause})`;
  } else if (fromNamespace !== policyNamespace) return { verdict: "blocked" };
  if (podSelector !== undefined && !isEmptySelector(podSelector)) return { verdict: "unknown" };
  return assumed === undefined ? { verdict: "allowed" } : { verdict: "assumed", assumed };
}

function isEmptySelector(s: Record<string, unknown>): boolean {
  return (
    Object.keys(asRecord(s["matchLabels"]) ?? {}).length === 0 &&
    asArray(s["matchExpressions"]).length === 0
  );
}
