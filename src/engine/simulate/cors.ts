/**
 * CORS filter (spec §4.5, GEP-1767). Origins compare as scheme://host:port with the scheme's
 * default port implied; a "*" in the host covers any number of labels to its left; a lone "*"
 * covers every origin. With allowCredentials the answer never contains "*": the concrete origin,
 * method and headers are echoed instead.
 */
import type { HTTPCORSFilter } from "../api/spec";

interface Origin {
  scheme: string;
  host: string;
  port: string;
}

function parseOrigin(origin: string): Origin | undefined {
  const m = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\/([^/:]+)(?::(\d+))?\/?$/.exec(origin.trim());
  if (m === null) return undefined;
  const scheme = (m[1] ?? "").toLowerCase();
  const port = m[3] ?? (scheme === "https" ? "443" : scheme === "http" ? "80" : "");
  return { scheme, host: (m[2] ?? "").toLowerCase(), port };
}

export function isOriginAllowed(allowOrigins: readonly string[], origin: string): boolean {
  const o = parseOrigin(origin);
  if (o === undefined) return allowOrigins.includes("*");
  for (const pattern of allowOrigins) {
    if (pattern === "*") return true;
    const p = parseOrigin(pattern);
    if (p === undefined || p.scheme !== o.scheme || p.port !== o.port) continue;
    if (p.host === o.host) return true;
    if (p.host === "*") return true;
    if (
      p.host.startsWith("*") &&
      o.host.length > p.host.length - 1 &&
      o.host.endsWith(p.host.slice(1))
    )
      return true;
  }
  return false;
}

export function isPreflight(method: string, headers: Readonly<Record<string, string>>): boolean {
  return (
    method === "OPTIONS" &&
    headers["origin"] !== undefined &&
    headers["access-control-request-method"] !== undefined
  );
}

export interface CorsAnswer {
  allowed: boolean;
  headers: Record<string, string>;
  detail: string;
}

export function answerPreflight(
  f: HTTPCORSFilter,
  headers: Readonly<Record<string, string>>,
): CorsAnswer {
  const origin = headers["origin"] ?? "";
  if (!isOriginAllowed(f.allowOrigins ?? [], origin)) {
    return {
      allowed: false,
      headers: {},
      detail: `preflight from ${origin} refused: origin not in allowOrigins [${(f.allowOrigins ?? []).join(", ")}]`,
    };
  }
  const credentials = f.allowCredentials === true;
  const out: Record<string, string> = { "access-control-allow-origin": origin };
  const methods = f.allowMethods ?? [];
  if (methods.length > 0) {
    out["access-control-allow-methods"] = methods.includes("*")
      ? credentials
        ? (headers["access-control-request-method"] ?? "*")
        : "*"
      : methods.join(", ");
  }
  const allowHeaders = f.allowHeaders ?? [];
  if (allowHeaders.length > 0) {
    out["access-control-allow-headers"] = allowHeaders.includes("*")
      ? credentials
        ? (headers["access-control-request-headers"] ?? "*")
        : "*"
      : allowHeaders.join(", ");
  }
  if ((f.exposeHeaders ?? []).length > 0)
    out["access-control-expose-headers"] = (f.exposeHeaders ?? []).join(", ");
  out["access-control-max-age"] = String(f.maxAge ?? 5);
  if (credentials) out["access-control-allow-credentials"] = "true";
  return {
    allowed: true,
    headers: out,
    detail: `preflight from ${origin} answered by the gateway`,
  };
}

/** Headers added to the response of an actual (non-preflight) cross-origin request. */
export function answerActual(
  f: HTTPCORSFilter,
  headers: Readonly<Record<string, string>>,
): CorsAnswer {
  const origin = headers["origin"];
  if (origin === undefined)
    return { allowed: true, headers: {}, detail: "no Origin header: not a cross-origin request" };
  if (!isOriginAllowed(f.allowOrigins ?? [], origin))
    return {
      allowed: false,
      headers: {},
      detail: `origin ${origin} not allowed: no CORS headers added`,
    };
  const out: Record<string, string> = { "access-control-allow-origin": origin };
  if (f.allowCredentials === true) out["access-control-allow-credentials"] = "true";
  if ((f.exposeHeaders ?? []).length > 0)
    out["access-control-expose-headers"] = (f.exposeHeaders ?? []).join(", ");
  return {
    allowed: true,
    headers: out,
    detail: `origin ${origin} allowed: CORS headers added to the response`,
  };
}
