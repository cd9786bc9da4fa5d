/**
 * Maps a case file's request to the simulator's SimRequest. Fields the simulator models only
 * when the routing stage supports them (backend behaviour, client certificates, backend response
 * headers) ride along as extra properties of the same plain object.
 */
import type { SimRequest } from "../simulate/types";
import type { RequestCase } from "./caseTypes";

export function toSimRequest(rc: RequestCase): SimRequest {
  const r = rc.request;
  // A WebSocket handshake is an HTTP/1.1 GET with Upgrade: it is routed like any HTTP request.
  const scheme = r.scheme === "ws" ? "http" : r.scheme;
  const req: SimRequest & Record<string, unknown> = { scheme };
  if (rc.gateway !== undefined) req.gateway = rc.gateway;
  // A mesh request: the client's namespace and the Service and port it calls (no Gateway).
  if (rc.mesh !== undefined) {
    req.mesh = { clientNamespace: rc.mesh.from, service: rc.mesh.service };
    req.port = rc.mesh.port;
  }
  if (r.port !== undefined) req.port = r.port;
  if (r.host !== undefined) req.host = r.host;
  if (r.sni !== undefined) req.sni = r.sni;
  if (r.method !== undefined) req.method = r.method;
  if (r.path !== undefined) req.path = r.path;
  if (r.headers !== undefined) req.headers = r.headers;
  if (r.grpc !== undefined) req.grpc = r.grpc;
  if (r.protocol !== undefined) req.protocol = r.protocol;
  if (r.clientCertificate !== undefined) req.clientCertificate = r.clientCertificate;
  if (rc.backendResponseHeaders !== undefined)
    req.backendResponseHeaders = rc.backendResponseHeaders;
  if (rc.backendBehavior !== undefined) req.backendBehavior = rc.backendBehavior;
  return req;
}
