/**
 * NotAllowedByListeners → either side of the handshake (spec §2.4, allowedRoutes):
 * - the listener selects namespaces by matchLabels: label the route's Namespace (the route's
 *   owners ask; the Gateway stays as the platform team wrote it);
 * - the listener allows Same: widen it to a selector naming its own namespace and the route's
 *   (never `All`, which would admit every namespace);
 * - the listener restricts kinds: add the route's kind when the listener's protocol serves it.
 */
import { GATEWAY_GROUP, type RouteKind } from "../api/kinds";
import { RouteReason } from "../api/conditions";
import { parseResourceKey } from "../api/keys";
import type { EditOp } from "../edit/editOps";
import { NAMESPACE_NAME_LABEL, type ResourceIndex } from "../resolve/indexResources";
import { asArray, asRecord, asRecords, asString } from "../resolve/read";
import type { ListenerExplain, Manifest, RouteParentExplain } from "../types";
import type { FixIt } from "./fixItTypes";
import { lookupTable } from "../collections/dict";

const KINDS_BY_PROTOCOL = lookupTable<readonly RouteKind[]>({
  HTTP: ["HTTPRoute", "GRPCRoute"],
  HTTPS: ["HTTPRoute", "GRPCRoute"],
  TLS: ["TLSRoute"],
  TCP: ["TCPRoute"],
  UDP: ["UDPRoute"],
});

export function buildListenerAdmissionFixes(
  explain: readonly RouteParentExplain[],
  index: ResourceIndex,
): FixIt[] {
  const out = new Map<string, FixIt>();
  for (const e of explain) {
    if (e.reason !== RouteReason.NotAllowedByListeners) continue;
    const route = index.byKey.get(e.route);
    if (route === undefined || route.namespace === undefined) continue;
    for (const l of e.listeners) {
      if (l.checks.some((c) => (c.check === "section-name" || c.check === "port") && !c.pass))
        continue;
      const owner = index.byKey.get(l.owner);
      const raw = owner === undefined ? undefined : findListener(owner, l.listener);
      if (owner === undefined || raw === undefined) continue;
      for (const fix of fixesFor(index, route, owner, raw.spec, raw.index, l))
        if (!out.has(fix.id)) out.set(fix.id, fix);
    }
  }
  return [...out.values()];
}

function fixesFor(
  index: ResourceIndex,
  route: Manifest,
  owner: Manifest,
  listener: Record<string, unknown>,
  listenerIndex: number,
  l: ListenerExplain,
): FixIt[] {
  const routeNs = route.namespace ?? "";
  const ownerNs = owner.namespace ?? "";
  const fails = (check: string) => l.checks.some((c) => c.check === check && !c.pass);
  const allowed = asRecord(listener["allowedRoutes"]) ?? {};
  const namespaces = asRecord(allowed["namespaces"]) ?? {};
  const from = asString(namespaces["from"]) ?? "Same";
  const where = `listener ${l.listener} of ${owner.kind} ${ownerNs}/${owner.name}`;
  const base = { object: parseResourceKey(route.key), file: route.source.file };
  const out: FixIt[] = [];
  const listenerPath = ["spec", "listeners", listenerIndex];
  const ownerTarget = { kind: owner.kind, namespace: ownerNs, name: owner.name };

  if (fails("namespace") && from === "Selector") {
    const selector = asRecord(namespaces["selector"]) ?? {};
    const labels = asRecord(selector["matchLabels"]);
    const expressions = asRecords(selector["matchExpressions"]);
    const wanted = Object.entries(labels ?? {}).filter(
      (kv): kv is [string, string] => typeof kv[1] === "string",
    );
    // The API server sets kubernetes.io/metadata.name itself: a selector on it names namespaces.
    if (
      wanted.length > 0 &&
      expressions.length === 0 &&
      !wanted.some(([k]) => k === NAMESPACE_NAME_LABEL)
    ) {
      const printed = wanted.map(([k, v]) => `${k}=${v}`).join(", ");
      // Changing a label the namespace already has can lose it other listeners (another domain).
      const current = index.namespaces.get(routeNs)?.labels ?? {};
      const replaced = wanted
        .filter(([k, v]) => current[k] !== undefined && current[k] !== v)
        .map(([k]) => `${k}=${current[k] ?? ""}`);
      const warning =
        replaced.length > 0
          ? ` This replaces ${replaced.join(", ")}: listeners selecting the old value stop admitting ${routeNs}.`
          : "";
      out.push({
        ...base,
        id: `namespace-label:${routeNs}:${printed}`,
        kind: "namespace-label",
        title: `Label namespace ${routeNs} with ${printed}${replaced.length > 0 ? ` (replaces ${replaced.join(", ")})` : ""}`,
        detail: `${where} admits routes from namespaces labelled ${printed}. Labelling ${routeNs} also admits its other routes to every listener selecting these labels.${warning}`,
        fixes: "NotAllowedByListeners",
        edits: labelNamespace(index, routeNs, wanted),
      });
    }
  }
  if (fails("namespace") && from === "Same") {
    out.push({
      ...base,
      id: `allowed-routes:${l.owner}:${l.listener}:${routeNs}`,
      kind: "allowed-routes",
      title: `Allow routes from ${routeNs} on ${where}`,
      detail: `${where} only admits routes from its own namespace (${ownerNs}). This replaces "from: Same" with a selector naming ${ownerNs} and ${routeNs}, so no other namespace gains access.`,
      fixes: "NotAllowedByListeners",
      file: owner.source.file,
      edits: [
        {
          op: "setField",
          target: ownerTarget,
          path: [...listenerPath, "allowedRoutes", "namespaces"],
          value: {
            from: "Selector",
            selector: {
              matchExpressions: [
                { key: NAMESPACE_NAME_LABEL, operator: "In", values: [ownerNs, routeNs] },
              ],
            },
          },
        },
      ],
    });
  }
  const kinds = asRecords(allowed["kinds"]);
  const protocol = asString(listener["protocol"]) ?? "";
  const routeKind = route.kind as RouteKind;
  if (
    fails("route-kind") &&
    kinds.length > 0 &&
    (KINDS_BY_PROTOCOL[protocol] ?? []).includes(routeKind)
  ) {
    out.push({
      ...base,
      id: `allowed-kinds:${l.owner}:${l.listener}:${routeKind}`,
      kind: "allowed-kinds",
      title: `Allow ${routeKind} on ${where}`,
      detail: `${where} lists the route kinds it accepts, and ${routeKind} is not one of them.`,
      fixes: "NotAllowedByListeners",
      file: owner.source.file,
      edits: [
        {
          op: "setField",
          target: ownerTarget,
          path: [...listenerPath, "allowedRoutes", "kinds", kinds.length],
          value: { group: GATEWAY_GROUP, kind: routeKind },
        },
      ],
    });
  }
  return [...out, ...combined(out, route, where)];
}

/**
 * A listener that refuses a route for two reasons (its namespace and its kind) needs both fixed:
 * each fix-it alone leaves the route refused, so re-analysis drops it. One fix-it with both edits
 * is offered as well (when they land in the same file).
 */
function combined(fixes: readonly FixIt[], route: Manifest, where: string): FixIt[] {
  const kinds = fixes.find((f) => f.kind === "allowed-kinds");
  const namespaces = fixes.find((f) => f.kind === "allowed-routes" || f.kind === "namespace-label");
  if (kinds === undefined || namespaces === undefined || kinds.file !== namespaces.file) return [];
  return [
    {
      ...namespaces,
      id: `${namespaces.id}+${kinds.id}`,
      title: `Allow ${route.kind} from ${route.namespace ?? ""} on ${where}`,
      detail: `${namespaces.detail} ${kinds.detail}`,
      edits: [...namespaces.edits, ...kinds.edits],
    },
  ];
}

function labelNamespace(
  index: ResourceIndex,
  namespace: string,
  labels: readonly [string, string][],
): EditOp[] {
  const declared = index.byKey.get(`Namespace//${namespace}` as Manifest["key"]);
  if (declared !== undefined) {
    return labels.map(([k, v]): EditOp => ({
      op: "setField",
      target: { kind: "Namespace", name: namespace },
      path: ["metadata", "labels", k],
      value: v,
    }));
  }
  return [
    {
      op: "addObject",
      object: {
        apiVersion: "v1",
        kind: "Namespace",
        metadata: { name: namespace, labels: Object.fromEntries(labels) },
      },
    },
  ];
}

function findListener(
  owner: Manifest,
  name: string,
): { spec: Record<string, unknown>; index: number } | undefined {
  // asArray, not asRecords: the index must be the position in the YAML list.
  const listeners = asArray(owner.spec["listeners"]);
  const index = listeners.findIndex((l) => asString(asRecord(l)?.["name"]) === name);
  const spec = asRecord(listeners[index]);
  return spec === undefined ? undefined : { spec, index };
}
