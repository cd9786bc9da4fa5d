/**
 * Proof of equivalence: the requests that tell ingress-nginx and Gateway API behaviour apart, sent
 * through the ingress-nginx model and through the converted (or user-edited) Gateway API
 * configuration on gwsim's own router, with every difference listed next to both traces and why.
 */
import { analyze } from "../analyze";
import { loadValidated } from "../validate/loadValidated";
import { printTrace } from "../print/printTrace";
import { formatShare } from "../present/formatShare";
import { compileRouter } from "../routing/compileRouter";
import type { SimRequest } from "../simulate/types";
import { traceRequest } from "../simulate/traceRequest";
import type { RequestTrace } from "../simulate/traceTypes";
import type { Diagnostic, Manifest, SourceFile } from "../types";
import {
  CATCH_ALL,
  upstreamOf,
  type NginxConfig,
  type NginxLocation,
  type NginxServer,
} from "./buildNginxConfig";
import { convertIngresses, type Conversion } from "./convertIngresses";
import { duplicateIngressFindings } from "./duplicateIngressFindings";
import { printConversion } from "./printConversion";
import { printIngressTrace } from "./printIngressTrace";
import { routeIngressRequest, type IngressRequest, type IngressTrace } from "./routeIngressRequest";

/** A request of the equivalence check; `className` picks the controller when there are several. */
export interface MigrationRequest extends IngressRequest {
  className?: string;
  /** A gRPC call (HTTP/2 POST /service/method): Gateway API routes it by GRPCRoute first. */
  grpc?: { service: string; method: string };
}

export interface SideResult {
  status: number;
  /** "ns/name:port", "a 90% + b 10%", or null when nothing is forwarded. */
  backend: string | null;
  /** The path the backend receives, or the redirect's Location. */
  path: string | null;
}

export interface MigrationDifference {
  request: {
    scheme: string;
    host: string;
    method: string;
    path: string;
    headers: Record<string, string>;
  };
  ingress: SideResult;
  gatewayApi: SideResult;
  why: string;
  ingressTrace: string;
  gatewayApiTrace: string;
}

export interface MigrationReport {
  gatewayApi: string;
  notSimulated: { ingress: string; annotation: string }[];
  findings: Conversion["findings"];
  equivalence: { requests: number; same: number; different: MigrationDifference[] };
  /** Diagnostics of the Gateway API YAML when the user edited it (located in "gateway-api.yaml"). */
  gatewayApiErrors: string[];
  /**
   * What loading and validating the input found (syntax, duplicates, fields the API server would
   * drop, …): the diagnostics `gwsim check` prints before the status, for the same input.
   */
  inputDiagnostics: Diagnostic[];
}

export interface CompareOptions {
  /** The Gateway API YAML to check instead of the generated one (the user's edit). */
  gatewayApiYaml?: string;
  /** Requests the user saved, sent after the generated ones. */
  requests?: readonly MigrationRequest[];
  /** Cap on generated requests (untrusted input). */
  maxRequests?: number;
}

export const GATEWAY_API_FILE = "gateway-api.yaml";

const REGEX_META = /[.*+?()[\]{}|^$\\]/;

export function compareMigration(
  sources: readonly SourceFile[],
  options: CompareOptions = {},
): MigrationReport {
  // The typed view: the Ingress model reads only fields of their declared types.
  const loaded = loadValidated(sources);
  const manifests = loaded.manifests;
  const conversion = convertIngresses(manifests);
  // Findings lead the header: an Ingress missing from the output matters before any rule does.
  conversion.findings = [
    ...duplicateIngressFindings(loaded.loadDiagnostics, manifests),
    ...conversion.findings,
  ];
  const generated = printConversion(conversion);
  const gatewayApi = options.gatewayApiYaml ?? generated;
  // Services and Secrets of the input are cluster state both sides share.
  const inputServices = manifests.filter(
    (m) => (m.kind === "Service" || m.kind === "Secret") && m.modelled,
  );
  const gatewayFiles: SourceFile[] = [{ name: GATEWAY_API_FILE, text: gatewayApi }];
  const stubs = simulationStubs(gatewayApi, inputServices);
  const analysis = analyze([
    {
      name: "services.yaml",
      text: inputServices.map((m) => JSON.stringify(m.body)).join("\n---\n"),
    },
    ...gatewayFiles,
    { name: "stubs.yaml", text: stubs },
  ]);
  const gatewayApiErrors = analysis.diagnostics
    .filter((d) => d.file === GATEWAY_API_FILE && d.severity === "error")
    .map((d) => `${d.file}:${d.line}:${d.column} ${d.code} ${d.message}`);
  const router = compileRouter(analysis);
  const ports = servicePorts(inputServices.filter((m) => m.kind === "Service"));
  const requests: { config: NginxConfig; req: MigrationRequest }[] = [];
  for (const config of conversion.configs)
    for (const req of generateRequests(config)) requests.push({ config, req });
  const cap = options.maxRequests ?? 5000;
  requests.splice(cap);
  for (const req of options.requests ?? []) {
    const config = conversion.configs.find(
      (c) => c.className === (req.className ?? conversion.configs[0]?.className),
    );
    if (config) requests.push({ config, req });
  }
  const different: MigrationDifference[] = [];
  for (const { config, req } of requests) {
    const gateway = conversion.gateways.find((g) => g.className === config.className)?.gateway;
    const ing = routeIngressRequest(config, req);
    const sim: SimRequest = {
      scheme: req.scheme,
      host: req.host,
      method: req.method ?? "GET",
      path: req.path,
      headers: req.headers ?? {},
      ...(gateway ? { gateway } : {}),
      ...(req.grpc ? { grpc: req.grpc } : {}),
    };
    const gw = traceRequest(router, sim);
    const left = ingressSide(ing, ports);
    const right = gatewaySide(gw);
    if (sameSide(left, right)) continue;
    different.push({
      request: {
        scheme: req.scheme,
        host: req.host,
        method: req.method ?? "GET",
        path: req.path,
        headers: req.headers ?? {},
      },
      ingress: left,
      gatewayApi: right,
      why: explain(ing, gw, req, config, left, right),
      ingressTrace: printIngressTrace(ing),
      gatewayApiTrace: printTrace(gw),
    });
  }
  return {
    gatewayApi,
    notSimulated: conversion.notSimulated,
    findings: conversion.findings,
    equivalence: { requests: requests.length, same: requests.length - different.length, different },
    gatewayApiErrors,
    inputDiagnostics: [...loaded.loadDiagnostics, ...loaded.validationDiagnostics],
  };
}

/**
 * The Gateway API side needs the cluster objects the Ingresses relied on but the input may not
 * hold: the GatewayClass, the TLS Secrets and the Services. They are assumed to exist (they did for
 * ingress-nginx) and are never written to the output.
 */
function simulationStubs(gatewayApi: string, inputServices: readonly Manifest[]): string {
  const loaded = loadValidated([{ name: GATEWAY_API_FILE, text: gatewayApi }]).manifests;
  const docs: string[] = [];
  const have = new Set(
    inputServices.map((m) =>
      m.kind === "Service" ? `${m.namespace}/${m.name}` : `${m.kind}/${m.namespace}/${m.name}`,
    ),
  );
  const wanted = new Map<string, Set<number>>();
  const secrets = new Set<string>();
  const classes = new Set<string>();
  for (const m of loaded) {
    if (m.kind === "Gateway") {
      if (typeof m.spec.gatewayClassName === "string") classes.add(m.spec.gatewayClassName);
      for (const l of asArray(m.spec.listeners)) {
        for (const ref of asArray(asObject(asObject(l).tls).certificateRefs)) {
          const r = asObject(ref);
          if (typeof r.name === "string")
            secrets.add(`${typeof r.namespace === "string" ? r.namespace : m.namespace}/${r.name}`);
        }
      }
    }
    if (m.kind !== "HTTPRoute" && m.kind !== "GRPCRoute") continue;
    for (const rule of asArray(m.spec.rules)) {
      for (const ref of asArray(asObject(rule).backendRefs)) {
        const r = asObject(ref);
        if (typeof r.name !== "string" || (r.kind !== undefined && r.kind !== "Service")) continue;
        const key = `${typeof r.namespace === "string" ? r.namespace : m.namespace}/${r.name}`;
        if (have.has(key)) continue;
        const set = wanted.get(key) ?? new Set<number>();
        if (typeof r.port === "number") set.add(r.port);
        wanted.set(key, set);
      }
    }
  }
  for (const c of classes)
    docs.push(
      JSON.stringify({
        apiVersion: "gateway.networking.k8s.io/v1",
        kind: "GatewayClass",
        metadata: { name: c },
        spec: { controllerName: "gwsim.dev/migration" },
      }),
    );
  for (const s of secrets) {
    const [namespace, name] = s.split("/");
    if (have.has(`Secret/${s}`)) continue;
    const pem = (label: string) =>
      `-----BEGIN ${label}-----\nassumed present in the cluster\n-----END ${label}-----\n`;
    docs.push(
      JSON.stringify({
        apiVersion: "v1",
        kind: "Secret",
        type: "kubernetes.io/tls",
        metadata: { name, namespace },
        stringData: { "tls.crt": pem("CERTIFICATE"), "tls.key": pem("PRIVATE KEY") },
      }),
    );
  }
  for (const [key, portSet] of wanted) {
    const [namespace, name] = key.split("/");
    const list = [...portSet].filter((p) => p > 0 && p < 65536);
    docs.push(
      JSON.stringify({
        apiVersion: "v1",
        kind: "Service",
        metadata: { name, namespace },
        spec: { ports: list.map((port) => ({ name: `p${port}`, port })) },
      }),
    );
  }
  return docs.join("\n---\n");
}

function servicePorts(services: readonly Manifest[]): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();
  for (const m of services) {
    const ports = new Map<string, number>();
    for (const p of asArray(m.spec.ports)) {
      const o = asObject(p);
      if (typeof o.name === "string" && typeof o.port === "number") ports.set(o.name, o.port);
    }
    out.set(`${m.namespace}/${m.name}`, ports);
  }
  return out;
}

/** The requests that tell ingress-nginx's matching apart from Gateway API's, per location. */
export function generateRequests(config: NginxConfig): MigrationRequest[] {
  const out = new Map<string, MigrationRequest>();
  const add = (r: MigrationRequest) => {
    const key = JSON.stringify([
      r.scheme,
      r.host,
      r.method ?? "GET",
      r.path,
      r.headers ?? {},
      r.grpc ?? null,
    ]);
    if (!out.has(key)) out.set(key, { ...r, className: config.className });
  };
  const servers = [...config.servers.values()];
  for (const server of servers) {
    const hosts = hostsFor(server);
    const schemes: ("http" | "https")[] = server.tls ? ["http", "https"] : ["http"];
    for (const loc of server.locations) {
      if (loc.addedExact) continue;
      for (const path of pathsFor(loc, server)) {
        for (const host of hosts)
          for (const scheme of schemes) add({ scheme, host, path, ...grpcCall(loc, path) });
      }
      const canary =
        loc.service && loc.ingress
          ? config.canaries.get(upstreamOf(loc.ingress.namespace, loc.service))
          : undefined;
      if (!canary) continue;
      const c = canary.config;
      const variants: Record<string, string>[] = [];
      if (c.header) {
        for (const v of ["always", "never", "other", ...(c.headerValue ? [c.headerValue] : [])])
          variants.push({ [c.header]: v });
      }
      if (c.cookie)
        for (const v of ["always", "never"]) variants.push({ cookie: `${c.cookie}=${v}` });
      const path = samplePath(loc);
      for (const headers of variants)
        for (const host of hosts)
          for (const scheme of schemes) add({ scheme, host, path, headers });
    }
  }
  for (const www of config.wwwRedirects.values()) {
    const schemes: ("http" | "https")[] = config.servers.get(www.to)?.tls
      ? ["http", "https"]
      : ["http"];
    for (const path of ["/", "/x", "/x/", "/x/?q=1"])
      for (const scheme of schemes) add({ scheme, host: www.from, path });
  }
  return [...out.values()];
}

function hostsFor(server: NginxServer): string[] {
  if (server.hostname === CATCH_ALL) return ["unknown-host.invalid"];
  if (server.wildcardSuffix !== undefined)
    return [`a${server.wildcardSuffix}`, `a.b${server.wildcardSuffix}`];
  return [server.hostname];
}

/**
 * A backend-protocol GRPC location receives gRPC calls: a path `/pkg.Service/Method` is sent as
 * that call (POST), a service prefix as a call to its method `Call`.
 */
function grpcCall(loc: NginxLocation, path: string): Partial<MigrationRequest> {
  const protocol = loc.annotations?.backendProtocol;
  if (protocol !== "GRPC" && protocol !== "GRPCS") return {};
  const m = /^\/([A-Za-z_][\w.]*)(?:\/([A-Za-z_]\w*))?\/?$/.exec(path);
  if (!m) return {};
  const service = m[1] as string;
  const method = m[2] ?? "Call";
  return {
    method: "POST",
    path: `/${service}/${method}`,
    grpc: { service, method },
    headers: { "content-type": "application/grpc" },
  };
}

/** The literal start of a location path: the part before the first regex character (regex paths only). */
function samplePath(loc: NginxLocation): string {
  const regex =
    loc.annotations?.useRegex === true ||
    (loc.annotations?.rewriteTarget !== undefined && loc.annotations.rewriteTarget !== loc.path);
  if (!regex) return loc.ingressPath;
  const m = /^[^.*+?()[\]{}|^$\\]*/.exec(loc.ingressPath);
  const literal = m?.[0] ?? "/";
  return literal === loc.ingressPath
    ? literal
    : `${literal}${literal.endsWith("/") ? "" : "/"}x`.replace(/\/\/x$/, "/x");
}

function pathsFor(loc: NginxLocation, server: NginxServer): string[] {
  const p = samplePath(loc);
  const paths = [p];
  const trimmed = p.endsWith("/") ? p.slice(0, -1) : p;
  if (p !== "/") paths.push(p.endsWith("/") ? trimmed : `${p}/`, `${trimmed}/x`, `${trimmed}x`);
  else paths.push("/x", "/x/y");
  if (server.enforceRegex && /[a-z]/.test(p)) paths.push(p.toUpperCase());
  return paths;
}

function ingressSide(trace: IngressTrace, ports: Map<string, Map<string, number>>): SideResult {
  const o = trace.outcome;
  if (o.redirect)
    return { status: o.status, backend: null, path: normalizeLocation(o.redirect.location) };
  if (o.kind !== "forwarded") return { status: o.status, backend: null, path: null };
  const backend = o.backends
    .map((b) => ({ target: resolvePort(b.target, ports), share: b.share }))
    .sort((a, b) => (a.target < b.target ? -1 : 1))
    .map((b) => (b.share === 1 ? b.target : `${b.target} ${formatShare(b.share)}`))
    .join(" + ");
  return { status: o.status, backend, path: o.request?.path ?? null };
}

function gatewaySide(trace: RequestTrace): SideResult {
  const o = trace.outcome;
  if (o.redirect)
    return { status: o.status, backend: null, path: normalizeLocation(o.redirect.location) };
  if (o.kind !== "forwarded") return { status: o.status, backend: null, path: null };
  const backend = o.backends
    .filter((b) => b.share > 0)
    .map((b) => ({ target: b.target, share: b.share }))
    .sort((a, b) => (a.target < b.target ? -1 : 1))
    .map((b) => (b.share === 1 ? b.target : `${b.target} ${formatShare(b.share)}`))
    .join(" + ");
  const req = o.request;
  return { status: o.status, backend, path: req ? req.path : null };
}

function resolvePort(target: string, ports: Map<string, Map<string, number>>): string {
  const m = /^(.*):([^:]+)$/.exec(target);
  if (!m || /^\d+$/.test(m[2] as string)) return target;
  const number = ports.get(m[1] as string)?.get(m[2] as string);
  return number === undefined ? target : `${m[1]}:${number}`;
}

/** `https://h`, `https://h/` and `https://h:443/` are the same target. */
function normalizeLocation(location: string): string {
  const m = /^(https?):\/\/([^/?#:]+)(?::(\d+))?(.*)$/i.exec(location);
  if (!m) return location;
  const [, scheme = "", host = "", port, rest = ""] = m;
  const defaultPort = scheme.toLowerCase() === "https" ? "443" : "80";
  const authority = port === undefined || port === defaultPort ? host : `${host}:${port}`;
  return `${scheme}://${authority}${rest === "" || rest.startsWith("?") ? `/${rest}` : rest}`;
}

function sameSide(a: SideResult, b: SideResult): boolean {
  return a.status === b.status && a.backend === b.backend && a.path === b.path;
}

function explain(
  ing: IngressTrace,
  gw: RequestTrace,
  req: MigrationRequest,
  config: NginxConfig,
  left: SideResult,
  right: SideResult,
): string {
  const www = config.wwwRedirects.get(ing.server.name);
  if (www !== undefined) {
    if (gw.outcome.kind === "connection-refused")
      return `the certificate of ${www.to} does not name ${www.from}: ingress-nginx answers HTTPS for it with its default certificate and redirects, the Gateway has no HTTPS listener for ${www.from}`;
    if (left.status === right.status)
      return `from-to-www-redirect: ingress-nginx drops one trailing "/" of the request URI when it redirects to ${www.to}; Gateway API keeps the path`;
  }
  const reasons: string[] = [];
  const server = config.servers.get(ing.server.name);
  if (gw.outcome.kind === "connection-refused" && req.scheme === "https" && !server?.tls) {
    return `ingress-nginx answers HTTPS for every host (with its default certificate when the Ingress has no tls section for ${req.host}); the Gateway has no HTTPS listener for ${req.host}, so the TLS handshake fails. Add the host to a tls section, or accept that HTTPS stops working for it`;
  }
  const loc = server?.locations.find(
    (l) =>
      ing.location !== undefined &&
      ing.candidates.some((c) => c.matched && c.location === ing.location) &&
      describe(l) === ing.location,
  );
  if (ing.server.why.includes("covers exactly one label"))
    reasons.push(
      `ingress-nginx's wildcard host covers exactly one label; a Gateway API wildcard hostname covers ${req.host} too`,
    );
  if (
    loc &&
    server?.enforceRegex &&
    loc.ingress &&
    !REGEX_META.test(loc.ingressPath) &&
    !loc.isDefaultBackend
  ) {
    const own =
      loc.annotations?.useRegex || loc.annotations?.rewriteTarget ? loc.ingress : undefined;
    const cause =
      own ??
      server.locations.find((l) => l.annotations?.useRegex || l.annotations?.rewriteTarget)
        ?.ingress;
    const gwType = loc.pathType === "Exact" ? "Exact" : "PathPrefix";
    reasons.push(
      `use-regex or rewrite-target on Ingress ${cause ? `${cause.namespace}/${cause.name}` : "?"} makes every path of ${server.hostname} a case-insensitive regex prefix (~* "^${loc.path}"), so ${loc.pathType} ${loc.ingressPath} matches ${req.path} in ingress-nginx; Gateway API matches ${gwType} ${loc.ingressPath} as written`,
    );
  } else if (server?.enforceRegex && req.path !== req.path.toLowerCase()) {
    reasons.push(
      `ingress-nginx matches the paths of ${server.hostname} case-insensitively (~*); Gateway API paths are case-sensitive`,
    );
  }
  if (ing.steps.some((s) => s.step === "location" && s.detail.includes("redirects")))
    reasons.push(
      `nginx answers ${req.path} with a 301 to the location ending in "/"; Gateway API's PathPrefix matches it directly`,
    );
  if (
    ing.steps.some((s) => s.step === "ssl-redirect") &&
    left.path !== right.path &&
    left.status === right.status
  )
    reasons.push(
      'ingress-nginx drops the trailing "/" when it redirects to HTTPS; Gateway API keeps the path',
    );
  if (reasons.length === 0)
    reasons.push(`ingress-nginx: ${ing.outcome.reason}; Gateway API: ${gw.outcome.reason}`);
  return reasons.join("; ");
}

function describe(l: NginxLocation): string {
  return l.modifier === "~*"
    ? `~* "^${l.path}"`
    : l.modifier === "="
      ? `= "${l.path}"`
      : `"${l.path}"`;
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function asObject(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}
