/**
 * The nginx configuration ingress-nginx generates for the Ingresses of one class, as data: one
 * server per host plus the catch-all "_", each with its locations in the order nginx.tmpl writes
 * them. Reproduces internal/ingress/controller/controller.go (createServers, getBackendServers,
 * mergeAlternativeBackends), location.go (updateServerLocations) and template.go
 * (enforceRegexModifier, buildLocation, buildServerName). Our own code: read, never copied.
 */
import { compileSearchRegex, type SearchRegex } from "../match/regex";
import type {
  CanaryConfig,
  IngressAnnotations,
  IngressModel,
  IngressPathType,
  IngressServiceBackend,
} from "./ingressTypes";

/** controller.go defServerName. */
export const CATCH_ALL = "_";

export type LocationModifier = "=" | "" | "~*";

export interface NginxLocation {
  /** The location path after updateServerLocations (a Prefix path gains its trailing "/"). */
  path: string;
  /** The path as the Ingress wrote it ("/" for the root location). */
  ingressPath: string;
  pathType: IngressPathType;
  /** The Ingress's own pathType when ingress-nginx matches it as another (ImplementationSpecific). */
  writtenPathType?: string;
  /** `=` exact, `` prefix, `~*` case-insensitive regex (every location of a host with use-regex or rewrite). */
  modifier: LocationModifier;
  /** Added by updateServerLocations so /foo (Prefix) also answers /foo without nginx's slash redirect. */
  addedExact: boolean;
  /** The root location ingress-nginx creates for every server, still pointing at the default backend. */
  isDefaultBackend: boolean;
  /** The Ingress whose annotations shape this location (undefined: the controller's own catch-all). */
  ingress?: IngressModel;
  /** Undefined: the controller's default backend, which answers 404. */
  service?: IngressServiceBackend;
  annotations?: IngressAnnotations;
  regex?: SearchRegex;
  /** Why the location regex cannot run here (PCRE-only syntax): the location never matches. */
  regexError?: string;
}

export interface NginxServer {
  hostname: string;
  /** For `*.example.com`: buildServerName's `~^(?<subdomain>[\w-]+)\.example\.com$`, one label only. */
  wildcardSuffix?: string;
  locations: NginxLocation[];
  enforceRegex: boolean;
  /** app-root is written at server level (`if ($uri = /)`), from the first location that sets it. */
  appRoot?: string;
  /** The Ingress TLS section that gives this host a certificate. */
  tls?: { ingress: IngressModel; secretName?: string };
}

/**
 * A server BuildRedirects (pkg/util/ingress) adds for from-to-www-redirect: `from` (the host with
 * `www.` added, or removed) answers every request with a redirect to `to`.
 */
export interface WwwRedirect {
  from: string;
  to: string;
  /** The Ingress whose location asked for it (the first in controller order). */
  ingress: IngressModel;
  /**
   * Whether `to`'s certificate names `from` too (ssl.IsValidHostname on its names): then HTTPS to
   * `from` is answered with it; otherwise with the controller's default certificate. gwsim reads
   * the certificate's names as the hosts of the tls section that gave it.
   */
  certificateCoversFrom: boolean;
}

export interface CanaryBackend {
  ingress: IngressModel;
  service: IngressServiceBackend;
  config: CanaryConfig;
}

export interface NginxConfig {
  className: string;
  /** Ingresses in the order the controller reads them (creationTimestamp, then namespace/name descending). */
  ingresses: IngressModel[];
  servers: Map<string, NginxServer>;
  /** Primary upstream ("ns/name:port") → its alternative backend (only the first is used, balancer.lua). */
  canaries: Map<string, CanaryBackend>;
  /** from-to-www-redirect servers, by the host they answer (`from`). */
  wwwRedirects: Map<string, WwwRedirect>;
  /** Configuration facts worth telling the user (ignored canaries, duplicate paths, regexes RE2 refuses). */
  findings: { ingress: string; message: string }[];
}

export function upstreamOf(namespace: string, service: IngressServiceBackend): string {
  return `${namespace}/${service.name}:${service.port}`;
}

/** store.go sortIngressSlice: oldest first; equal timestamps by namespace/name, descending. */
export function sortIngresses(ingresses: readonly IngressModel[]): IngressModel[] {
  return [...ingresses].sort((a, b) => {
    const ta = a.creationTimestamp ?? "\uffff";
    const tb = b.creationTimestamp ?? "\uffff";
    if (ta !== tb) return ta < tb ? -1 : 1;
    const na = `${a.namespace}/${a.name}`;
    const nb = `${b.namespace}/${b.name}`;
    return na > nb ? -1 : na < nb ? 1 : 0;
  });
}

export function buildNginxConfig(className: string, all: readonly IngressModel[]): NginxConfig {
  const ingresses = sortIngresses(all.filter((i) => i.className === className));
  const findings: NginxConfig["findings"] = [];
  const servers = new Map<string, NginxServer>();
  const root = (
    ingress: IngressModel | undefined,
    service: IngressServiceBackend | undefined,
  ): NginxLocation => ({
    path: "/",
    ingressPath: "/",
    pathType: "Prefix",
    modifier: "",
    addedExact: false,
    isDefaultBackend: true,
    ...(ingress ? { ingress, annotations: ingress.annotations } : {}),
    ...(service ? { service } : {}),
  });
  servers.set(CATCH_ALL, {
    hostname: CATCH_ALL,
    locations: [root(undefined, undefined)],
    enforceRegex: false,
  });
  const primaries = ingresses.filter((i) => !i.annotations.canary);

  // createServers: every host gets a root location pointing at the Ingress's default backend (or
  // the controller's); an Ingress with a default backend and no rules takes over the catch-all.
  for (const ing of primaries) {
    if (ing.defaultBackend && ing.rules.length === 0) {
      const catchAll = servers.get(CATCH_ALL)?.locations[0];
      if (catchAll && catchAll.service === undefined) {
        catchAll.service = ing.defaultBackend;
        catchAll.ingress = ing;
        catchAll.isDefaultBackend = false;
      }
    }
    for (const rule of ing.rules) {
      const host = rule.host || CATCH_ALL;
      if (servers.has(host)) continue;
      const server: NginxServer = {
        hostname: host,
        locations: [root(ing, ing.defaultBackend)],
        enforceRegex: false,
      };
      if (host.startsWith("*.")) server.wildcardSuffix = host.slice(1);
      servers.set(host, server);
    }
  }
  // TLS: the first Ingress (in controller order) naming the host in a tls section gives it its certificate.
  for (const ing of primaries) {
    for (const t of ing.tls) {
      for (const h of t.hosts) {
        const server = servers.get(h);
        if (server && !server.tls)
          server.tls = { ingress: ing, ...(t.secretName ? { secretName: t.secretName } : {}) };
      }
    }
  }
  // getBackendServers: one location per (path, pathType); the first Ingress to claim it keeps it,
  // except the root location, which a rule for "/" (Prefix) replaces.
  for (const ing of primaries) {
    for (const rule of ing.rules) {
      const server = servers.get(rule.host || CATCH_ALL);
      if (!server) continue;
      for (const p of rule.paths) {
        if (!p.service) {
          findings.push({
            ingress: label(ing),
            message: `${rule.host || "*"}${p.path || "/"}: a resource backend is not a Service; ingress-nginx skips the path (its default backend answers).`,
          });
          continue;
        }
        const path = p.path || "/";
        const same = server.locations.find(
          (l) => l.ingressPath === path && l.pathType === p.pathType && !l.addedExact,
        );
        if (same && !same.isDefaultBackend) {
          findings.push({
            ingress: label(ing),
            message: `${server.hostname}${path} (${p.pathType}) is already served by Ingress ${same.ingress ? label(same.ingress) : "?"}; ingress-nginx keeps the older one.`,
          });
          continue;
        }
        if (same) {
          Object.assign(same, {
            ...(p.writtenPathType !== undefined ? { writtenPathType: p.writtenPathType } : {}),
            service: p.service,
            ingress: ing,
            annotations: ing.annotations,
            isDefaultBackend: false,
          });
          continue;
        }
        server.locations.push({
          path,
          ingressPath: path,
          pathType: p.pathType,
          ...(p.writtenPathType !== undefined ? { writtenPathType: p.writtenPathType } : {}),
          modifier: "",
          addedExact: false,
          isDefaultBackend: false,
          ingress: ing,
          service: p.service,
          annotations: ing.annotations,
        });
      }
    }
  }
  const canaries = mergeCanaries(ingresses, servers, findings);
  for (const server of servers.values()) finishServer(server, findings);
  const wwwRedirects = buildWwwRedirects(servers, findings);
  return { className, ingresses, servers, canaries, wwwRedirects, findings };
}

/**
 * BuildRedirects: a server with a location of an Ingress that sets from-to-www-redirect gets a
 * redirect server for its `www.` twin (or, for `www.` hosts, the apex), unless a server of that
 * name exists already (the controller logs a warning and skips it). Servers in hostname order, as
 * the controller sorts them.
 */
function buildWwwRedirects(
  servers: ReadonlyMap<string, NginxServer>,
  findings: NginxConfig["findings"],
): Map<string, WwwRedirect> {
  const out = new Map<string, WwwRedirect>();
  const names = [...servers.keys()].sort();
  for (const to of names) {
    const server = servers.get(to) as NginxServer;
    const owner = server.locations.find(
      (l) => !l.isDefaultBackend && l.annotations?.fromToWwwRedirect === true,
    )?.ingress;
    if (!owner || to === CATCH_ALL) continue;
    if (to.startsWith("*.")) {
      findings.push({
        ingress: label(owner),
        message: `${to}: from-to-www-redirect on a wildcard host would make a server named www.${to}, which gwsim does not model; no redirect is simulated.`,
      });
      continue;
    }
    const from = to.startsWith("www.") ? to.slice(4) : `www.${to}`;
    if (servers.has(from)) {
      findings.push({
        ingress: label(owner),
        message: `from-to-www-redirect: ${from} has its own server (an Ingress rule names it), so ingress-nginx creates no redirect from ${from} to ${to}.`,
      });
      continue;
    }
    const tlsHosts = server.tls?.ingress.tls.find((t) => t.hosts.includes(to))?.hosts ?? [];
    out.set(from, {
      from,
      to,
      ingress: owner,
      certificateCoversFrom: tlsHosts.some((h) => hostnameCovers(h, from)),
    });
  }
  return out;
}

/** ssl.IsValidHostname: an exact name, or a `*.` name covering exactly one more label. */
function hostnameCovers(name: string, host: string): boolean {
  if (name === host) return true;
  const dot = host.indexOf(".");
  return name.startsWith("*.") && dot > 0 && host.slice(dot) === name.slice(1);
}

function label(ing: IngressModel): string {
  return `${ing.namespace}/${ing.name}`;
}

/**
 * mergeAlternativeBackends: a canary path joins the primary upstream of the location with the same
 * host, path and pathType, unless a location created before it already uses the canary's Service as
 * its primary; the canary then applies to every location using that upstream.
 */
function mergeCanaries(
  ingresses: IngressModel[],
  servers: Map<string, NginxServer>,
  findings: NginxConfig["findings"],
): Map<string, CanaryBackend> {
  const canaries = new Map<string, CanaryBackend>();
  for (const ing of ingresses) {
    const config = ing.annotations.canary;
    if (!config) continue;
    const claims: {
      host: string;
      path?: string;
      pathType?: IngressPathType;
      service: IngressServiceBackend;
    }[] = [];
    if (ing.defaultBackend) claims.push({ host: CATCH_ALL, service: ing.defaultBackend });
    for (const rule of ing.rules)
      for (const p of rule.paths)
        if (p.service)
          claims.push({
            host: rule.host || CATCH_ALL,
            path: p.path || "/",
            pathType: p.pathType,
            service: p.service,
          });
    for (const claim of claims) {
      const server = servers.get(claim.host);
      const alt = upstreamOf(ing.namespace, claim.service);
      // The controller walks the host's locations in creation order and stops at the first one whose
      // primary upstream is the canary's own (its Service already serves that location): a matching
      // location after it is never reached. A catch-all claim joins every location it reaches.
      let merged = false;
      let blockedBy: NginxLocation | undefined;
      for (const l of server?.locations ?? []) {
        if (!l.service || !l.ingress) continue;
        const primary = upstreamOf(l.ingress.namespace, l.service);
        if (primary === alt) {
          blockedBy = l;
          break;
        }
        if (
          claim.path !== undefined &&
          (l.ingressPath !== claim.path || l.pathType !== claim.pathType)
        )
          continue;
        merged = true;
        if (!canaries.has(primary))
          canaries.set(primary, { ingress: ing, service: claim.service, config });
      }
      if (merged) continue;
      const where = `${claim.host === CATCH_ALL ? "*" : claim.host}${claim.path ?? ""}`;
      if (blockedBy?.ingress && (claim.path === undefined || blockedBy.ingressPath !== claim.path))
        findings.push({
          ingress: label(ing),
          message: `canary ${where}: its backend ${alt} is the primary backend of ${blockedBy.ingressPath} (Ingress ${label(blockedBy.ingress)}), which ingress-nginx reaches first; it stops there and ignores the canary for this path.`,
        });
      else if (blockedBy)
        findings.push({
          ingress: label(ing),
          message: `canary backend ${alt} is the primary backend itself; ingress-nginx ignores it.`,
        });
      else
        findings.push({
          ingress: label(ing),
          message: `canary ${where}: no Ingress without the canary annotation serves this host and path, so ingress-nginx ignores the canary.`,
        });
    }
  }
  return canaries;
}

/** updateServerLocations, then the location modifiers of buildLocation, then the regexes. */
function finishServer(server: NginxServer, findings: NginxConfig["findings"]): void {
  // getBackendServers sorts by path (descending), then stably by path length (descending).
  const sorted = [...server.locations]
    .sort((a, b) => (a.path > b.path ? -1 : a.path < b.path ? 1 : 0))
    .sort((a, b) => b.path.length - a.path.length);
  const exactPaths = new Set(sorted.filter((l) => l.pathType === "Exact").map((l) => l.path));
  const locations: NginxLocation[] = [];
  for (const l of sorted) {
    if (l.path === "/" || l.pathType !== "Prefix" || needsRewrite(l) || l.annotations?.useRegex) {
      locations.push(l);
      continue;
    }
    const normalized = l.path.endsWith("/") ? l.path : `${l.path}/`;
    if (exactPaths.has(l.path)) {
      locations.push({ ...l, path: normalized });
      continue;
    }
    locations.push(
      { ...l, path: normalized },
      { ...l, path: l.path, pathType: "Exact", addedExact: true },
    );
  }
  server.enforceRegex = locations.some((l) => needsRewrite(l) || l.annotations?.useRegex === true);
  const appRoot = locations.find((l) => l.annotations?.appRoot !== undefined)?.annotations?.appRoot;
  if (appRoot !== undefined) server.appRoot = appRoot;
  for (const l of locations) {
    l.modifier = server.enforceRegex ? "~*" : l.pathType === "Exact" ? "=" : "";
    if (!server.enforceRegex) continue;
    const compiled = compileSearchRegex(`^${l.path}`, true);
    if (compiled.ok) l.regex = compiled.regex;
    else {
      l.regexError = compiled.error;
      findings.push({
        ingress: l.ingress ? label(l.ingress) : "-",
        message: `${server.hostname}: location ~* "^${l.path}" is PCRE that RE2 cannot run (${compiled.error}); the model treats it as never matching.`,
      });
    }
  }
  server.locations = locations;
}

/** template.go needsRewrite: a rewrite target that differs from the location path. */
export function needsRewrite(l: Pick<NginxLocation, "annotations" | "path">): boolean {
  const target = l.annotations?.rewriteTarget;
  return target !== undefined && target !== "" && target !== l.path;
}
