/**
 * Where one ingress domain (a GatewayClass) reaches into another:
 * - a listener hostname that also covers another domain's listener hostname
 *   (`*.example.com` covers `*.internal.example.com`);
 * - a route attached to Gateways of two domains;
 * - a namespace whose labels admit it to listeners of two domains;
 * - a backend the NetworkPolicies would block from its own Gateway's namespace (traffic the
 *   route sends is dropped), or leave reachable from another domain's Gateway namespace.
 */
import { parseResourceKey } from "../api/keys";
import { type ResourceIndex } from "../resolve/indexResources";
import { isCoveredByWildcard } from "../resolve/intersectHostnames";
import { asRecord, asStringMap } from "../resolve/read";
import type { GatewayModel, ResolvedRoute, ResourceKey, RouteAttachment } from "../types";
import type { SourceLocator } from "../load/sourceLocator";
import type { IsolationLeak } from "./isolationTypes";
import { locateConflict } from "./locateConflict";
import type { IsolationMatrix } from "./computeIsolationMatrix";
import { matchNetworkPolicyIngress } from "./matchNetworkPolicyIngress";

export interface LeakInput {
  matrix: IsolationMatrix;
  index: ResourceIndex;
  gateways: readonly GatewayModel[];
  routes: readonly ResolvedRoute[];
  attachments: readonly RouteAttachment[];
  /** Locates the earlier selector a contradicted NetworkPolicy peer names (file:line:col). */
  locator?: SourceLocator | undefined;
}

export function findIsolationLeaks(input: LeakInput): IsolationLeak[] {
  return [
    ...findWildcardCoverage(input),
    ...findRoutesSpanningDomains(input),
    ...findNamespacesOpenToDomains(input),
    ...findNetworkPolicyGaps(input),
  ];
}

function findWildcardCoverage({ matrix }: LeakInput): IsolationLeak[] {
  const out: IsolationLeak[] = [];
  for (const a of matrix.listeners) {
    for (const b of matrix.listeners) {
      if (a.domain === b.domain || a.id === b.id) continue;
      const covers =
        a.hostname === undefined
          ? true
          : b.hostname !== undefined && isCoveredByWildcard(a.hostname, b.hostname);
      // Two listeners without hostnames cover each other: report the pair once.
      if (!covers || (a.hostname === undefined && b.hostname === undefined && a.id > b.id))
        continue;
      const what =
        a.hostname === undefined
          ? "has no hostname, so it serves every name, including"
          : `(${a.hostname}) also covers`;
      out.push({
        kind: "wildcard-covers-other-domain",
        severity: "warning",
        message: `Listener ${describe(a)} of domain ${a.domain} ${what} ${b.hostname ?? "every name"} of listener ${describe(b)} in domain ${b.domain}: a route in ${a.domain} can publish names meant for ${b.domain}. Narrow the hostname of ${a.listener}.`,
        objects: unique([a.gateway, b.gateway]),
        listeners: [a.id, b.id],
      });
    }
  }
  return out;
}

function findRoutesSpanningDomains({ gateways, attachments }: LeakInput): IsolationLeak[] {
  const domainOf = new Map(gateways.map((g) => [g.key, g.className]));
  const byRoute = new Map<ResourceKey, Map<string, Set<ResourceKey>>>();
  for (const a of attachments) {
    const domain = domainOf.get(a.gateway);
    if (domain === undefined) continue;
    const domains = byRoute.get(a.route) ?? new Map<string, Set<ResourceKey>>();
    domains.set(domain, (domains.get(domain) ?? new Set()).add(a.gateway));
    byRoute.set(a.route, domains);
  }
  const out: IsolationLeak[] = [];
  for (const [route, domains] of byRoute) {
    if (domains.size < 2) continue;
    const parts = [...domains].map(([d, gws]) => `${d} (${[...gws].map(short).join(", ")})`);
    out.push({
      kind: "route-spans-domains",
      severity: "warning",
      message: `${name(route)} is attached to Gateways of ${domains.size} domains: ${parts.join(" and ")}. The same rules and backends are published in each.`,
      objects: [route, ...[...domains.values()].flatMap((s) => [...s])],
      namespace: parseResourceKey(route).namespace ?? "",
    });
  }
  return out;
}

function findNamespacesOpenToDomains({ matrix }: LeakInput): IsolationLeak[] {
  const listeners = new Map(matrix.listeners.map((l) => [l.id, l]));
  const out: IsolationLeak[] = [];
  for (const ns of matrix.namespaces) {
    // Only what is known: an undeclared namespace is assumed to match every selector it meets,
    // which would make it "open" to every domain that selects by label.
    const open = matrix.cells.filter(
      (c) => c.namespace === ns.name && c.allowed && c.assumed === undefined,
    );
    const domains = new Map<string, string[]>();
    for (const c of open) {
      const l = listeners.get(c.listener);
      if (l !== undefined) domains.set(l.domain, [...(domains.get(l.domain) ?? []), c.listener]);
    }
    if (domains.size < 2) continue;
    const how = [...domains].map(
      ([d, ids]) => `${d} through ${ids.map((id) => describe(listeners.get(id))).join(", ")}`,
    );
    out.push({
      kind: "namespace-open-to-domains",
      severity: "warning",
      message: `Namespace ${ns.name} (labels ${printLabels(ns.labels)}) may attach routes to listeners of ${domains.size} domains: ${how.join("; ")}. Its routes can publish in every one of them.`,
      objects: unique(
        open
          .map((c) => listeners.get(c.listener)?.gateway)
          .filter((k): k is ResourceKey => k !== undefined),
      ),
      namespace: ns.name,
      listeners: open.map((c) => c.listener),
    });
  }
  return out;
}

function findNetworkPolicyGaps({
  matrix,
  index,
  gateways,
  routes,
  attachments,
  locator,
}: LeakInput): IsolationLeak[] {
  const gatewayByKey = new Map(gateways.map((g) => [g.key, g]));
  const routeByKey = new Map(routes.map((r) => [r.key, r]));
  // Each backend Service with the Gateways (and so domains) that send it traffic.
  const backends = new Map<ResourceKey, { route: ResourceKey; gateways: Set<GatewayModel> }>();
  for (const a of attachments) {
    const gw = gatewayByKey.get(a.gateway);
    const route = routeByKey.get(a.route);
    if (gw === undefined || route === undefined) continue;
    for (const rule of route.rules) {
      for (const b of rule.backendRefs) {
        if (b.target === undefined || !b.target.startsWith("Service/")) continue;
        const entry = backends.get(b.target) ?? {
          route: route.key,
          gateways: new Set<GatewayModel>(),
        };
        entry.gateways.add(gw);
        backends.set(b.target, entry);
      }
    }
  }
  const out: IsolationLeak[] = [];
  const reportedMissing = new Set<string>();
  for (const [serviceKey, { route, gateways: senders }] of backends) {
    const service = index.byKey.get(serviceKey);
    const selector = asStringMap(asRecord(service?.spec["selector"]));
    if (
      service === undefined ||
      service.namespace === undefined ||
      Object.keys(selector).length === 0
    )
      continue;
    const target = { namespace: service.namespace, podLabels: selector };
    for (const gw of senders) {
      const outcome = matchNetworkPolicyIngress(index, target, gw.namespace);
      if (outcome.verdict === "assumed") {
        // Not a fact either way: say what the traffic rests on, without a warning.
        out.push({
          kind: "network-policy-blocks",
          severity: "info",
          message: `${name(route)} sends traffic through ${short(gw.key)} to ${name(serviceKey)}; the NetworkPolicies admit it only on assumed labels: ${outcome.detail}. Add Namespace ${gw.namespace} to the input to check.`,
          objects: [route, gw.key, serviceKey, ...outcome.policies],
          namespace: service.namespace,
        });
        continue;
      }
      if (outcome.verdict !== "blocked") continue;
      const leak: IsolationLeak = {
        kind: "network-policy-blocks",
        severity: "warning",
        message: `${name(route)} sends traffic through ${short(gw.key)} to ${name(serviceKey)}, but the NetworkPolicies would drop it: ${outcome.detail}. Admit namespace ${gw.namespace} in an ingress rule.`,
        objects: [route, gw.key, serviceKey, ...outcome.policies],
        namespace: service.namespace,
      };
      if (outcome.conflictsWith !== undefined) {
        // Named as a refused matrix cell names it: the selector assumed first, and where it is.
        const conflict = locateConflict(outcome.conflictsWith, matrix.listeners, locator);
        leak.conflictsWith = conflict;
        leak.message = `${name(route)} sends traffic through ${short(gw.key)} to ${name(serviceKey)}, but the NetworkPolicies would drop it: ${outcome.detail} (${conflict.site} is at ${conflict.file}:${conflict.line}:${conflict.column}). Add Namespace ${gw.namespace} to the input to check, or admit it in an ingress rule.`;
      }
      out.push(leak);
    }
    const domains = new Set([...senders].map((g) => g.className));
    const strangers = unique(
      gateways
        .filter((g) => !domains.has(g.className) && g.namespace !== service.namespace)
        .map((g) => g.namespace),
    );
    for (const ns of strangers) {
      const outcome = matchNetworkPolicyIngress(index, target, ns);
      if (outcome.verdict !== "allowed") continue;
      if (outcome.policies.length === 0) {
        if (reportedMissing.has(serviceKey)) continue;
        reportedMissing.add(serviceKey);
        out.push({
          kind: "network-policy-missing",
          severity: "info",
          message: `No NetworkPolicy isolates the pods of ${name(serviceKey)} (served by ${[...domains].join(", ")}): the Gateway namespaces of other domains (${strangers.join(", ")}) can reach them directly.`,
          objects: [serviceKey],
          namespace: service.namespace,
        });
        continue;
      }
      out.push({
        kind: "network-policy-open",
        severity: "warning",
        message: `${name(serviceKey)} is served by ${[...domains].join(", ")}, yet its NetworkPolicies admit namespace ${ns}, a Gateway namespace of another domain: ${outcome.detail}.`,
        objects: [serviceKey, ...outcome.policies],
        namespace: service.namespace,
      });
    }
  }
  return out;
}

function describe(
  l: { listener: string; gateway: ResourceKey; hostname?: string } | undefined,
): string {
  if (l === undefined) return "?";
  return `${short(l.gateway)}/${l.listener}`;
}

function short(key: ResourceKey): string {
  const ref = parseResourceKey(key);
  return ref.namespace ? `${ref.namespace}/${ref.name}` : ref.name;
}

function name(key: ResourceKey): string {
  return `${parseResourceKey(key).kind} ${short(key)}`;
}

function printLabels(labels: Record<string, string>): string {
  const entries = Object.entries(labels);
  return entries.length === 0 ? "none" : entries.map(([k, v]) => `${k}=${v}`).join(", ");
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}
