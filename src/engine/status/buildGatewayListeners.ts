/**
 * Gathers a Gateway's merged listener list (spec §1.7): its own listeners, then the listeners of
 * the ListenerSets its `allowedListeners` admits (default None), oldest ListenerSet first, then by
 * "{namespace}/{name}"; validates each and settles conflicts.
 */
import { compareByAge } from "../resolve/compareByAge";
import { GATEWAY_GROUP } from "../api/kinds";
import { listKind, NAMESPACE_NAME_LABEL } from "../resolve/indexResources";
import { printSelector } from "../resolve/matchLabelSelector";
import { matchNamespaceSelector } from "../resolve/matchNamespaceSelector";
import { contradictedLabels } from "../resolve/namespaceLabelPlan";
import { asRecord, asRecords, asString } from "../resolve/read";
import type { Manifest } from "../types";
import { applyListenerConflicts, markOverlappingTlsHostnames } from "./applyListenerConflicts";
import type { ListenerState } from "./listenerState";
import { recordAssumption, type StatusContext } from "./statusContext";
import { validateListener } from "./validateListener";

export interface ListenerSetAdmission {
  listenerSet: Manifest;
  allowed: boolean;
  /** Why the Gateway admits or refuses it. */
  detail: string;
}

export interface GatewayListeners {
  gateway: Manifest;
  /** Gateway listeners first, then admitted ListenerSet listeners in precedence order. */
  listeners: ListenerState[];
  gatewayListenerCount: number;
  listenerSets: ListenerSetAdmission[];
}

export function buildGatewayListeners(ctx: StatusContext, gateway: Manifest): GatewayListeners {
  const own = asRecords(gateway.spec["listeners"]).map((raw, i) =>
    validateListener(ctx, gateway, gateway, raw, i),
  );
  const listenerSets = listKind(ctx.index, "ListenerSet")
    .filter((ls) => targetsGateway(ls, gateway))
    .sort(compareByAge)
    .map((ls) => admitListenerSet(ctx, gateway, ls));
  const fromSets = listenerSets
    .filter((a) => a.allowed)
    .flatMap((a) =>
      asRecords(a.listenerSet.spec["listeners"]).map((raw, i) =>
        validateListener(ctx, gateway, a.listenerSet, raw, i),
      ),
    );
  const listeners = [...own, ...fromSets];
  applyListenerConflicts(listeners, own.length);
  markOverlappingTlsHostnames(listeners);
  return { gateway, listeners, gatewayListenerCount: own.length, listenerSets };
}

export function targetsGateway(ls: Manifest, gateway: Manifest): boolean {
  const ref = asRecord(ls.spec["parentRef"]) ?? {};
  return (
    (asString(ref["group"]) ?? GATEWAY_GROUP) === GATEWAY_GROUP &&
    (asString(ref["kind"]) ?? "Gateway") === "Gateway" &&
    (asString(ref["namespace"]) ?? ls.namespace) === gateway.namespace &&
    asString(ref["name"]) === gateway.name
  );
}

function admitListenerSet(
  ctx: StatusContext,
  gateway: Manifest,
  ls: Manifest,
): ListenerSetAdmission {
  const namespaces = asRecord(asRecord(gateway.spec["allowedListeners"])?.["namespaces"]) ?? {};
  const from = asString(namespaces["from"]) ?? "None";
  const gw = `Gateway ${gateway.namespace}/${gateway.name}`;
  switch (from) {
    case "All":
      return {
        listenerSet: ls,
        allowed: true,
        detail: `${gw} allows ListenerSets from all namespaces`,
      };
    case "Same":
      return ls.namespace === gateway.namespace
        ? {
            listenerSet: ls,
            allowed: true,
            detail: `${gw} allows ListenerSets from its own namespace`,
          }
        : {
            listenerSet: ls,
            allowed: false,
            detail: `${gw} allows ListenerSets only from namespace ${gateway.namespace}; this one is in ${ls.namespace}`,
          };
    case "Selector": {
      const selector = asRecord(namespaces["selector"]);
      if (!selector)
        return {
          listenerSet: ls,
          allowed: false,
          detail: `${gw} uses allowedListeners from Selector without a selector`,
        };
      const lsNs = ls.namespace ?? "";
      const { exact, assumableBecause, contradicts } = matchNamespaceSelector(
        ctx.index,
        selector,
        lsNs,
      );
      const printed = printSelector(selector);
      if (contradicts !== undefined)
        return {
          listenerSet: ls,
          allowed: false,
          detail: `${gw} selects ListenerSet namespaces by label (${printed}): ${contradictedLabels(lsNs, contradicts)}`,
        };
      if (assumableBecause !== undefined) {
        recordAssumption(
          ctx,
          {
            code: "assume.namespace-labels",
            kind: "Namespace",
            name: lsNs,
            why: assumableBecause,
            facts: [`labeled as the allowedListeners of ${gw} selects (${printed})`],
            closedWorld: `only its ${NAMESPACE_NAME_LABEL} label counts, and ${gw} does not admit ListenerSets from it (NotAllowed)`,
          },
          ls,
          ["spec", "parentRef"],
        );
        return {
          listenerSet: ls,
          allowed: true,
          detail: `${gw} selects ListenerSet namespaces by label (${printed}): namespace ${lsNs} assumed to match (the input holds no Namespace ${lsNs}, so its labels are unknown)`,
        };
      }
      return {
        listenerSet: ls,
        allowed: exact.matches,
        detail: `${gw} selects ListenerSet namespaces by label: namespace ${ls.namespace} ${exact.matches ? "matches" : `does not match (${exact.reason})`}`,
      };
    }
    default:
      return {
        listenerSet: ls,
        allowed: false,
        detail: `${gw} does not allow ListenerSets (spec.allowedListeners.namespaces.from is ${from}${from === "None" ? ", the default" : ""})`,
      };
  }
}
