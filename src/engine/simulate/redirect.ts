/**
 * RequestRedirect (spec §4.2): scheme and host default to the request's; the port defaults to the
 * new scheme's well-known port when the scheme is set, else to the listener's port; 80 on http
 * and 443 on https are left out of Location. The query string is kept (as Envoy does).
 */
import type { HTTPRequestRedirectFilter } from "../api/spec";
import { normalizeHost } from "../match/hostname";
import { applyPathModifier } from "./pathModifier";
import { lookupTable } from "../collections/dict";

const WELL_KNOWN = lookupTable<number>({ http: 80, https: 443 });

export interface RedirectInput {
  scheme: string;
  host: string;
  path: string;
  query: string;
  listenerPort: number;
  matchedPath: { type: string; value: string } | undefined;
}

export function computeRedirect(
  f: HTTPRequestRedirectFilter,
  req: RedirectInput,
): { status: number; location: string; detail: string } {
  const scheme = f.scheme ?? req.scheme;
  const host = f.hostname ?? normalizeHost(req.host);
  const port =
    f.port ??
    (f.scheme !== undefined ? (WELL_KNOWN[f.scheme] ?? req.listenerPort) : req.listenerPort);
  const showPort = !((scheme === "http" && port === 80) || (scheme === "https" && port === 443));
  const modified =
    f.path !== undefined ? applyPathModifier(req.path, f.path, req.matchedPath) : undefined;
  const path = modified?.path ?? req.path;
  const location = `${scheme}://${host}${showPort ? `:${port}` : ""}${path}${req.query !== "" ? `?${req.query}` : ""}`;
  const status = f.statusCode ?? 302;
  const portWhy =
    f.port !== undefined
      ? "set in the filter"
      : f.scheme !== undefined
        ? `the well-known port of ${scheme}`
        : `the listener port`;
  const detail = `${status} to ${location} (port ${port}: ${portWhy}${showPort ? "" : ", left out as the default for the scheme"}${modified !== undefined ? `; ${modified.detail}` : ""})`;
  return { status, location, detail };
}
