/**
 * One request through the nginx configuration ingress-nginx generates, traced step by step: the
 * server (exact host, then the one-label wildcard regex, then the catch-all), the location (nginx's
 * rules: `=` exact, then the longest prefix with its trailing-slash redirect; with a regex host, the
 * first `~*` location in ingress-nginx's order), then what the location does (app-root,
 * redirects, CORS preflight, rewrite, the HTTPS redirect of lua_ingress.lua, the canary choice of
 * balancer.lua). Deterministic: a canary split is reported as shares, never sampled.
 */
import { compileSearchRegex } from "../match/regex";
import {
  CATCH_ALL,
  needsRewrite,
  upstreamOf,
  type NginxConfig,
  type NginxLocation,
  type NginxServer,
  type WwwRedirect,
} from "./buildNginxConfig";
import type { CorsConfig, IngressServiceBackend } from "./ingressTypes";

export interface IngressRequest {
  scheme: "http" | "https";
  host: string;
  method?: string;
  /** Path plus query. */
  path: string;
  headers?: Record<string, string>;
}

export interface IngressBackendShare {
  /** "namespace/name:port" (the port as the Ingress names it), or "default-backend". */
  target: string;
  share: number;
  canary?: boolean;
}

export interface IngressOutcome {
  kind: "forwarded" | "redirect" | "direct-response" | "not-found";
  status: number;
  backends: IngressBackendShare[];
  redirect?: { status: number; location: string };
  /** What the backend receives. */
  request?: { host: string; path: string; headers: Record<string, string> };
  responseHeaders: Record<string, string>;
  reason: string;
}

export interface IngressLocationCandidate {
  /** How nginx.tmpl writes it: `= "/foo"`, `"/foo/"`, `~* "^/foo"`. */
  location: string;
  ingress?: string;
  matched: boolean;
  detail: string;
}

export interface IngressTrace {
  className: string;
  server: { name: string; why: string };
  candidates: IngressLocationCandidate[];
  location?: string;
  steps: { step: string; detail: string }[];
  outcome: IngressOutcome;
}

/** The controller's default backend answers every unmatched request with 404. */
export const DEFAULT_BACKEND = "default-backend";

export function routeIngressRequest(config: NginxConfig, req: IngressRequest): IngressTrace {
  const hostname = stripPort(req.host).toLowerCase();
  // The redirect server's server_name is exact, and no Ingress server has that name (BuildRedirects).
  const www = config.wwwRedirects.get(hostname);
  if (www !== undefined) return wwwRedirectTrace(config, www, req);
  const { server, why } = selectServer(config, hostname);
  const { uri, query } = nginxUri(req.path);
  const steps: IngressTrace["steps"] = [];
  const base = { className: config.className, server: { name: server.hostname, why } };
  const method = (req.method ?? "GET").toUpperCase();
  const headers = lowerKeys(req.headers ?? {});
  const args = query === "" ? "" : `?${query}`;

  if (server.appRoot !== undefined && uri === "/") {
    const location = `${req.scheme}://${req.host}${server.appRoot}`;
    steps.push({
      step: "app-root",
      detail: `server ${server.hostname} answers "/" with 302 to ${server.appRoot} (app-root, written before any location)`,
    });
    return {
      ...base,
      candidates: [],
      steps,
      outcome: redirect(302, location, `app-root sends / to ${server.appRoot}`),
    };
  }
  const found = selectLocation(server, uri);
  const trace = { ...base, candidates: found.candidates, steps };
  if (found.slashRedirect !== undefined) {
    const location = `${req.scheme}://${req.host}${found.slashRedirect}${args}`;
    steps.push({
      step: "location",
      detail: `nginx redirects ${uri} to ${found.slashRedirect}: the prefix location "${found.slashRedirect}" ends with "/" and proxies, so the path without it is redirected`,
    });
    return {
      ...trace,
      outcome: redirect(
        301,
        location,
        `nginx adds the trailing slash of location "${found.slashRedirect}"`,
      ),
    };
  }
  const loc = found.location;
  if (!loc) {
    return {
      ...trace,
      outcome: {
        kind: "not-found",
        status: 404,
        backends: [],
        responseHeaders: {},
        reason: `no location of server ${server.hostname} matches ${uri}`,
      },
    };
  }
  const locText = describeLocation(loc);
  const ann = loc.annotations;
  const out = { ...trace, location: locText };
  if (ann?.cors && method === "OPTIONS") {
    const preflight = corsHeaders(ann.cors, headers["origin"]);
    // nginx.tmpl returns 204 only when $cors is "trueoptions": an origin the list does not allow
    // leaves $cors at "options", and the OPTIONS request goes on to the backend like any other.
    if (Object.keys(preflight).length > 0) {
      steps.push({ step: "cors", detail: "enable-cors: nginx answers the preflight itself" });
      return {
        ...out,
        outcome: {
          kind: "direct-response",
          status: 204,
          backends: [],
          responseHeaders: preflight,
          reason: "CORS preflight answered by enable-cors",
        },
      };
    }
    steps.push({
      step: "cors",
      detail: `enable-cors: the origin ${headers["origin"] === undefined ? "is missing" : `${headers["origin"]} is not allowed`}, so nginx does not answer the OPTIONS request itself; it goes to the backend`,
    });
  }
  const configured = ann?.temporalRedirect ?? ann?.permanentRedirect;
  if (configured && !loc.isDefaultBackend) {
    steps.push({
      step: "redirect",
      detail: `${ann?.temporalRedirect ? "temporal" : "permanent"}-redirect: return ${configured.code} ${configured.url}`,
    });
    return {
      ...out,
      outcome: redirect(
        configured.code,
        configured.url,
        `${ann?.temporalRedirect ? "temporal" : "permanent"}-redirect to ${configured.url}`,
      ),
    };
  }
  const rewritten = applyRewrite(loc, uri, steps);
  if (rewritten?.redirect)
    return {
      ...out,
      outcome: redirect(
        302,
        rewritten.redirect,
        `rewrite-target is an absolute URL, which nginx answers with a redirect`,
      ),
    };
  if (req.scheme === "http" && ann && (ann.forceSslRedirect || (ann.sslRedirect && server.tls))) {
    // lua_ingress.lua drops one trailing "/" of $request_uri unless preserve-trailing-slash is set.
    const requestUri = req.path.startsWith("/") ? req.path : `/${req.path}`;
    const location = `https://${hostname}${!ann.preserveTrailingSlash && requestUri.endsWith("/") ? requestUri.slice(0, -1) : requestUri}`;
    steps.push({
      step: "ssl-redirect",
      detail: ann.forceSslRedirect
        ? "force-ssl-redirect: HTTP is redirected to HTTPS"
        : `ssl-redirect (default true): ${server.hostname} has a certificate from Ingress ${server.tls?.ingress.namespace}/${server.tls?.ingress.name}, so HTTP is redirected`,
    });
    return {
      ...out,
      outcome: redirect(
        308,
        location,
        "HTTP redirected to HTTPS (308, the controller's default http-redirect-code)",
      ),
    };
  }
  if (!loc.service || !loc.ingress) {
    steps.push({
      step: "backend",
      detail: "the location points at the controller's default backend",
    });
    return {
      ...out,
      outcome: {
        kind: "not-found",
        status: 404,
        backends: [{ target: DEFAULT_BACKEND, share: 1 }],
        responseHeaders: {},
        reason: `${locText} on ${server.hostname} is served by the default backend (404)`,
      },
    };
  }
  const backends = pickBackends(config, loc.ingress.namespace, loc.service, headers, steps);
  const forwardedHeaders: Record<string, string> = { ...headers };
  if (rewritten && ann?.xForwardedPrefix)
    forwardedHeaders["x-forwarded-prefix"] = ann.xForwardedPrefix;
  const host = ann?.upstreamVhost ?? req.host;
  if (ann?.upstreamVhost)
    steps.push({
      step: "upstream-vhost",
      detail: `Host sent to the backend: ${ann.upstreamVhost}`,
    });
  const path = rewritten ? withArgs(rewritten.uri, query) : req.path;
  const responseHeaders = ann?.cors ? corsHeaders(ann.cors, headers["origin"]) : {};
  const protocol = ann?.backendProtocol ?? "HTTP";
  return {
    ...out,
    outcome: {
      kind: "forwarded",
      status: 200,
      backends,
      request: { host, path, headers: forwardedHeaders },
      responseHeaders,
      reason: `${locText} on ${server.hostname} (Ingress ${loc.ingress.namespace}/${loc.ingress.name}) proxies to ${backends.map((b) => `${b.target}${b.share < 1 ? ` ${Math.round(b.share * 10000) / 100}%` : ""}`).join(", ")}${protocol === "HTTP" ? "" : ` over ${protocol}`}`,
    },
  };
}

/** ingress-nginx's default http-redirect-code (config.go), which the redirect servers return. */
const HTTP_REDIRECT_CODE = 308;

/**
 * The from-to-www-redirect server (nginx.tmpl): `return 308 $redirect_to`, where
 * ngx_srv_redirect.lua writes `scheme://to:server_port` and the request URI (query included) less
 * one trailing "/". The server listens on 80 and 443, nginx's server_port there.
 */
function wwwRedirectTrace(
  config: NginxConfig,
  www: WwwRedirect,
  req: IngressRequest,
): IngressTrace {
  const raw = req.path.startsWith("/") ? req.path : `/${req.path}`;
  const requestUri = raw.endsWith("/") ? raw.slice(0, -1) : raw;
  const port = req.scheme === "https" ? 443 : 80;
  const location = `${req.scheme}://${www.to}:${port}${requestUri}`;
  const owner = `${www.ingress.namespace}/${www.ingress.name}`;
  const steps: IngressTrace["steps"] = [
    {
      step: "www-redirect",
      detail: `from-to-www-redirect (Ingress ${owner}): server ${www.from} answers every request with ${HTTP_REDIRECT_CODE} to ${www.to}, keeping the scheme and port and dropping one trailing "/"`,
    },
  ];
  if (req.scheme === "https" && !www.certificateCoversFrom)
    steps.push({
      step: "certificate",
      detail: `the certificate of ${www.to} does not name ${www.from}, so ingress-nginx answers HTTPS for ${www.from} with its default certificate: clients that verify it refuse the connection before the redirect`,
    });
  return {
    className: config.className,
    server: {
      name: www.from,
      why: `server_name ${www.from} is the redirect server from-to-www-redirect adds for ${www.to}`,
    },
    candidates: [],
    steps,
    outcome: redirect(
      HTTP_REDIRECT_CODE,
      location,
      `from-to-www-redirect sends ${www.from} to ${www.to}`,
    ),
  };
}

function redirect(status: number, location: string, reason: string): IngressOutcome {
  return {
    kind: "redirect",
    status,
    backends: [],
    redirect: { status, location },
    responseHeaders: {},
    reason,
  };
}

/** nginx: exact server_name, then the wildcard regex (exactly one label, buildServerName), then "_". */
function selectServer(config: NginxConfig, hostname: string): { server: NginxServer; why: string } {
  const exact = config.servers.get(hostname);
  if (exact && hostname !== CATCH_ALL)
    return { server: exact, why: `server_name ${hostname} equals the Host` };
  const dot = hostname.indexOf(".");
  if (dot > 0 && /^[\w-]+$/.test(hostname.slice(0, dot))) {
    const wildcard = config.servers.get(`*${hostname.slice(dot)}`);
    if (wildcard)
      return {
        server: wildcard,
        why: `server_name ~^(?<subdomain>[\\w-]+)${hostname.slice(dot).replaceAll(".", "\\.")}$ matches (one label under ${wildcard.hostname})`,
      };
  }
  const deeper = [...config.servers.values()].find(
    (s) => s.wildcardSuffix !== undefined && hostname.endsWith(s.wildcardSuffix),
  );
  const note = deeper
    ? ` (${deeper.hostname} covers exactly one label, and ${hostname} has more)`
    : "";
  return {
    server: config.servers.get(CATCH_ALL) as NginxServer,
    why: `no server_name matches ${hostname || "an empty Host"}; the catch-all server "_" answers${note}`,
  };
}

interface FoundLocation {
  location?: NginxLocation;
  slashRedirect?: string;
  candidates: IngressLocationCandidate[];
}

function selectLocation(server: NginxServer, uri: string): FoundLocation {
  const candidates: IngressLocationCandidate[] = [];
  const who = (l: NginxLocation) =>
    l.ingress ? { ingress: `${l.ingress.namespace}/${l.ingress.name}` } : {};
  if (server.enforceRegex) {
    let winner: NginxLocation | undefined;
    for (const l of server.locations) {
      const m = winner === undefined && l.regex ? l.regex.search(uri) : undefined;
      const matched = m !== undefined;
      const detail = l.regexError
        ? `not run: ${l.regexError}`
        : winner
          ? "not reached: an earlier regex location matched (first match wins)"
          : matched
            ? `matches ${uri} (case-insensitive, from the start)`
            : `does not match ${uri}`;
      candidates.push({ location: describeLocation(l), ...who(l), matched, detail });
      if (matched) winner = l;
    }
    return { ...(winner ? { location: winner } : {}), candidates };
  }
  const exact = server.locations.find((l) => l.modifier === "=" && l.path === uri);
  let longest: NginxLocation | undefined;
  for (const l of server.locations) {
    if (l.modifier !== "" || !uri.startsWith(l.path)) continue;
    if (!longest || l.path.length > longest.path.length) longest = l;
  }
  const slash =
    !exact && longest?.path !== uri
      ? server.locations.find((l) => l.modifier === "" && l.path === `${uri}/`)
      : undefined;
  const winner = exact ?? (slash ? undefined : longest);
  for (const l of server.locations) {
    const matched = l.modifier === "=" ? l.path === uri : uri.startsWith(l.path);
    const detail =
      l.modifier === "="
        ? matched
          ? `equals ${uri}; an exact location ends the search`
          : `is not ${uri}`
        : matched
          ? l === winner
            ? "the longest prefix of the path"
            : exact
              ? "a prefix, but an exact location matched"
              : "a prefix, but a longer one matched"
          : l === slash
            ? `is ${uri} plus "/": nginx redirects to it`
            : `is not a prefix of ${uri}`;
    candidates.push({
      location: describeLocation(l),
      ...who(l),
      matched: matched || l === slash,
      detail,
    });
  }
  return {
    ...(winner ? { location: winner } : {}),
    ...(slash ? { slashRedirect: slash.path } : {}),
    candidates,
  };
}

export function describeLocation(l: NginxLocation): string {
  return l.modifier === "~*"
    ? `~* "^${l.path}"`
    : l.modifier === "="
      ? `= "${l.path}"`
      : `"${l.path}"`;
}

/** template.go buildProxyPass: `rewrite "(?i)<path>" <target> break;` replaces the whole URI. */
function applyRewrite(
  loc: NginxLocation,
  uri: string,
  steps: IngressTrace["steps"],
): { uri: string; redirect?: string } | undefined {
  const target = loc.annotations?.rewriteTarget;
  if (target === undefined || !needsRewrite(loc) || loc.isDefaultBackend) return undefined;
  const compiled = compileSearchRegex(loc.path, true);
  if (!compiled.ok) {
    steps.push({
      step: "rewrite",
      detail: `rewrite "(?i)${loc.path}" is PCRE that RE2 cannot run (${compiled.error}); the URI is left unchanged`,
    });
    return undefined;
  }
  const m = compiled.regex.search(uri);
  if (!m) {
    steps.push({
      step: "rewrite",
      detail: `rewrite "(?i)${loc.path}" does not match ${uri}; the URI is left unchanged`,
    });
    return undefined;
  }
  const replaced = target.replace(
    /\$(\d)|\$\{(\d)\}/g,
    (_all, a: string | undefined, b: string | undefined) => m.groups[Number(a ?? b)] ?? "",
  );
  steps.push({
    step: "rewrite",
    detail: `rewrite "(?i)${loc.path}" ${target}: ${uri} becomes ${replaced}`,
  });
  if (/^https?:\/\//i.test(replaced)) return { uri, redirect: replaced };
  return { uri: replaced };
}

function withArgs(uri: string, query: string): string {
  if (query === "") return uri;
  return uri.includes("?") ? `${uri}&${query}` : `${uri}?${query}`;
}

/** balancer.lua route_to_alternative_balancer: header (value, pattern, always/never), then cookie, then weight. */
function pickBackends(
  config: NginxConfig,
  namespace: string,
  service: IngressServiceBackend,
  headers: Record<string, string>,
  steps: IngressTrace["steps"],
): IngressBackendShare[] {
  const primary = upstreamOf(namespace, service);
  const canary = config.canaries.get(primary);
  if (!canary) return [{ target: primary, share: 1 }];
  const alt = upstreamOf(canary.ingress.namespace, canary.service);
  const c = canary.config;
  const only = (toCanary: boolean, detail: string): IngressBackendShare[] => {
    steps.push({ step: "canary", detail });
    return [{ target: toCanary ? alt : primary, share: 1, ...(toCanary ? { canary: true } : {}) }];
  };
  if (c.header) {
    const value = headers[c.header.toLowerCase()];
    if (value !== undefined) {
      if (c.headerValue) {
        if (value === c.headerValue)
          return only(true, `header ${c.header}: ${value} equals canary-by-header-value`);
      } else if (c.headerPattern) {
        const re = compileSearchRegex(c.headerPattern, false);
        if (re.ok && re.regex.search(value))
          return only(
            true,
            `header ${c.header}: ${value} matches canary-by-header-pattern ${c.headerPattern}`,
          );
      } else if (value === "always") return only(true, `header ${c.header}: always`);
      else if (value === "never") return only(false, `header ${c.header}: never`);
    }
  }
  if (c.cookie) {
    const value = readCookie(headers["cookie"], c.cookie);
    if (value === "always") return only(true, `cookie ${c.cookie}=always`);
    if (value === "never") return only(false, `cookie ${c.cookie}=never`);
  }
  const share = Math.min(1, c.weight / c.weightTotal);
  steps.push({
    step: "canary",
    detail: `canary-weight ${c.weight} of ${c.weightTotal}: ${Math.round(share * 10000) / 100}% to ${alt}`,
  });
  const out: IngressBackendShare[] = [];
  if (share < 1) out.push({ target: primary, share: 1 - share });
  if (share > 0) out.push({ target: alt, share, canary: true });
  return out;
}

export function readCookie(header: string | undefined, name: string): string | undefined {
  if (header === undefined) return undefined;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

function corsHeaders(cors: CorsConfig, origin: string | undefined): Record<string, string> {
  const allow = cors.allowOrigin.includes("*")
    ? "*"
    : origin !== undefined && originAllowed(cors.allowOrigin, origin)
      ? origin
      : undefined;
  if (allow === undefined) return {};
  const out: Record<string, string> = {
    "access-control-allow-origin": allow,
    "access-control-allow-methods": cors.allowMethods,
    "access-control-allow-headers": cors.allowHeaders,
    "access-control-max-age": String(cors.maxAge),
  };
  if (cors.allowCredentials) out["access-control-allow-credentials"] = "true";
  if (cors.exposeHeaders) out["access-control-expose-headers"] = cors.exposeHeaders;
  return out;
}

/**
 * template.go buildCorsOriginRegex: `if ($http_origin ~* ((o1)|(o2))$ )`: each origin quoted, its
 * first `*` standing for one label ([A-Za-z0-9-]+), matched case-insensitively and anchored at the
 * end only. RE2 (linear time) runs it, as it runs nginx's other regexes here.
 */
function originAllowed(allowed: readonly string[], origin: string): boolean {
  const alternatives = allowed.map(
    (o) => `(${o.replace(/[.*+?()[\]{}|^$\\]/g, "\\$&").replace("\\*", "[A-Za-z0-9\\-]+")})`,
  );
  if (alternatives.length === 0) return false;
  const compiled = compileSearchRegex(`(${alternatives.join("|")})$`, true);
  return compiled.ok && compiled.regex.search(origin) !== undefined;
}

function stripPort(host: string): string {
  const m = /^(.*?)(:\d+)?$/.exec(host);
  return m?.[1] ?? host;
}

function lowerKeys(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const [k, v] of Object.entries(headers)) out[k.toLowerCase()] = v;
  return out;
}

/** nginx's $uri: the path without its query, percent-decoded, `//` merged, `.` and `..` resolved. */
export function nginxUri(path: string): { uri: string; query: string } {
  const q = path.indexOf("?");
  const raw = q < 0 ? path : path.slice(0, q);
  const query = q < 0 ? "" : path.slice(q + 1);
  let decoded = raw;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    // A malformed escape is kept as written; nginx answers 400, which the model does not simulate.
  }
  const out: string[] = [];
  for (const seg of decoded.split("/").slice(1)) {
    if (seg === "." || (seg === "" && out.length > 0 && out[out.length - 1] === "")) continue;
    if (seg === "..") out.pop();
    else out.push(seg);
  }
  const uri = `/${out.join("/")}`.replace(/\/{2,}/g, "/");
  return { uri, query };
}
