/**
 * Builders for the resolved model the status stage hands to routing, so routing and simulation
 * tests can state a scenario in a few lines without YAML.
 */
import { resourceKey } from "../engine/api/keys";
import type { RouteKind } from "../engine/api/kinds";
import type {
  GRPCRouteMatch,
  HTTPRouteFilter,
  HTTPRouteMatch,
  HTTPRouteRetry,
  HTTPRouteTimeouts,
  SessionPersistence,
} from "../engine/api/spec";
import { compileRouter } from "../engine/routing/compileRouter";
import type { Router } from "../engine/routing/router";
import type {
  GatewayModel,
  ListenerModel,
  ResolvedBackendRef,
  ResolvedFilter,
  ResolvedRoute,
  ResolvedRule,
  RouteAttachment,
  TLSMode,
} from "../engine/types";
import type { RouteReason } from "../engine/api/conditions";

export interface ListenerSpec {
  name: string;
  port: number;
  protocol: string;
  hostname?: string;
  tlsMode?: TLSMode;
  ready?: boolean;
}

export function aGateway(
  namespace: string,
  name: string,
  listeners: readonly ListenerSpec[],
  reconciled = true,
): GatewayModel {
  const key = resourceKey("Gateway", namespace, name);
  return {
    key,
    namespace,
    name,
    className: "gwsim",
    reconciled,
    listeners: listeners.map((l): ListenerModel => {
      const m: ListenerModel = {
        gateway: key,
        owner: key,
        name: l.name,
        port: l.port,
        protocol: l.protocol,
        ready: l.ready ?? true,
        supportedKinds: ["HTTPRoute", "GRPCRoute"],
      };
      if (l.hostname !== undefined) m.hostname = l.hostname;
      if (l.tlsMode !== undefined) m.tlsMode = l.tlsMode;
      return m;
    }),
  };
}

export interface BackendSpec {
  name: string;
  namespace?: string;
  port?: number;
  weight?: number;
  kind?: string;
  /** Set to a reason to make the ref invalid. */
  invalid?: RouteReason;
  filters?: HTTPRouteFilter[];
}

export interface RuleSpec {
  name?: string;
  matches?: (HTTPRouteMatch | GRPCRouteMatch)[];
  filters?: HTTPRouteFilter[];
  backends?: BackendSpec[];
  valid?: boolean;
  timeouts?: HTTPRouteTimeouts;
  retry?: HTTPRouteRetry;
  sessionPersistence?: SessionPersistence;
}

export interface RouteSpec {
  hostnames?: string[];
  creationTimestamp?: string;
  rules: RuleSpec[];
}

export function aBackend(
  routeNamespace: string,
  b: BackendSpec,
  index: number,
): ResolvedBackendRef {
  const namespace = b.namespace ?? routeNamespace;
  const ref: ResolvedBackendRef = {
    index,
    group: "",
    kind: b.kind ?? "Service",
    namespace,
    name: b.name,
    weight: b.weight ?? 1,
    valid: b.invalid === undefined,
    filters: (b.filters ?? []).map((filter, i) => ({ index: i, filter })),
  };
  ref.port = b.port ?? 8080;
  if (b.invalid === undefined) ref.target = resourceKey("Service", namespace, b.name);
  else ref.reason = b.invalid;
  return ref;
}

function resolveFilters(
  namespace: string,
  filters: readonly HTTPRouteFilter[] | undefined,
): ResolvedFilter[] {
  return (filters ?? []).map((filter, index) => {
    const out: ResolvedFilter = { index, filter };
    const ref = filter.requestMirror?.backendRef;
    if (ref !== undefined)
      out.mirrorBackend = aBackend(
        namespace,
        {
          name: ref.name ?? "",
          ...(ref.namespace !== undefined ? { namespace: ref.namespace } : {}),
          ...(ref.port !== undefined ? { port: ref.port } : {}),
        },
        0,
      );
    return out;
  });
}

export function aRoute(
  kind: RouteKind,
  namespace: string,
  name: string,
  spec: RouteSpec,
): ResolvedRoute {
  const rules = spec.rules.map((r, index): ResolvedRule => {
    const rule: ResolvedRule = {
      index,
      matches: (r.matches ?? []) as HTTPRouteMatch[],
      filters: resolveFilters(namespace, r.filters),
      backendRefs: (r.backends ?? []).map((b, i) => aBackend(namespace, b, i)),
      valid: r.valid ?? true,
    };
    if (r.name !== undefined) rule.name = r.name;
    if (r.timeouts !== undefined) rule.timeouts = r.timeouts;
    if (r.retry !== undefined) rule.retry = r.retry;
    if (r.sessionPersistence !== undefined) rule.sessionPersistence = r.sessionPersistence;
    return rule;
  });
  const route: ResolvedRoute = {
    key: resourceKey(kind, namespace, name),
    kind,
    namespace,
    name,
    hostnames: spec.hostnames ?? [],
    rules,
  };
  if (spec.creationTimestamp !== undefined) route.creationTimestamp = spec.creationTimestamp;
  return route;
}

export function anHTTPRoute(namespace: string, name: string, spec: RouteSpec): ResolvedRoute {
  return aRoute("HTTPRoute", namespace, name, spec);
}

/** Hostname intersection as the spec digest §2.5 defines it (for attaching in tests). */
export function intersectHostname(listener: string | undefined, route: string): string | undefined {
  if (listener === undefined || listener === route) return route;
  const covers = (wild: string, h: string): boolean =>
    h.length > wild.length - 1 && h.endsWith(wild.slice(1));
  const lw = listener.startsWith("*.");
  const rw = route.startsWith("*.");
  if (lw && rw)
    return covers(listener, route) ? route : covers(route, listener) ? listener : undefined;
  if (lw) return covers(listener, route) ? route : undefined;
  if (rw) return covers(route, listener) ? listener : undefined;
  return undefined;
}

/** Attaches the route to the named listeners (all when omitted) with intersected hostnames. */
export function attach(
  route: ResolvedRoute,
  gateway: GatewayModel,
  listenerNames?: readonly string[],
): RouteAttachment[] {
  const out: RouteAttachment[] = [];
  for (const l of gateway.listeners) {
    if (listenerNames !== undefined && !listenerNames.includes(l.name)) continue;
    const hostnames =
      route.hostnames.length === 0
        ? [l.hostname ?? "*"]
        : [
            ...new Set(
              route.hostnames
                .map((h) => intersectHostname(l.hostname, h))
                .filter((h): h is string => h !== undefined),
            ),
          ];
    if (hostnames.length === 0) continue;
    out.push({
      route: route.key,
      parentRefIndex: 0,
      gateway: gateway.key,
      listener: l.name,
      hostnames,
    });
  }
  return out;
}

/** One Gateway, routes attached to every listener they intersect: the common test scenario. */
export function routerFor(gateway: GatewayModel, routes: readonly ResolvedRoute[]): Router {
  return compileRouter({
    gateways: [gateway],
    routes,
    attachments: routes.flatMap((r) => attach(r, gateway)),
  });
}

export const HTTP80: ListenerSpec[] = [{ name: "http", port: 80, protocol: "HTTP" }];
