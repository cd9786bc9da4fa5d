/**
 * Reads the ingress-nginx annotations of one Ingress (prefix nginx.ingress.kubernetes.io/), the way
 * the controller's annotation parsers do (internal/ingress/annotations/*): booleans as Go's
 * ParseBool, bad numbers fall back to the documented default. Every annotation under the prefix is
 * either modelled, carried as a note, or listed as not simulated; none is dropped silently.
 */
import type { BackendProtocol, CanaryConfig, CorsConfig, IngressAnnotations } from "./ingressTypes";

export const NGINX_PREFIX = "nginx.ingress.kubernetes.io/";

/** Annotations the model acts on (the canary set is read only on canary Ingresses). */
export const MODELLED_ANNOTATIONS: readonly string[] = [
  "rewrite-target",
  "use-regex",
  "ssl-redirect",
  "force-ssl-redirect",
  "preserve-trailing-slash",
  "permanent-redirect",
  "permanent-redirect-code",
  "temporal-redirect",
  "temporal-redirect-code",
  "app-root",
  "from-to-www-redirect",
  "canary",
  "canary-weight",
  "canary-weight-total",
  "canary-by-header",
  "canary-by-header-value",
  "canary-by-header-pattern",
  "canary-by-cookie",
  "backend-protocol",
  "upstream-vhost",
  "x-forwarded-prefix",
  "enable-cors",
  "cors-allow-origin",
  "cors-allow-methods",
  "cors-allow-headers",
  "cors-expose-headers",
  "cors-allow-credentials",
  "cors-max-age",
];

/** Limits and timeouts: shown next to the route, never change where a request goes. */
export const NOTE_ANNOTATIONS: readonly string[] = [
  "proxy-body-size",
  "proxy-connect-timeout",
  "proxy-send-timeout",
  "proxy-read-timeout",
  "proxy-next-upstream-timeout",
];

/** Raw nginx configuration pasted into the generated config: nothing in Gateway API can carry it. */
export const UNPORTABLE_ANNOTATIONS: readonly string[] = [
  "configuration-snippet",
  "server-snippet",
];

const BACKEND_PROTOCOLS: readonly BackendProtocol[] = [
  "HTTP",
  "HTTPS",
  "GRPC",
  "GRPCS",
  "AUTO_HTTP",
  "FCGI",
];

// Documented defaults (docs/user-guide/nginx-configuration/annotations.md#enable-cors).
const CORS_DEFAULTS: CorsConfig = {
  allowOrigin: ["*"],
  allowMethods: "GET, PUT, POST, DELETE, PATCH, OPTIONS",
  allowHeaders:
    "DNT,Keep-Alive,User-Agent,X-Requested-With,If-Modified-Since,Cache-Control,Content-Type,Range,Authorization",
  exposeHeaders: "",
  allowCredentials: true,
  maxAge: 1728000,
};

export function readAnnotations(all: Readonly<Record<string, string>>): IngressAnnotations {
  const values = new Map<string, string>();
  for (const [key, value] of Object.entries(all))
    if (key.startsWith(NGINX_PREFIX)) values.set(key.slice(NGINX_PREFIX.length), value);
  const out: IngressAnnotations = {
    useRegex: false,
    sslRedirect: true,
    forceSslRedirect: false,
    preserveTrailingSlash: false,
    fromToWwwRedirect: false,
    backendProtocol: "HTTP",
    notes: [],
    notSimulated: [],
    unportable: [],
    invalid: [],
  };
  const bool = (name: string, fallback: boolean): boolean => {
    const v = values.get(name);
    if (v === undefined) return fallback;
    const parsed = parseGoBool(v);
    if (parsed === undefined)
      out.invalid.push({
        annotation: name,
        reason: `${JSON.stringify(v)} is not a boolean; ingress-nginx uses ${fallback}`,
      });
    return parsed ?? fallback;
  };
  /** Go's strconv.Atoi as the annotation parser uses it; `fallback` says what ingress-nginx uses instead. */
  const int = (name: string, fallback: string): number | undefined => {
    const v = values.get(name);
    if (v === undefined) return undefined;
    const n = /^[+-]?\d{1,9}$/.test(v.trim()) ? Number(v.trim()) : undefined;
    if (n === undefined)
      out.invalid.push({
        annotation: name,
        reason: `${JSON.stringify(v)} is not a whole number; ingress-nginx uses ${fallback}`,
      });
    return n;
  };
  const text = (name: string): string | undefined => {
    const v = values.get(name);
    return v === undefined || v.trim() === "" ? undefined : v.trim();
  };

  const rewrite = values.get("rewrite-target");
  if (rewrite !== undefined && rewrite !== "") out.rewriteTarget = rewrite;
  out.useRegex = bool("use-regex", false);
  out.sslRedirect = bool("ssl-redirect", true);
  out.forceSslRedirect = bool("force-ssl-redirect", false);
  out.preserveTrailingSlash = bool("preserve-trailing-slash", false);
  out.fromToWwwRedirect = bool("from-to-www-redirect", false);
  const temporal = text("temporal-redirect");
  const permanent = text("permanent-redirect");
  // redirect.go: a temporal redirect wins over a permanent one; codes outside 300-307 (temporal)
  // or 300-308 (permanent) fall back to 302 and 301.
  const temporalCode = int("temporal-redirect-code", "302");
  const permanentCode = int("permanent-redirect-code", "301");
  if (temporal !== undefined)
    out.temporalRedirect = {
      url: temporal,
      code:
        temporalCode !== undefined && temporalCode >= 300 && temporalCode <= 307
          ? temporalCode
          : 302,
    };
  else if (permanent !== undefined)
    out.permanentRedirect = {
      url: permanent,
      code:
        permanentCode !== undefined && permanentCode >= 300 && permanentCode <= 308
          ? permanentCode
          : 301,
    };
  const appRoot = text("app-root");
  if (appRoot !== undefined) {
    if (appRoot.startsWith("/")) out.appRoot = appRoot;
    else
      out.invalid.push({
        annotation: "app-root",
        reason: `${JSON.stringify(appRoot)} must be a path starting with "/"`,
      });
  }
  if (bool("canary", false)) out.canary = readCanary(values, int, out.invalid);
  const protocol = text("backend-protocol")?.toUpperCase();
  if (protocol !== undefined) {
    if ((BACKEND_PROTOCOLS as readonly string[]).includes(protocol))
      out.backendProtocol = protocol as BackendProtocol;
    else
      out.invalid.push({
        annotation: "backend-protocol",
        reason: `${JSON.stringify(protocol)} is not one of ${BACKEND_PROTOCOLS.join(", ")}; ingress-nginx uses HTTP`,
      });
  }
  const vhost = text("upstream-vhost");
  if (vhost !== undefined) out.upstreamVhost = vhost;
  const prefix = text("x-forwarded-prefix");
  if (prefix !== undefined) out.xForwardedPrefix = prefix;
  if (bool("enable-cors", false)) {
    const origins = text("cors-allow-origin");
    const maxAge = int("cors-max-age", String(CORS_DEFAULTS.maxAge));
    out.cors = {
      allowOrigin:
        origins === undefined
          ? CORS_DEFAULTS.allowOrigin
          : origins
              .split(",")
              .map((o) => o.trim())
              .filter((o) => o !== ""),
      allowMethods: text("cors-allow-methods") ?? CORS_DEFAULTS.allowMethods,
      allowHeaders: text("cors-allow-headers") ?? CORS_DEFAULTS.allowHeaders,
      exposeHeaders: text("cors-expose-headers") ?? CORS_DEFAULTS.exposeHeaders,
      allowCredentials: bool("cors-allow-credentials", true),
      maxAge: maxAge ?? CORS_DEFAULTS.maxAge,
    };
  }
  for (const [name, value] of [...values].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (MODELLED_ANNOTATIONS.includes(name)) continue;
    if (NOTE_ANNOTATIONS.includes(name)) out.notes.push({ annotation: NGINX_PREFIX + name, value });
    else {
      out.notSimulated.push(NGINX_PREFIX + name);
      if (UNPORTABLE_ANNOTATIONS.includes(name)) out.unportable.push(NGINX_PREFIX + name);
    }
  }
  return out;
}

function readCanary(
  values: ReadonlyMap<string, string>,
  int: (name: string, fallback: string) => number | undefined,
  invalid: IngressAnnotations["invalid"],
): CanaryConfig {
  // canary/main.go: an unset or invalid weight is 0 and an unset or invalid total 100 (strconv.Atoi
  // refuses "1e400" or "2.5"); balancer.lua sends a request to the canary when a draw in
  // 1..total is at most the weight, and honours only totals above 100.
  const weight = int("canary-weight", "0 (the canary gets no traffic)") ?? 0;
  const total = int("canary-weight-total", "100") ?? 100;
  const weightTotal = total > 100 ? total : 100;
  if (total !== weightTotal)
    invalid.push({
      annotation: "canary-weight-total",
      reason: `${total} is not above 100, and ingress-nginx honours only totals above 100; it uses 100`,
    });
  if (weight < 0)
    invalid.push({
      annotation: "canary-weight",
      reason: `${weight} is negative: no draw is at or below it, so the canary gets no traffic (gwsim uses 0)`,
    });
  else if (weight > weightTotal)
    invalid.push({
      annotation: "canary-weight",
      reason: `${weight} is above the total ${weightTotal}: every draw is at or below it, so the canary gets all the traffic (gwsim uses ${weightTotal})`,
    });
  const canary: CanaryConfig = {
    weight: Math.min(Math.max(0, weight), weightTotal),
    weightTotal,
  };
  const header = values.get("canary-by-header")?.trim();
  if (header) canary.header = header;
  const value = values.get("canary-by-header-value");
  if (value) canary.headerValue = value;
  const pattern = values.get("canary-by-header-pattern");
  if (pattern) canary.headerPattern = pattern;
  const cookie = values.get("canary-by-cookie")?.trim();
  if (cookie) canary.cookie = cookie;
  return canary;
}

/** Go's strconv.ParseBool, which the annotation parser uses. */
function parseGoBool(v: string): boolean | undefined {
  if (["1", "t", "T", "TRUE", "true", "True"].includes(v)) return true;
  if (["0", "f", "F", "FALSE", "false", "False"].includes(v)) return false;
  return undefined;
}
