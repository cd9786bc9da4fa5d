/** Applies SimRequest defaults so every later step reads one settled shape. */
import { normalizeHost } from "../match/hostname";
import { normalizePath } from "../match/normalizePath";
import type { NormalizedRequest } from "./traceTypes";
import type { SimRequest } from "./types";
import { dict } from "../collections/dict";

export type NormalizeResult =
  { ok: true; request: NormalizedRequest } | { ok: false; error: string };

const DEFAULT_PORT: Partial<Record<SimRequest["scheme"], number>> = {
  http: 80,
  https: 443,
  tls: 443,
};

export function normalizeRequest(req: SimRequest): NormalizeResult {
  const port =
    req.port ?? (Object.hasOwn(DEFAULT_PORT, req.scheme) ? DEFAULT_PORT[req.scheme] : undefined);
  if (port === undefined) return { ok: false, error: `a ${req.scheme} request needs a port` };
  const host = req.host ?? "";
  const hostname = normalizeHost(host);
  const grpc = req.grpc;
  const rawPath = grpc !== undefined ? `/${grpc.service}/${grpc.method}` : (req.path ?? "/");
  const { end, query } = splitPathAndQuery(rawPath);
  const sentPath = rawPath.slice(0, end) || "/";
  const path = normalizePath(sentPath);
  const headers: Record<string, string> = dict();
  for (const [name, value] of Object.entries(req.headers ?? {})) {
    const key = name.toLowerCase();
    headers[key] = headers[key] === undefined ? value : `${headers[key]},${value}`;
  }
  const out: NormalizedRequest = {
    scheme: req.scheme,
    port,
    host,
    hostname,
    method: grpc !== undefined ? "POST" : (req.method ?? "GET"),
    path,
    query,
    headers,
  };
  if (req.gateway !== undefined) out.gateway = req.gateway;
  if (sentPath !== path) out.sentPath = sentPath;
  if (req.scheme === "https" || req.scheme === "tls")
    out.sni = req.sni !== undefined ? normalizeHost(req.sni) : hostname;
  if (grpc !== undefined) out.grpc = { service: grpc.service, method: grpc.method };
  return { ok: true, request: out };
}

/** Where the path ends and what the query is; a "?" inside the fragment belongs to the fragment. */
export function splitPathAndQuery(raw: string): { end: number; query: string } {
  const hash = raw.indexOf("#");
  const limit = hash >= 0 ? hash : raw.length;
  const q = raw.indexOf("?");
  if (q >= 0 && q < limit) return { end: q, query: raw.slice(q + 1, limit) };
  return { end: limit, query: "" };
}

/** The request as far as it can be read, for the trace of one that normalizeRequest refused. */
export function unnormalizedRequest(req: SimRequest): NormalizedRequest {
  return {
    scheme: req.scheme,
    port: req.port ?? 0,
    host: req.host ?? "",
    hostname: "",
    method: req.method ?? "GET",
    path: req.path ?? "/",
    query: "",
    headers: {},
  };
}
