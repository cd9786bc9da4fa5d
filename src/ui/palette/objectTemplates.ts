/**
 * New objects from the palette: valid by default (they pass the CRD schema and get Accepted when
 * their references exist), named uniquely, and wired to what is already there where that is
 * obvious: a new Gateway uses the first GatewayClass, a new route the first Gateway with a
 * listener that admits its kind, a TLS/TCP/UDP route and a BackendTLSPolicy the first Service of
 * the namespace, a ReferenceGrant the Service a route in another namespace is refused.
 */
import type {
  DisplayKind,
  FieldPath,
  GatewayModel,
  ListenerModel,
  ObjectSelector,
  ObjectSummary,
  ResolvedRoute,
  RouteAttachment,
  RouteKind,
} from "../../engine";
import { KIND_DISPLAY_ORDER } from "../../engine/present";

/** Reads a field of an object from the YAML text (the engine's readField, bound to the text). */
export type FieldReader = (target: ObjectSelector, path: FieldPath) => unknown;

/** Every kind the palette adds, in the engine's display order (api/kinds KIND_DISPLAY_ORDER). */
export type PaletteKind = DisplayKind;

export const PALETTE_KINDS: readonly PaletteKind[] = KIND_DISPLAY_ORDER;

const GATEWAY_GROUP = "gateway.networking.k8s.io";
const GATEWAY_API = `${GATEWAY_GROUP}/v1`;
/** TCPRoute and UDPRoute are experimental: v1alpha2 is the version every experimental-channel install serves. */
const EXPERIMENTAL_API = `${GATEWAY_GROUP}/v1alpha2`;
const BASE_NAME: Record<PaletteKind, string> = {
  GatewayClass: "gateway-class",
  Gateway: "gateway",
  ListenerSet: "listener-set",
  HTTPRoute: "http-route",
  GRPCRoute: "grpc-route",
  TLSRoute: "tls-route",
  TCPRoute: "tcp-route",
  UDPRoute: "udp-route",
  Service: "service",
  Namespace: "namespace",
  ReferenceGrant: "reference-grant",
  BackendTLSPolicy: "backend-tls-policy",
};

/** What a template may wire a new object to; gateways and routes come from the current analysis. */
export interface TemplateContext {
  objects: readonly ObjectSummary[];
  /** The namespace new namespaced objects go to (the selected object's). */
  namespace: string;
  /** When known, routes attach only to a Gateway with a listener that admits their kind. */
  gateways?: readonly GatewayModel[];
  routes?: readonly ResolvedRoute[];
  attachments?: readonly RouteAttachment[];
  /** Reads what the analysis does not carry (a listener's allowedRoutes) from the YAML text. */
  readField?: FieldReader;
  /** The selected object's key: a selected Service is the one a grant or policy names. */
  selected?: string;
}

/** "service", then "service-2", "service-3"… skipping names the kind already uses in that namespace. */
export function uniqueName(
  objects: readonly ObjectSummary[],
  kind: string,
  namespace: string | undefined,
  base: string,
): string {
  const taken = new Set(
    objects.filter((o) => o.kind === kind && o.namespace === namespace).map((o) => o.name),
  );
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`;
}

export function buildObjectTemplate(
  kind: PaletteKind,
  objects: readonly ObjectSummary[],
  namespace: string,
  more: Omit<TemplateContext, "objects" | "namespace"> = {},
): Record<string, unknown> {
  const ctx: TemplateContext = { objects, namespace, ...more };
  const clusterScoped = kind === "GatewayClass" || kind === "Namespace";
  const parentGateway = objects.find((o) => o.kind === "Gateway");
  // A ListenerSet joins its Gateway's namespace: the one namespace a Gateway admits them from without a selector.
  const ns = clusterScoped
    ? undefined
    : kind === "ListenerSet" && parentGateway
      ? (parentGateway.namespace ?? namespace)
      : namespace;
  const name = uniqueName(objects, kind, ns, BASE_NAME[kind]);
  const metadata = ns === undefined ? { name } : { name, namespace: ns };
  switch (kind) {
    case "GatewayClass":
      return {
        apiVersion: GATEWAY_API,
        kind,
        metadata,
        spec: { controllerName: "gwsim.dev/controller" },
      };
    case "Gateway":
      return {
        apiVersion: GATEWAY_API,
        kind,
        metadata,
        spec: {
          gatewayClassName: objects.find((o) => o.kind === "GatewayClass")?.name ?? "gwsim",
          listeners: [{ name: "http", protocol: "HTTP", port: 80 }],
        },
      };
    case "ListenerSet": {
      const parent = parentGateway;
      const used = ctx.gateways?.find((g) => g.key === parent?.key)?.listeners ?? [];
      return {
        apiVersion: GATEWAY_API,
        kind,
        metadata,
        spec: {
          parentRef: {
            group: GATEWAY_GROUP,
            kind: "Gateway",
            name: parent?.name ?? "gateway",
            ...(parent && parent.namespace !== ns ? { namespace: parent.namespace } : {}),
          },
          listeners: [buildListenerTemplate(used)],
        },
      };
    }
    case "HTTPRoute": {
      // Named hosts of their own (the route's name as the first label): an HTTPRoute for every host
      // would conflict with any GRPCRoute on the same listener, and a new one with any new GRPCRoute.
      const parent = chooseParent(kind, ctx);
      return {
        apiVersion: GATEWAY_API,
        kind,
        metadata,
        spec: {
          parentRefs: parent ? [parent.ref] : [],
          hostnames: [hostnameWithin(parent?.hostname, `${name}.example.com`, name)],
          rules: [{ matches: [{ path: { type: "PathPrefix", value: "/" } }] }],
        },
      };
    }
    case "GRPCRoute": {
      // A hostname of its own, as for HTTPRoute: the two kinds may not share a host on a listener.
      const parent = chooseParent(kind, ctx);
      return {
        apiVersion: GATEWAY_API,
        kind,
        metadata,
        spec: {
          parentRefs: parent ? [parent.ref] : [],
          hostnames: [hostnameWithin(parent?.hostname, `${name}.example.com`, name)],
          rules: [{ matches: [{ method: { service: "example.Service" } }] }],
        },
      };
    }
    case "TLSRoute": {
      // A TLS route is chosen by SNI: it needs a hostname to mean anything (and v1alpha2 requires one).
      const parent = chooseParent(kind, ctx);
      return {
        apiVersion: GATEWAY_API,
        kind,
        metadata,
        spec: {
          parentRefs: parent ? [parent.ref] : [],
          hostnames: [hostnameWithin(parent?.hostname, `${name}.example.com`, name)],
          rules: [{ backendRefs: [backendFor(ctx, 443)] }],
        },
      };
    }
    case "TCPRoute":
    case "UDPRoute":
      return {
        apiVersion: EXPERIMENTAL_API,
        kind,
        metadata,
        spec: {
          parentRefs: parentRefsFor(kind, ctx),
          rules: [{ backendRefs: [backendFor(ctx, kind === "UDPRoute" ? 53 : 5432)] }],
        },
      };
    case "Service":
      return {
        apiVersion: "v1",
        kind,
        metadata,
        spec: { selector: { app: name }, ports: [{ name: "http", port: 80, targetPort: 8080 }] },
      };
    case "Namespace":
      return { apiVersion: "v1", kind, metadata };
    case "ReferenceGrant":
      return { apiVersion: GATEWAY_API, kind, metadata, spec: grantSpecFor(ctx) };
    case "BackendTLSPolicy": {
      const service = serviceFor(ctx);
      const serviceName = service?.name ?? "service";
      return {
        apiVersion: GATEWAY_API,
        kind,
        metadata,
        spec: {
          targetRefs: [{ group: "", kind: "Service", name: serviceName }],
          // The public CA bundle needs no ConfigMap; the hostname is the Service's cluster DNS name.
          validation: {
            hostname: `${serviceName}.${namespace}.svc.cluster.local`,
            wellKnownCACertificates: "System",
          },
        },
      };
    }
  }
}

interface ParentChoice {
  ref: Record<string, unknown>;
  /** The hostname of the listener chosen, when it has one: a TLS route must fall inside it. */
  hostname?: string;
}

/**
 * A Gateway a route of this kind from this namespace will be accepted by. Without listener facts
 * (no analysis yet) that is the first Gateway. With them, only a Gateway with a listener that
 * admits the kind and that is known to admit the namespace: one a route of the same namespace is
 * already attached to, or one in the namespace itself (allowedRoutes defaults to Same). Otherwise
 * none: a route without parents is valid and waits to be connected; one every listener refuses is
 * an error.
 */
function chooseParent(kind: RouteKind, ctx: TemplateContext): ParentChoice | undefined {
  const gateways = ctx.objects.filter((o) => o.kind === "Gateway");
  const refTo = (g: ObjectSummary) => ({
    name: g.name,
    ...(g.namespace !== ctx.namespace ? { namespace: g.namespace } : {}),
  });
  if (ctx.gateways === undefined) return gateways[0] ? { ref: refTo(gateways[0]) } : undefined;
  const listenersFor = (key: string) =>
    (ctx.gateways ?? [])
      .find((m) => m.key === key)
      ?.listeners.filter((l) => l.supportedKinds.includes(kind)) ?? [];
  const provenHere = (key: string, listener: string) =>
    (ctx.attachments ?? []).some(
      (a) =>
        a.gateway === key && a.listener === listener && a.route.split("/")[1] === ctx.namespace,
    );
  const openToAll = (l: ListenerModel) => allowedRoutesFrom(ctx.readField, l) === "All";
  const checks = [
    (g: ObjectSummary, l: ListenerModel) => provenHere(g.key, l.name),
    (g: ObjectSummary) => g.namespace === ctx.namespace,
    (_: ObjectSummary, l: ListenerModel) => openToAll(l),
  ];
  for (const admitted of checks) {
    for (const g of gateways) {
      const listener = listenersFor(g.key).find((l) => admitted(g, l));
      if (listener)
        return {
          ref: refTo(g),
          ...(listener.hostname !== undefined ? { hostname: listener.hostname } : {}),
        };
    }
  }
  return undefined;
}

/** allowedRoutes.namespaces.from as written on the listener's owner (Gateway or ListenerSet). */
function allowedRoutesFrom(readField: FieldReader | undefined, l: ListenerModel): unknown {
  if (readField === undefined) return undefined;
  const [kind = "", namespace = "", ...name] = l.owner.split("/");
  const listeners = readField({ kind, namespace, name: name.join("/") }, ["spec", "listeners"]);
  if (!Array.isArray(listeners)) return undefined;
  const own: unknown = listeners.find(
    (x: unknown) =>
      typeof x === "object" && x !== null && (x as { name?: unknown }).name === l.name,
  );
  return (own as { allowedRoutes?: { namespaces?: { from?: unknown } } } | undefined)?.allowedRoutes
    ?.namespaces?.from;
}

function parentRefsFor(kind: RouteKind, ctx: TemplateContext): Record<string, unknown>[] {
  const choice = chooseParent(kind, ctx);
  return choice ? [choice.ref] : [];
}

/** A hostname inside the chosen listener's: "*.secure.example.com" gives "app.secure.example.com" (label "app"). */
function hostnameWithin(
  listenerHostname: string | undefined,
  fallback: string,
  label = "app",
): string {
  if (listenerHostname === undefined) return fallback;
  return listenerHostname.startsWith("*.")
    ? `${label}.${listenerHostname.slice(2)}`
    : listenerHostname;
}

function serviceFor(ctx: TemplateContext): ObjectSummary | undefined {
  const services = ctx.objects.filter((o) => o.kind === "Service" && o.namespace === ctx.namespace);
  return services.find((s) => s.key === ctx.selected) ?? services[0];
}

/** A backendRef to a Service of the namespace (a port is required for Services), or a placeholder name. */
function backendFor(ctx: TemplateContext, port: number): Record<string, unknown> {
  return { name: serviceFor(ctx)?.name ?? "backend", port };
}

/**
 * A grant lives in the namespace of what it opens and names that one Service. It is made for the
 * route a grant is missing for (a backendRef refused with RefNotPermitted into this namespace)
 * when there is one, else for the selected or first Service, from a route kind in another namespace.
 */
function grantSpecFor(ctx: TemplateContext): Record<string, unknown> {
  for (const route of ctx.routes ?? []) {
    for (const rule of route.rules) {
      for (const b of rule.backendRefs) {
        if (
          b.reason === "RefNotPermitted" &&
          b.namespace === ctx.namespace &&
          b.kind === "Service" &&
          route.namespace !== ctx.namespace
        ) {
          return {
            from: [{ group: GATEWAY_GROUP, kind: route.kind, namespace: route.namespace }],
            to: [{ group: "", kind: "Service", name: b.name }],
          };
        }
      }
    }
  }
  const otherNs =
    ctx.objects.find((o) => o.namespace !== undefined && o.namespace !== ctx.namespace)
      ?.namespace ?? "default";
  return {
    from: [{ group: GATEWAY_GROUP, kind: "HTTPRoute", namespace: otherNs }],
    to: [{ group: "", kind: "Service", name: serviceFor(ctx)?.name ?? "service" }],
  };
}

/** A listener for an existing Gateway: a name and port no other listener of it uses. */
export function buildListenerTemplate(
  existing: readonly { name: string; port: number }[],
): Record<string, unknown> {
  const names = new Set(existing.map((l) => l.name));
  const ports = new Set(existing.map((l) => l.port));
  let i = 1;
  let name = "http";
  while (names.has(name)) name = `http-${++i}`;
  let port = 8080;
  while (ports.has(port)) port++;
  return { name, protocol: "HTTP", port };
}
