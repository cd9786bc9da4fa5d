/**
 * The Gateway a request reaches, chosen exactly as traceRequest and routeRequest choose it, for
 * callers (the CLI) that must report an unknown or ambiguous Gateway before tracing.
 */
import type { Router } from "../routing/router";
import { normalizeRequest } from "./normalizeRequest";
import { selectGateway } from "./selectListener";
import type { SimRequest } from "./types";

export type RequestGatewayChoice =
  | { ok: true; gateway: string; reason: string }
  /** `candidates` lists the Gateways of an ambiguous choice; empty when nothing matched. */
  | { ok: false; reason: string; candidates: string[] };

export function selectRequestGateway(router: Router, req: SimRequest): RequestGatewayChoice {
  const normalized = normalizeRequest(req);
  if (!normalized.ok) return { ok: false, reason: normalized.error, candidates: [] };
  const r = normalized.request;
  const s = selectGateway(router, r.gateway, r.port, r.scheme);
  if (s.ok) return { ok: true, gateway: s.gateway.name, reason: s.reason };
  return { ok: false, reason: s.reason, candidates: s.candidates ?? [] };
}
