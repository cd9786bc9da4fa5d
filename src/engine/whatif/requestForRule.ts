/**
 * requestForRule: a request that should reach one rule of a route, derived from the rule's first
 * match (or the given one) and from where the route is attached. It is a starting point the user
 * can edit and send; matches gwsim cannot invert (regular expressions) are left out with a note,
 * and the trace of the request shows whether it really lands on that rule.
 */
import type { GRPCRouteMatch, HTTPHeaderMatch, HTTPRouteMatch } from "../api/spec";
import type { SimRequest, SimScheme } from "../simulate/types";
import type { GatewayModel, ResolvedRoute, RouteAttachment } from "../types";
import { dict } from "../collections/dict";
import type { MeshBinding, MeshModel } from "../mesh/meshTypes";

export interface RuleRequestInput {
  gateways: readonly GatewayModel[];
  routes: readonly ResolvedRoute[];
  attachments: readonly RouteAttachment[];
  /** Mesh bindings: a route bound to a Service (and to no listener) gives a mesh request. */
  mesh?: MeshModel;
}

export interface RuleRequest {
  request: SimRequest;
  /** Parts of the match that could not be turned into a concrete value, said in one sentence each. */
  notes: string[];
}

/** A concrete label put in place of a wildcard's "*": "*.example.com" becomes "www.example.com". */
export const WILDCARD_LABEL = "www";

export function requestForRule(
  input: RuleRequestInput,
  routeKey: string,
  ruleIndex: number,
  matchIndex = 0,
): RuleRequest | undefined {
  const route = input.routes.find((r) => r.key === routeKey);
  const rule = route?.rules[ruleIndex];
  if (route === undefined || rule === undefined) return undefined;
  const notes: string[] = [];
  const attachment = input.attachments.find((a) => a.route === route.key);
  const binding =
    attachment === undefined
      ? input.mesh?.bindings.find((b) => b.route === route.key && b.accepted)
      : undefined;
  if (binding !== undefined)
    return meshRequestForRule(input, route, binding, matchIndex, ruleIndex);
  const listener = attachment === undefined ? undefined : findListener(input.gateways, attachment);
  if (attachment === undefined)
    notes.push(
      `${route.kind} ${route.namespace}/${route.name} is not attached to any listener, so no request can reach it`,
    );
  const scheme = schemeFor(route.kind, listener?.protocol);
  const request: SimRequest = { scheme };
  if (attachment !== undefined) request.gateway = gatewayName(attachment.gateway);
  if (listener !== undefined) request.port = listener.port;
  const host = concreteHost(attachment?.hostnames[0] ?? route.hostnames[0] ?? listener?.hostname);
  if (host !== undefined) request.host = host;
  else if (scheme !== "tcp" && scheme !== "udp") request.host = "example.com";
  if (scheme === "tcp" || scheme === "udp" || scheme === "tls") return { request, notes };

  const matches = rule.matches;
  const match = matches[matchIndex] ?? matches[0];
  if (route.kind === "GRPCRoute") {
    applyGrpcMatch(request, match as GRPCRouteMatch | undefined, notes);
    return { request, notes };
  }
  applyHttpMatch(request, match as HTTPRouteMatch | undefined, notes);
  return { request, notes };
}

/**
 * A mesh request that reaches the rule: from a client in the route's namespace (a consumer route
 * serves only there; a producer route serves everyone), to the bound Service and its first bound port.
 */
function meshRequestForRule(
  input: RuleRequestInput,
  route: ResolvedRoute,
  binding: MeshBinding,
  matchIndex: number,
  ruleIndex: number,
): RuleRequest {
  const notes: string[] = [];
  const service = input.mesh?.services.find(
    (s) => s.namespace === binding.serviceNamespace && s.name === binding.serviceName,
  );
  const port = binding.ports[0] ?? service?.ports[0]?.port ?? 80;
  const request: SimRequest = {
    scheme: schemeFor(route.kind, undefined),
    port,
    mesh: {
      clientNamespace: route.namespace,
      service: `${binding.serviceNamespace}/${binding.serviceName}`,
    },
  };
  if (request.scheme === "tcp" || request.scheme === "udp" || request.scheme === "tls")
    return { request, notes };
  const rule = route.rules[ruleIndex];
  const match = rule?.matches[matchIndex] ?? rule?.matches[0];
  if (route.kind === "GRPCRoute")
    applyGrpcMatch(request, match as GRPCRouteMatch | undefined, notes);
  else applyHttpMatch(request, match as HTTPRouteMatch | undefined, notes);
  return { request, notes };
}

/** A plain request to a Gateway's listener (its first by default): its port, scheme and a host it covers. */
export function requestForListener(
  input: RuleRequestInput,
  gatewayKey: string,
  listenerName?: string,
): SimRequest | undefined {
  const gw = input.gateways.find((g) => g.key === gatewayKey);
  const listener =
    listenerName === undefined
      ? gw?.listeners[0]
      : gw?.listeners.find((l) => l.name === listenerName);
  if (gw === undefined || listener === undefined) return undefined;
  const scheme: SimScheme =
    listener.protocol === "HTTPS"
      ? "https"
      : listener.protocol === "TLS"
        ? "tls"
        : listener.protocol === "TCP"
          ? "tcp"
          : listener.protocol === "UDP"
            ? "udp"
            : "http";
  const request: SimRequest = { scheme, gateway: gatewayName(gw.key), port: listener.port };
  if (scheme === "tcp" || scheme === "udp") return request;
  request.host = concreteHost(listener.hostname) ?? "example.com";
  if (scheme === "tls") return request;
  request.method = "GET";
  request.path = "/";
  return request;
}

function findListener(gateways: readonly GatewayModel[], a: RouteAttachment) {
  const gw = gateways.find((g) => g.key === a.gateway);
  return gw?.listeners.find(
    (l) => l.name === a.listener && (a.owner === undefined || l.owner === a.owner),
  );
}

function gatewayName(key: string): string {
  // ResourceKey is "Kind/namespace/name"; the simulator names Gateways "namespace/name".
  return key.split("/").slice(1).join("/");
}

function schemeFor(kind: string, protocol: string | undefined): SimScheme {
  if (kind === "TCPRoute") return "tcp";
  if (kind === "UDPRoute") return "udp";
  if (kind === "TLSRoute") return "tls";
  return protocol === "HTTPS" ? "https" : "http";
}

function concreteHost(hostname: string | undefined): string | undefined {
  if (hostname === undefined || hostname === "" || hostname === "*") return undefined;
  return hostname.startsWith("*.") ? `${WILDCARD_LABEL}${hostname.slice(1)}` : hostname;
}

function applyHttpMatch(
  request: SimRequest,
  match: HTTPRouteMatch | undefined,
  notes: string[],
): void {
  request.method = match?.method ?? "GET";
  let path = "/";
  const p = match?.path;
  if (p?.type === "RegularExpression")
    notes.push(`the path must match the regular expression ${p.value ?? ""}: edit the path`);
  else if (p?.value !== undefined && p.value !== "") path = p.value;
  const query: string[] = [];
  for (const q of match?.queryParams ?? []) {
    if (q.name === undefined) continue;
    if (q.type === "RegularExpression") {
      notes.push(
        `query parameter ${q.name} must match the regular expression ${q.value ?? ""}: edit the query`,
      );
      continue;
    }
    query.push(`${encodeQueryText(q.name, notes)}=${encodeQueryText(q.value ?? "", notes)}`);
  }
  request.path = query.length > 0 ? `${path}?${query.join("&")}` : path;
  const headers = headersFor(match?.headers, notes);
  if (headers !== undefined) request.headers = headers;
}

function applyGrpcMatch(
  request: SimRequest,
  match: GRPCRouteMatch | undefined,
  notes: string[],
): void {
  const m = match?.method;
  if (m?.type === "RegularExpression")
    notes.push("the gRPC method match is a regular expression: edit the service and method");
  const service =
    m?.type === "RegularExpression" ? "example.Service" : (m?.service ?? "example.Service");
  const method = m?.type === "RegularExpression" ? "Call" : (m?.method ?? "Call");
  request.grpc = { service, method };
  const headers = headersFor(match?.headers, notes);
  if (headers !== undefined) request.headers = headers;
}

function headersFor(
  matches: readonly HTTPHeaderMatch[] | undefined,
  notes: string[],
): Record<string, string> | undefined {
  if (matches === undefined || matches.length === 0) return undefined;
  const headers: Record<string, string> = dict();
  for (const h of matches) {
    if (h.name === undefined) continue;
    if (h.type === "RegularExpression") {
      notes.push(
        `header ${h.name} must match the regular expression ${h.value ?? ""}: edit its value`,
      );
      continue;
    }
    headers[h.name] = h.value ?? "";
  }
  return Object.keys(headers).length > 0 ? headers : undefined;
}

/**
 * Percent-encodes for a query string. A lone UTF-16 surrogate has no UTF-8 form, so no URL can
 * carry it (encodeURIComponent throws): it becomes U+FFFD, and a note says the request differs.
 */
function encodeQueryText(text: string, notes: string[]): string {
  const wellFormed = text.replace(
    /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
    "\uFFFD",
  );
  if (wellFormed !== text)
    notes.push(
      `query parameter text ${JSON.stringify(text)} holds an unpaired surrogate, which no URL can carry: it is sent as U+FFFD, so the request may not match`,
    );
  return encodeURIComponent(wellFormed);
}
