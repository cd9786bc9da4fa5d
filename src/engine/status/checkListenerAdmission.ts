/**
 * The per-listener checks behind route attachment (spec §2.4): sectionName, port, route kind,
 * allowedRoutes namespaces, hostname intersection; each with the values it compared.
 */
import type { RouteKind } from "../api/kinds";
import type { LabelSelector } from "../api/spec";
import { namespaceInfo, type ResourceIndex } from "../resolve/indexResources";
import { computeEffectiveHostnames } from "../resolve/intersectHostnames";
import { matchLabelSelector, printSelector } from "../resolve/matchLabelSelector";
import { asRecord, asString } from "../resolve/read";
import type { ResolvedParentRef } from "../resolve/resolveParentRef";
import type { AttachmentCheck } from "../types";
import { isListenerReady, type ListenerState } from "./listenerState";

export interface ListenerAdmission {
  listener: ListenerState;
  checks: AttachmentCheck[];
  /** Which stage of the funnel the listener fails first, if any. */
  failsAt?: "parent" | "allowed" | "hostname";
  /** Route hostnames intersected with the listener's, whatever the other checks say. */
  effectiveHostnames: string[];
}

const HOSTNAME_KINDS: ReadonlySet<RouteKind> = new Set(["HTTPRoute", "GRPCRoute", "TLSRoute"]);

export function checkListenerAdmission(
  index: ResourceIndex,
  l: ListenerState,
  ref: ResolvedParentRef,
  route: { kind: RouteKind; namespace: string; hostnames: readonly string[] },
): ListenerAdmission {
  const checks: AttachmentCheck[] = [];
  let failsAt: ListenerAdmission["failsAt"];
  const fail = (stage: NonNullable<ListenerAdmission["failsAt"]>) => {
    failsAt ??= stage;
  };

  if (ref.sectionName !== undefined) {
    const pass = ref.sectionName === l.name;
    checks.push({
      check: "section-name",
      pass,
      detail: `parentRef sectionName ${ref.sectionName}; listener is named ${l.name}`,
    });
    if (!pass) fail("parent");
  }
  if (ref.port !== undefined) {
    const pass = ref.port === l.port;
    checks.push({
      check: "port",
      pass,
      detail: `parentRef port ${ref.port}; listener ${l.name} listens on ${l.port}`,
    });
    if (!pass) fail("parent");
  }

  const kindOk = l.supportedKinds.includes(route.kind);
  checks.push({
    check: "route-kind",
    pass: kindOk,
    detail: `listener ${l.name} (${l.protocol}) accepts ${l.supportedKinds.length ? l.supportedKinds.join(", ") : "no route kinds"}; route kind is ${route.kind}`,
  });
  if (!kindOk) fail("allowed");

  const ns = checkNamespace(index, l, route.namespace);
  checks.push({ check: "namespace", pass: ns.pass, detail: ns.detail });
  if (!ns.pass) fail("allowed");

  let effectiveHostnames: string[] = ["*"];
  if (HOSTNAME_KINDS.has(route.kind)) {
    effectiveHostnames = computeEffectiveHostnames(l.hostname, route.hostnames);
    const pass = effectiveHostnames.length > 0;
    const routeSide = route.hostnames.length
      ? `route hostnames ${route.hostnames.join(", ")}`
      : "route has no hostnames";
    checks.push({
      check: "hostname",
      pass,
      detail: `listener ${l.name} hostname ${l.hostname ?? "(any)"}; ${routeSide}; ${pass ? `effective ${effectiveHostnames.join(", ")}` : "no intersection"}`,
    });
    if (!pass) fail("hostname");
  }

  const ready = isListenerReady(l);
  checks.push({
    check: "listener-ready",
    pass: ready,
    detail: ready
      ? `listener ${l.name} is programmed`
      : `listener ${l.name} is not programmed, so it serves no traffic (the route still counts as attached)`,
  });

  const out: ListenerAdmission = { listener: l, checks, effectiveHostnames };
  if (failsAt) out.failsAt = failsAt;
  return out;
}

function checkNamespace(
  index: ResourceIndex,
  l: ListenerState,
  routeNs: string,
): { pass: boolean; detail: string } {
  const namespaces = asRecord(l.allowedRoutes["namespaces"]) ?? {};
  const from = asString(namespaces["from"]) ?? "Same";
  const ownerNs = l.owner.namespace ?? "";
  const prefix = `listener ${l.name} allows routes from namespaces ${from}`;
  switch (from) {
    case "All":
      return { pass: true, detail: `${prefix}; route is in ${routeNs}` };
    case "Same":
      return {
        pass: routeNs === ownerNs,
        detail: `${prefix} (${ownerNs}); route is in ${routeNs}`,
      };
    case "Selector": {
      const selector = asRecord(namespaces["selector"]);
      if (!selector)
        return {
          pass: false,
          detail: `${prefix} but sets no selector, so it selects nothing; route is in ${routeNs}`,
        };
      const labels = namespaceInfo(index, routeNs).labels;
      const outcome = matchLabelSelector(selector as LabelSelector, labels);
      return {
        pass: outcome.matches,
        detail: `${prefix} (${printSelector(selector)}); route is in ${routeNs}${outcome.matches ? ", which matches" : `, which does not match: ${outcome.reason}`}`,
      };
    }
    default:
      return {
        pass: false,
        detail: `${prefix}, which is not a known value (All, Same, Selector); route is in ${routeNs}`,
      };
  }
}
