/**
 * requestMissingRule: a request that just misses one rule of a route: the request that reaches it
 * (requestForRule) with the single most specific condition of its first match broken: a header or
 * query parameter left out, another method, a path one character past a prefix's segment or an
 * exact path, another gRPC method, or a hostname the route does not cover. A change that moves
 * such a boundary (a prefix widened, a header match dropped) shows in where this request ends.
 *
 * Undefined when nothing can be broken: a rule that takes every request of its listener (no
 * hostnames, PathPrefix "/", no other condition), or a TCP/UDP route.
 */
import type { GRPCRouteMatch, HTTPRouteMatch } from "../api/spec";
import type { SimRequest } from "../simulate/types";
import { requestForRule, type RuleRequestInput } from "./requestForRule";

export interface MissRequest {
  request: SimRequest;
  /** The condition broken, in a few words: "without header x-canary", "path /apix". */
  miss: string;
}

export function requestMissingRule(
  input: RuleRequestInput,
  routeKey: string,
  ruleIndex: number,
): MissRequest | undefined {
  const hit = requestForRule(input, routeKey, ruleIndex);
  const route = input.routes.find((r) => r.key === routeKey);
  const rule = route?.rules[ruleIndex];
  if (hit === undefined || route === undefined || rule === undefined) return undefined;
  const request: SimRequest = { ...hit.request };
  if (request.headers !== undefined) request.headers = { ...request.headers };
  if (request.scheme === "tcp" || request.scheme === "udp") return undefined;
  if (request.scheme !== "tls") {
    const match = rule.matches[0];
    const broken =
      route.kind === "GRPCRoute"
        ? breakGrpcMatch(request, match as GRPCRouteMatch | undefined)
        : breakHttpMatch(request, match as HTTPRouteMatch | undefined);
    if (broken !== undefined) return { request, miss: broken };
  }
  return breakHostname(request, route.hostnames);
}

function breakHttpMatch(
  request: SimRequest,
  match: HTTPRouteMatch | undefined,
): string | undefined {
  const header = match?.headers?.find(
    (h) => h.name !== undefined && h.type !== "RegularExpression",
  );
  if (header?.name !== undefined && request.headers !== undefined) {
    const name = header.name.toLowerCase();
    for (const key of Object.keys(request.headers))
      if (key.toLowerCase() === name) delete request.headers[key];
    if (Object.keys(request.headers).length === 0) delete request.headers;
    return `without header ${header.name}`;
  }
  const query = match?.queryParams?.find(
    (q) => q.name !== undefined && q.type !== "RegularExpression",
  );
  if (query?.name !== undefined && request.path !== undefined) {
    request.path = dropQueryParam(request.path, query.name);
    return `without query parameter ${query.name}`;
  }
  if (match?.method !== undefined) {
    request.method = match.method === "GET" ? "POST" : "GET";
    return `method ${request.method}`;
  }
  const path = match?.path;
  if (path?.type === "RegularExpression" || path?.value === undefined) return undefined;
  const value = path.value;
  if (path.type === "Exact") {
    request.path = value === "/" ? "/x" : value.endsWith("/") ? value.slice(0, -1) : `${value}/`;
    return `path ${request.path}`;
  }
  if (value === "/" || value === "") return undefined;
  // A prefix matches whole segments: "/api" takes "/api/x" but not "/apix".
  request.path = `${value.replace(/\/+$/, "")}x`;
  return `path ${request.path}`;
}

function breakGrpcMatch(
  request: SimRequest,
  match: GRPCRouteMatch | undefined,
): string | undefined {
  const header = match?.headers?.find(
    (h) => h.name !== undefined && h.type !== "RegularExpression",
  );
  if (header?.name !== undefined && request.headers !== undefined) {
    const name = header.name.toLowerCase();
    for (const key of Object.keys(request.headers))
      if (key.toLowerCase() === name) delete request.headers[key];
    if (Object.keys(request.headers).length === 0) delete request.headers;
    return `without header ${header.name}`;
  }
  const m = match?.method;
  if (m === undefined || m.type === "RegularExpression" || request.grpc === undefined)
    return undefined;
  if (m.method !== undefined) {
    request.grpc = { ...request.grpc, method: `${m.method}X` };
    return `gRPC method ${request.grpc.service}/${request.grpc.method}`;
  }
  if (m.service !== undefined) {
    request.grpc = { ...request.grpc, service: `${m.service}X` };
    return `gRPC service ${request.grpc.service}`;
  }
  return undefined;
}

/** A wildcard's apex ("*.example.com" → "example.com") or a name one label below an exact host. */
function breakHostname(request: SimRequest, hostnames: readonly string[]): MissRequest | undefined {
  const first = hostnames[0];
  if (first === undefined || first === "" || first === "*") return undefined;
  const host = first.startsWith("*.") ? first.slice(2) : `miss.${first}`;
  request.host = host;
  if (request.sni !== undefined) request.sni = host;
  return { request, miss: `host ${host}` };
}

function dropQueryParam(path: string, name: string): string {
  const q = path.indexOf("?");
  if (q < 0) return path;
  const encoded = encodeURIComponent(name);
  const kept = path
    .slice(q + 1)
    .split("&")
    .filter((pair) => pair.split("=")[0] !== encoded);
  return kept.length > 0 ? `${path.slice(0, q)}?${kept.join("&")}` : path.slice(0, q);
}
