/**
 * The per-listener checks behind route attachment (spec §2.4): sectionName, port, route kind,
 * allowedRoutes namespaces, hostname intersection; each with the values it compared.
 */
import type { RouteKind } from "../api/kinds";
import type { ResourceIndex } from "../resolve/indexResources";
import { computeEffectiveHostnames } from "../resolve/intersectHostnames";
import { asRecord, asString } from "../resolve/read";
import type { ResolvedParentRef } from "../resolve/resolveParentRef";
import type { AttachmentCheck, Condition, Manifest } from "../types";
import { isListenerReady, type ListenerState } from "./listenerState";
import { namespaceSelectorVerdict } from "./namespaceSelectorVerdict";
import type { AssumptionNote } from "./statusContext";

export interface ListenerAdmission {
  listener: ListenerState;
  checks: AttachmentCheck[];
  /** Which stage of the funnel the listener fails first, if any. */
  failsAt?: "parent" | "allowed" | "hostname";
  /** Route hostnames intersected with the listener's, whatever the other checks say. */
  effectiveHostnames: string[];
  /** Set when the namespace check passed on labels the world assumed (namespaceSelectorVerdict). */
  namespaceAssumption?: AssumptionNote;
}

const HOSTNAME_KINDS: ReadonlySet<RouteKind> = new Set(["HTTPRoute", "GRPCRoute", "TLSRoute"]);

/**
 * The checks whose outcome and sentence depend only on the listener, the route's kind or the
 * route's namespace, built once per listener and shared by every route that asks. Thousands of
 * routes on one listener otherwise each hold their own equal copy of the same four sentences.
 * Valid for one index (namespace labels decide Selector checks): one memo per status run. The
 * check objects are shared, so nothing may mutate them (the arrays holding them are per route).
 */
export interface AdmissionMemo {
  perListener: Map<ListenerState, ListenerCheckMemo>;
  /** attachRouteParent's "parent-exists" and "parent-reconciled" passes, per parent object. */
  parentFound: Map<Manifest, readonly [AttachmentCheck, AttachmentCheck]>;
  /** attachRouteParent's passing "rules-valid" check, by rule count. */
  rulesValid: Map<number, AttachmentCheck>;
  /** "accepted by listener NAME" for a route accepted by exactly that one listener. */
  acceptedBy: Map<ListenerState, string>;
  /** The Accepted=True condition message written for each such explanation message. */
  acceptedCondition: Map<string, string>;
  /**
   * A route parent's passing conditions (Accepted=True, ResolvedRefs=True), by type, message and
   * the route's generation, and the lists of both: equal for thousands of routes, which each held
   * their own copies. The conditions are frozen (nothing writes to one after it is made); the
   * lists are not, as frozen arrays slow the array builtins (resolveBackendRef's sharedRefList).
   */
  passing: Map<string, Map<string, Map<number, Condition>>>;
  passingPair: Map<Condition, Map<Condition, Condition[]>>;
}

interface ListenerCheckMemo {
  routeKind: Map<RouteKind, AttachmentCheck>;
  namespace: Map<string, AttachmentCheck>;
  /** The assumption behind a namespace check, by route namespace, when one was made. */
  namespaceAssumption: Map<string, AssumptionNote>;
  /**
   * The hostname check and effective hostnames of a route naming exactly one hostname, by that
   * hostname, and of a route naming none: thousands of routes share a few hundred hostnames, and
   * each held its own equal sentence (the longest of its checks) and list. Never mutated.
   */
  hostname: Map<string, HostnameOutcome>;
  noHostname?: HostnameOutcome;
  /** By readiness, which is settled before routes attach; kept apart to stay correct regardless. */
  ready?: AttachmentCheck;
  notReady?: AttachmentCheck;
}

export function createAdmissionMemo(): AdmissionMemo {
  return {
    perListener: new Map(),
    parentFound: new Map(),
    rulesValid: new Map(),
    acceptedBy: new Map(),
    acceptedCondition: new Map(),
    passing: new Map(),
    passingPair: new Map(),
  };
}

interface HostnameOutcome {
  check: AttachmentCheck;
  effectiveHostnames: string[];
}

function newListenerMemo(): ListenerCheckMemo {
  return {
    routeKind: new Map(),
    namespace: new Map(),
    namespaceAssumption: new Map(),
    hostname: new Map(),
  };
}

function listenerMemo(memo: AdmissionMemo | undefined, l: ListenerState): ListenerCheckMemo {
  // Without a memo every call gets a fresh one: the checks are built each time, as before.
  if (memo === undefined) return newListenerMemo();
  let m = memo.perListener.get(l);
  if (m === undefined) memo.perListener.set(l, (m = newListenerMemo()));
  return m;
}

export function checkListenerAdmission(
  index: ResourceIndex,
  l: ListenerState,
  ref: ResolvedParentRef,
  route: { kind: RouteKind; namespace: string; hostnames: readonly string[] },
  memo?: AdmissionMemo,
): ListenerAdmission {
  const shared = listenerMemo(memo, l);
  const checkHostname = HOSTNAME_KINDS.has(route.kind);
  // Sized up front (route kind, namespace and readiness always, the rest when they apply): an
  // empty list grown by push reserves room for 17 checks, per route and listener.
  const checks = new Array<AttachmentCheck>(
    3 +
      (ref.sectionName !== undefined ? 1 : 0) +
      (ref.port !== undefined ? 1 : 0) +
      (checkHostname ? 1 : 0),
  );
  let at = 0;
  // The first stage that fails: checks run in funnel order, and ??= keeps the earliest.
  let failsAt: ListenerAdmission["failsAt"];

  if (ref.sectionName !== undefined) {
    const pass = ref.sectionName === l.name;
    checks[at++] = {
      check: "section-name",
      pass,
      detail: `parentRef sectionName ${ref.sectionName}; listener is named ${l.name}`,
    };
    if (!pass) failsAt ??= "parent";
  }
  if (ref.port !== undefined) {
    const pass = ref.port === l.port;
    checks[at++] = {
      check: "port",
      pass,
      detail: `parentRef port ${ref.port}; listener ${l.name} listens on ${l.port}`,
    };
    if (!pass) failsAt ??= "parent";
  }

  let kind = shared.routeKind.get(route.kind);
  if (kind === undefined) {
    kind = {
      check: "route-kind",
      pass: l.supportedKinds.includes(route.kind),
      detail: `listener ${l.name} (${l.protocol}) accepts ${l.supportedKinds.length ? l.supportedKinds.join(", ") : "no route kinds"}; route kind is ${route.kind}`,
    };
    shared.routeKind.set(route.kind, kind);
  }
  checks[at++] = kind;
  if (!kind.pass) failsAt ??= "allowed";

  let ns = shared.namespace.get(route.namespace);
  if (ns === undefined) {
    const outcome = checkNamespace(index, l, route.namespace);
    ns = { check: "namespace", pass: outcome.pass, detail: outcome.detail };
    shared.namespace.set(route.namespace, ns);
    if (outcome.assumption) shared.namespaceAssumption.set(route.namespace, outcome.assumption);
  }
  checks[at++] = ns;
  if (!ns.pass) failsAt ??= "allowed";

  let effectiveHostnames: string[];
  if (checkHostname) {
    const outcome = hostnameOutcome(shared, l, route.hostnames);
    effectiveHostnames = outcome.effectiveHostnames;
    checks[at++] = outcome.check;
    if (!outcome.check.pass) failsAt ??= "hostname";
  } else effectiveHostnames = ["*"];

  checks[at] = isListenerReady(l) ? readyCheck(shared, l) : notReadyCheck(shared, l);

  const out: ListenerAdmission = { listener: l, checks, effectiveHostnames };
  if (failsAt) out.failsAt = failsAt;
  const assumption = shared.namespaceAssumption.get(route.namespace);
  if (assumption !== undefined) out.namespaceAssumption = assumption;
  return out;
}

/** The hostname check of a route on `l`, shared by routes that name the same one hostname or none. */
function hostnameOutcome(
  shared: ListenerCheckMemo,
  l: ListenerState,
  hostnames: readonly string[],
): HostnameOutcome {
  if (hostnames.length === 0) return (shared.noHostname ??= checkHostnames(l, hostnames));
  if (hostnames.length > 1) return checkHostnames(l, hostnames);
  const only = hostnames[0] as string;
  let outcome = shared.hostname.get(only);
  if (outcome === undefined) shared.hostname.set(only, (outcome = checkHostnames(l, hostnames)));
  return outcome;
}

function checkHostnames(l: ListenerState, hostnames: readonly string[]): HostnameOutcome {
  const effectiveHostnames = computeEffectiveHostnames(l.hostname, hostnames);
  const pass = effectiveHostnames.length > 0;
  const routeSide = hostnames.length
    ? `route hostnames ${hostnames.join(", ")}`
    : "route has no hostnames";
  return {
    check: {
      check: "hostname",
      pass,
      detail: `listener ${l.name} hostname ${l.hostname ?? "(any)"}; ${routeSide}; ${pass ? `effective ${effectiveHostnames.join(", ")}` : "no intersection"}`,
    },
    effectiveHostnames,
  };
}

function readyCheck(shared: ListenerCheckMemo, l: ListenerState): AttachmentCheck {
  return (shared.ready ??= {
    check: "listener-ready",
    pass: true,
    detail: `listener ${l.name} is programmed`,
  });
}

function notReadyCheck(shared: ListenerCheckMemo, l: ListenerState): AttachmentCheck {
  return (shared.notReady ??= {
    check: "listener-ready",
    pass: false,
    detail: `listener ${l.name} is not programmed, so it serves no traffic (the route still counts as attached)`,
  });
}

function checkNamespace(
  index: ResourceIndex,
  l: ListenerState,
  routeNs: string,
): { pass: boolean; detail: string; assumption?: AssumptionNote } {
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
      const verdict = namespaceSelectorVerdict(index, l, selector, routeNs);
      return { ...verdict, detail: `${prefix} ${verdict.detail}` };
    }
    default:
      return {
        pass: false,
        detail: `${prefix}, which is not a known value (All, Same, Selector); route is in ${routeNs}`,
      };
  }
}
