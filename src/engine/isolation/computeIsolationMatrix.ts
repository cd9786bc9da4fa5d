/**
 * The namespaces × listeners matrix. Each cell asks the status stage's own admission check
 * (status/checkListenerAdmission) whether a route of the listener's kind from that namespace
 * would be admitted, on the very listener states the status stage settled (StatusResult.listeners),
 * so the lens can never disagree with the Accepted conditions it explains.
 */
import { GATEWAY_GROUP, type RouteKind } from "../api/kinds";
import { parseResourceKey } from "../api/keys";
import type { SourceLocator } from "../load/sourceLocator";
import type { ResourceIndex } from "../resolve/indexResources";
import { printSelector } from "../resolve/matchLabelSelector";
import { matchNamespaceSelector } from "../resolve/matchNamespaceSelector";
import { asRecord, asString } from "../resolve/read";
import type { GatewayListeners } from "../status/buildGatewayListeners";
import { checkListenerAdmission } from "../status/checkListenerAdmission";
import type { ListenerState } from "../status/listenerState";
import type { ResourceKey, RouteParentExplain } from "../types";
import { locateConflict } from "./locateConflict";
import type {
  IsolationCell,
  IsolationConflict,
  IsolationListener,
  IsolationNamespace,
  IsolationRouteAttempt,
} from "./isolationTypes";

export interface IsolationMatrix {
  namespaces: IsolationNamespace[];
  listeners: IsolationListener[];
  cells: IsolationCell[];
}

export function computeIsolationMatrix(
  index: ResourceIndex,
  gatewayListeners: ReadonlyMap<ResourceKey, GatewayListeners>,
  explain: readonly RouteParentExplain[],
  locator?: SourceLocator,
): IsolationMatrix {
  const states: { state: ListenerState; model: IsolationListener }[] = [];
  for (const { gateway, listeners } of gatewayListeners.values()) {
    const domain = asString(gateway.spec["gatewayClassName"]) ?? "";
    for (const state of listeners) states.push({ state, model: describeListener(state, domain) });
  }
  const gatewayDomains = new Map<string, Set<string>>();
  for (const { model, state } of states) {
    const ns = state.gateway.namespace ?? "";
    const set = gatewayDomains.get(ns) ?? new Set<string>();
    set.add(model.domain);
    gatewayDomains.set(ns, set);
  }
  const namespaces: IsolationNamespace[] = [...index.namespaces.values()]
    .map((n) => ({
      name: n.name,
      labels: { ...n.labels },
      declared: n.declared,
      gatewayDomains: [...(gatewayDomains.get(n.name) ?? [])].sort(),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
  const listenerModels = states.map((s) => s.model);
  const cells: IsolationCell[] = [];
  for (const ns of namespaces) {
    for (const { state, model } of states) {
      const kind: RouteKind = state.supportedKinds[0] ?? "HTTPRoute";
      const ref = {
        group: GATEWAY_GROUP,
        kind: "Gateway",
        namespace: state.gateway.namespace ?? "",
        name: state.gateway.name,
      };
      const admission = checkListenerAdmission(index, state, ref, {
        kind,
        namespace: ns.name,
        hostnames: [],
      });
      const failed = admission.checks.find(
        (c) => !c.pass && (c.check === "namespace" || c.check === "route-kind"),
      );
      const namespaceCheck = admission.checks.find((c) => c.check === "namespace");
      const cell: IsolationCell = {
        namespace: ns.name,
        listener: model.id,
        allowed: failed === undefined,
        detail: failed?.detail ?? namespaceCheck?.detail ?? "",
        routes: attemptsFrom(explain, ns.name, model),
      };
      if (failed !== undefined) {
        cell.failedAt = failed.check === "namespace" ? "namespace" : "route-kind";
        const conflict =
          failed.check === "namespace"
            ? conflictOf(index, state, ns.name, listenerModels, locator)
            : undefined;
        if (conflict !== undefined) {
          cell.conflictsWith = conflict;
          cell.detail = `${cell.detail} (${conflict.site} is at ${conflict.file}:${conflict.line}:${conflict.column})`;
        }
      } else if (admission.namespaceAssumption !== undefined)
        cell.assumed = admission.namespaceAssumption.why;
      cells.push(cell);
    }
  }
  return { namespaces, listeners: listenerModels, cells };
}

/**
 * When the listener's selector fails only because the namespace is already assumed to carry
 * labels it contradicts (resolve/namespaceLabelPlan, the plan admission reads): that selector.
 */
function conflictOf(
  index: ResourceIndex,
  state: ListenerState,
  namespace: string,
  listeners: readonly IsolationListener[],
  locator: SourceLocator | undefined,
): IsolationConflict | undefined {
  const namespaces = asRecord(state.allowedRoutes["namespaces"]);
  const selector = asRecord(namespaces?.["selector"]);
  if (asString(namespaces?.["from"]) !== "Selector" || selector === undefined) return undefined;
  const against = matchNamespaceSelector(index, selector, namespace).contradicts;
  return against === undefined ? undefined : locateConflict(against, listeners, locator);
}

function describeListener(l: ListenerState, domain: string): IsolationListener {
  const namespaces = asRecord(l.allowedRoutes["namespaces"]) ?? {};
  const from = asString(namespaces["from"]) ?? "Same";
  const out: IsolationListener = {
    id: `${l.owner.key}#${l.name}`,
    gateway: l.gateway.key,
    owner: l.owner.key,
    listener: l.name,
    domain,
    port: l.port,
    protocol: l.protocol,
    from,
    kinds: [...l.supportedKinds],
  };
  if (l.hostname !== undefined) out.hostname = l.hostname;
  const selector = asRecord(namespaces["selector"]);
  if (from === "Selector" && selector !== undefined) out.selector = printSelector(selector);
  return out;
}

function attemptsFrom(
  explain: readonly RouteParentExplain[],
  namespace: string,
  l: IsolationListener,
): IsolationRouteAttempt[] {
  const out: IsolationRouteAttempt[] = [];
  for (const e of explain) {
    if (e.parent !== l.gateway && e.parent !== l.owner) continue;
    if (parseResourceKey(e.route).namespace !== namespace) continue;
    const le = e.listeners.find((x) => x.listener === l.listener && x.owner === l.owner);
    if (le === undefined) continue;
    const failed = le.checks.find((c) => !c.pass && c.check !== "listener-ready");
    const attempt: IsolationRouteAttempt = { route: e.route, attached: le.attached };
    if (failed !== undefined) {
      attempt.failedCheck = failed.check;
      attempt.detail = failed.detail;
    }
    out.push(attempt);
  }
  return out;
}
