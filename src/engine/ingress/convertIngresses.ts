/**
 * Ingress (ingress-nginx) → Gateway API, written on the same nginx model the simulator runs, so the
 * conversion reads the configuration exactly as the controller builds it: one Gateway per
 * IngressClass, named after the class, in the namespace of its oldest Ingress (as ingress2gateway
 * does); an HTTP listener and one HTTPS listener per TLS host; per host and namespace an HTTPRoute
 * with rules in ingress-nginx's location order. Behaviour Gateway API cannot express becomes a
 * finding (and a comment in the YAML), never a silent drop.
 */
import type { Manifest } from "../types";
import {
  buildNginxConfig,
  CATCH_ALL,
  needsRewrite,
  type NginxConfig,
  type NginxLocation,
  type NginxServer,
  type WwwRedirect,
} from "./buildNginxConfig";
import type { IngressModel, IngressServiceBackend } from "./ingressTypes";
import { readIngresses } from "./readIngresses";
import { NGINX_PREFIX } from "./readAnnotations";
import { appendAll } from "../collections/appendAll";

export interface MigrationFinding {
  /** "namespace/name" of the Ingress, or "-" for the controller's own configuration. */
  ingress: string;
  severity: "warning" | "info";
  message: string;
}

/** One generated object with the comments written above it and above its rules. */
export interface GeneratedObject {
  body: Record<string, unknown>;
  comments: string[];
  /** Comments per index in spec.rules. */
  ruleComments: Record<number, string[]>;
}

export interface Conversion {
  objects: GeneratedObject[];
  findings: MigrationFinding[];
  notSimulated: { ingress: string; annotation: string }[];
  /** The nginx model per class, for the equivalence check. */
  configs: NginxConfig[];
  /** "namespace/name" of the Gateway generated for each class. */
  gateways: { className: string; gateway: string }[];
}

type Json = Record<string, unknown>;

/** The controller name ingress-nginx's IngressClass carries. */
const INGRESS_NGINX_CONTROLLER = "k8s.io/ingress-nginx";

const REGEX_META = /[.*+?()[\]{}|^$\\]/;
/** `P(/|$)(.*)` or `P/(.*)`: the classic prefix-strip that ReplacePrefixMatch expresses. */
const PREFIX_STRIP = /^(\/[^.*+?()[\]{}|^$\\]*?)(?:\(\/\|\$\)\(\.\*\)|\/\(\.\*\))$/;

export function convertIngresses(manifests: readonly Manifest[]): Conversion {
  const { ingresses, classes: ingressClasses } = readIngresses(manifests);
  const servicePorts = readServicePorts(manifests);
  const conversion: Conversion = {
    objects: [],
    findings: [],
    notSimulated: [],
    configs: [],
    gateways: [],
  };
  for (const ing of ingresses) {
    for (const annotation of ing.annotations.notSimulated)
      conversion.notSimulated.push({ ingress: `${ing.namespace}/${ing.name}`, annotation });
    // Values ingress-nginx would not take as written: say where, and what it uses instead.
    for (const bad of ing.annotations.invalid)
      conversion.findings.push({
        ingress: `${ing.namespace}/${ing.name}`,
        severity: "warning",
        message: `${ing.file}:${ing.line}: ${NGINX_PREFIX}${bad.annotation}: ${bad.reason}.`,
      });
  }
  const classes = [...new Set(ingresses.map((i) => i.className))].sort();
  for (const className of classes) {
    const config = buildNginxConfig(className, ingresses);
    conversion.configs.push(config);
    const controller = ingressClasses.find((c) => c.name === className)?.controller;
    if (controller !== undefined && controller !== INGRESS_NGINX_CONTROLLER) {
      conversion.findings.push({
        ingress: `IngressClass ${className}`,
        severity: "warning",
        message: `the class's controller is ${controller || "(none)"}, not ${INGRESS_NGINX_CONTROLLER}; gwsim converts and compares with ingress-nginx's behaviour, which that controller may not share.`,
      });
    }
    for (const f of config.findings)
      conversion.findings.push({ ingress: f.ingress, severity: "warning", message: f.message });
    convertClass(config, servicePorts, conversion);
  }
  return conversion;
}

function readServicePorts(manifests: readonly Manifest[]): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();
  for (const m of manifests) {
    if (m.kind !== "Service" || !m.modelled) continue;
    const ports = new Map<string, number>();
    for (const p of Array.isArray(m.spec.ports) ? m.spec.ports : []) {
      if (p && typeof p === "object" && typeof p.name === "string" && typeof p.port === "number")
        ports.set(p.name, p.port);
    }
    out.set(`${m.namespace}/${m.name}`, ports);
  }
  return out;
}

interface ClassContext {
  config: NginxConfig;
  gatewayName: string;
  gatewayNamespace: string;
  servicePorts: Map<string, Map<string, number>>;
  out: Conversion;
}

function convertClass(
  config: NginxConfig,
  servicePorts: Map<string, Map<string, number>>,
  out: Conversion,
): void {
  const primaries = config.ingresses.filter((i) => !i.annotations.canary);
  const first = primaries[0] ?? config.ingresses[0];
  if (!first) return;
  const ctx: ClassContext = {
    config,
    gatewayName: config.className,
    gatewayNamespace: first.namespace,
    servicePorts,
    out,
  };
  const namespaces = new Set(primaries.map((i) => i.namespace));
  const servers = [...config.servers.values()].sort((a, b) =>
    a.hostname === CATCH_ALL
      ? 1
      : b.hostname === CATCH_ALL
        ? -1
        : a.hostname < b.hostname
          ? -1
          : a.hostname > b.hostname
            ? 1
            : 0,
  );
  const listeners: Json[] = [
    {
      name: "http",
      protocol: "HTTP",
      port: 80,
      allowedRoutes: { namespaces: { from: namespaces.size > 1 ? "All" : "Same" } },
    },
  ];
  const listenerComments: string[] = [];
  const grants = new Map<string, Set<string>>();
  for (const server of servers) {
    if (!server.tls) continue;
    const secret = server.tls.secretName;
    const owner = `${server.tls.ingress.namespace}/${server.tls.ingress.name}`;
    if (!secret) {
      out.findings.push({
        ingress: owner,
        severity: "warning",
        message: `${server.hostname}: the tls section names no secretName (ingress-nginx serves its default certificate); no HTTPS listener was generated for it.`,
      });
      continue;
    }
    const ref: Json = { kind: "Secret", name: secret };
    if (server.tls.ingress.namespace !== ctx.gatewayNamespace) {
      ref.namespace = server.tls.ingress.namespace;
      const names = grants.get(server.tls.ingress.namespace) ?? new Set<string>();
      names.add(secret);
      grants.set(server.tls.ingress.namespace, names);
    }
    listeners.push({
      name: httpsListenerName(server.hostname),
      protocol: "HTTPS",
      port: 443,
      hostname: server.hostname,
      tls: { mode: "Terminate", certificateRefs: [ref] },
      allowedRoutes: { namespaces: { from: namespaces.size > 1 ? "All" : "Same" } },
    });
    listenerComments.push(`${server.hostname}: certificate from Ingress ${owner}`);
  }
  const wwwRedirects = [...config.wwwRedirects.values()].sort((a, b) =>
    a.from < b.from ? -1 : a.from > b.from ? 1 : 0,
  );
  for (const www of wwwRedirects) {
    const httpsTo = listeners.find((l) => l["hostname"] === www.to);
    // ingress-nginx answers HTTPS for `from` with `to`'s certificate only when it names `from`.
    if (!httpsTo || !www.certificateCoversFrom) continue;
    listeners.push({ ...httpsTo, name: httpsListenerName(www.from), hostname: www.from });
    listenerComments.push(
      `${www.from}: the certificate of ${www.to} (it names ${www.from}), for from-to-www-redirect`,
    );
  }
  out.gateways.push({
    className: config.className,
    gateway: `${ctx.gatewayNamespace}/${ctx.gatewayName}`,
  });
  out.objects.push({
    body: {
      apiVersion: "gateway.networking.k8s.io/v1",
      kind: "Gateway",
      metadata: { name: ctx.gatewayName, namespace: ctx.gatewayNamespace },
      spec: { gatewayClassName: config.className, listeners },
    },
    comments: [
      `Replaces IngressClass ${config.className}: the Ingresses ${config.ingresses.map((i) => `${i.namespace}/${i.name}`).join(", ")}.`,
      `gatewayClassName assumes a GatewayClass named ${config.className}; point it at your Gateway API implementation.`,
      ...listenerComments,
    ],
    ruleComments: {},
  });
  for (const [namespace, secrets] of [...grants].sort(([a], [b]) => (a < b ? -1 : 1))) {
    out.objects.push({
      body: {
        apiVersion: "gateway.networking.k8s.io/v1beta1",
        kind: "ReferenceGrant",
        metadata: { name: `${ctx.gatewayName}-${ctx.gatewayNamespace}-certificates`, namespace },
        spec: {
          from: [
            {
              group: "gateway.networking.k8s.io",
              kind: "Gateway",
              namespace: ctx.gatewayNamespace,
            },
          ],
          to: [...secrets].sort().map((name) => ({ group: "", kind: "Secret", name })),
        },
      },
      comments: [
        `Lets Gateway ${ctx.gatewayNamespace}/${ctx.gatewayName} read the TLS Secrets of namespace ${namespace}.`,
      ],
      ruleComments: {},
    });
  }
  for (const server of servers) convertServer(server, ctx);
  for (const www of wwwRedirects) convertWwwRedirect(www, listeners, ctx);
}

/**
 * from-to-www-redirect: an HTTPRoute for `from` whose one rule redirects to `to` with 308, keeping
 * the scheme and (as the listener's port is the default) the port, as ngx_srv_redirect.lua does.
 */
function convertWwwRedirect(www: WwwRedirect, listeners: readonly Json[], ctx: ClassContext): void {
  const namespace = www.ingress.namespace;
  const parent = (sectionName: string): Json => ({
    name: ctx.gatewayName,
    ...(namespace !== ctx.gatewayNamespace ? { namespace: ctx.gatewayNamespace } : {}),
    sectionName,
  });
  const https = httpsListenerName(www.from);
  const parents = [
    parent("http"),
    ...(listeners.some((l) => l["name"] === https) ? [parent(https)] : []),
  ];
  const redirect: RuleOut = {
    rule: {
      filters: [
        { type: "RequestRedirect", requestRedirect: { hostname: www.to, statusCode: 308 } },
      ],
    },
    comments: [
      `from-to-www-redirect: every request for ${www.from} answers 308 to ${www.to}. ingress-nginx also drops one trailing "/" of the path; Gateway API keeps it.`,
    ],
    sslRedirect: false,
  };
  ctx.out.objects.push(
    route(
      "HTTPRoute",
      `${www.ingress.name}-redirect-${www.from.replace(/\./g, "-")}`,
      namespace,
      { hostnames: [www.from] },
      parents,
      [redirect],
      [`Converted from from-to-www-redirect on Ingress ${namespace}/${www.ingress.name}.`],
    ),
  );
  if (!parents.some((p) => p["sectionName"] === https) && ctx.config.servers.get(www.to)?.tls)
    ctx.out.findings.push({
      ingress: `${namespace}/${www.ingress.name}`,
      severity: "warning",
      message: `${www.from}: the certificate of ${www.to} does not name ${www.from} (its tls hosts), so ingress-nginx answers HTTPS for ${www.from} with its default certificate; the Gateway gets no HTTPS listener for it. Add ${www.from} to the tls hosts (and the certificate) to redirect HTTPS too.`,
    });
}

export function httpsListenerName(host: string): string {
  return `https-${host.replace(/^\*\./, "wildcard-").replace(/\./g, "-")}`
    .slice(0, 63)
    .replace(/-+$/, "");
}

interface RuleOut {
  rule: Json;
  comments: string[];
  /** Whether HTTP on this rule's paths is redirected to HTTPS by ingress-nginx. */
  sslRedirect: boolean;
  grpc?: Json;
}

function convertServer(server: NginxServer, ctx: ClassContext): void {
  const byNamespace = new Map<string, { owner: IngressModel; rules: RuleOut[] }>();
  if (server.appRoot !== undefined) {
    const owner = server.locations.find((l) => l.annotations?.appRoot !== undefined)?.ingress;
    if (owner) {
      byNamespace.set(owner.namespace, {
        owner,
        rules: [
          {
            rule: {
              matches: [{ path: { type: "Exact", value: "/" } }],
              filters: [
                {
                  type: "RequestRedirect",
                  requestRedirect: {
                    path: { type: "ReplaceFullPath", replaceFullPath: server.appRoot },
                    statusCode: 302,
                  },
                },
              ],
            },
            comments: [`app-root ${server.appRoot}: "/" answers 302 to it.`],
            sslRedirect: false,
          },
        ],
      });
    }
  }
  for (const loc of server.locations) {
    if (loc.addedExact || !loc.ingress || !loc.service) continue;
    const entry = byNamespace.get(loc.ingress.namespace) ?? { owner: loc.ingress, rules: [] };
    byNamespace.set(loc.ingress.namespace, entry);
    appendAll(entry.rules, convertLocation(loc, server, ctx));
  }
  for (const [namespace, { owner, rules }] of byNamespace) {
    if (rules.length === 0) continue;
    emitRoutes(server, namespace, owner, rules, ctx);
  }
}

function emitRoutes(
  server: NginxServer,
  namespace: string,
  owner: IngressModel,
  rules: RuleOut[],
  ctx: ClassContext,
): void {
  const hostSlug =
    server.hostname === CATCH_ALL
      ? "all-hosts"
      : server.hostname.replace(/^\*\./, "wildcard-").replace(/\./g, "-");
  const ownerHosts = new Set(owner.rules.map((r) => r.host || CATCH_ALL));
  const baseName = ownerHosts.size === 1 ? owner.name : `${owner.name}-${hostSlug}`;
  const hostnames = server.hostname === CATCH_ALL ? {} : { hostnames: [server.hostname] };
  const parent = (sectionName: string): Json => ({
    name: ctx.gatewayName,
    ...(namespace !== ctx.gatewayNamespace ? { namespace: ctx.gatewayNamespace } : {}),
    sectionName,
  });
  const https = server.tls?.secretName ? httpsListenerName(server.hostname) : undefined;
  const httpRules = rules.filter((r) => !r.grpc);
  const grpcRules = rules.filter((r) => r.grpc);
  // ssl-redirect acts in nginx's location before proxying, whatever the backend protocol: gRPC
  // locations answer plain HTTP with 308 too, so they count here and get a redirect rule below.
  const redirectAll = rules.every((r) => r.sslRedirect);
  const redirectSome = rules.some((r) => r.sslRedirect);
  const from = `Converted from the Ingresses on host ${server.hostname === CATCH_ALL ? "(any host)" : server.hostname} in namespace ${namespace}, rules in ingress-nginx's location order.`;
  if (httpRules.length > 0) {
    const mainParents = https
      ? [parent(https), ...(redirectSome ? [] : [parent("http")])]
      : [parent("http")];
    ctx.out.objects.push(
      route("HTTPRoute", baseName, namespace, hostnames, mainParents, httpRules, [from]),
    );
  }
  if (redirectSome) {
    // ingress-nginx redirects plain HTTP to HTTPS (308); the HTTP listener gets a route that does the same.
    const redirect = {
      type: "RequestRedirect",
      requestRedirect: { scheme: "https", statusCode: 308 },
    };
    const redirectRules: RuleOut[] = redirectAll
      ? [
          {
            rule: { filters: [redirect] },
            comments: ["ssl-redirect: every path of this host answers HTTP with 308 to HTTPS."],
            sslRedirect: true,
          },
        ]
      : rules.flatMap((r) =>
          r.sslRedirect
            ? [
                {
                  rule: {
                    ...(r.rule.matches ? { matches: r.rule.matches } : {}),
                    filters: [redirect],
                  },
                  comments: ["ssl-redirect: HTTP answers 308 to HTTPS."],
                  sslRedirect: true,
                },
              ]
            : r.grpc
              ? []
              : [r],
        );
    ctx.out.objects.push(
      route(
        "HTTPRoute",
        `${baseName}-https-redirect`,
        namespace,
        hostnames,
        [parent("http")],
        redirectRules,
        [`HTTP → HTTPS for ${server.hostname}, as ingress-nginx's ssl-redirect does (308).`],
      ),
    );
  }
  if (grpcRules.length > 0) {
    const parents = https ? [parent(https)] : [parent("http")];
    ctx.out.objects.push(
      route(
        "GRPCRoute",
        `${baseName}-grpc`,
        namespace,
        hostnames,
        parents,
        grpcRules.map((r) => ({ ...r, rule: r.grpc as Json })),
        [`${from} backend-protocol GRPC.`],
      ),
    );
  }
}

function route(
  kind: string,
  name: string,
  namespace: string,
  hostnames: Json,
  parentRefs: Json[],
  rules: RuleOut[],
  comments: string[],
): GeneratedObject {
  const ruleComments: Record<number, string[]> = {};
  rules.forEach((r, i) => {
    if (r.comments.length > 0) ruleComments[i] = r.comments;
  });
  return {
    body: {
      apiVersion: "gateway.networking.k8s.io/v1",
      kind,
      metadata: { name, namespace },
      spec: { parentRefs, ...hostnames, rules: rules.map((r) => r.rule) },
    },
    comments,
    ruleComments,
  };
}

function convertLocation(loc: NginxLocation, server: NginxServer, ctx: ClassContext): RuleOut[] {
  const ing = loc.ingress as IngressModel;
  const ann = ing.annotations;
  const who = `${ing.namespace}/${ing.name}`;
  const comments: string[] = [
    `Ingress ${who}: ${loc.isDefaultBackend ? "spec.defaultBackend" : `${loc.writtenPathType !== undefined ? `${loc.writtenPathType} (ingress-nginx: ${loc.pathType})` : loc.pathType} ${loc.ingressPath}`}${server.enforceRegex ? ` (nginx: location ~* "^${loc.path}")` : ""}`,
  ];
  const finding = (message: string, severity: MigrationFinding["severity"] = "warning") => {
    ctx.out.findings.push({
      ingress: who,
      severity,
      message: `${server.hostname === CATCH_ALL ? "*" : server.hostname}${loc.ingressPath}: ${message}`,
    });
    comments.push(`NOTE: ${message}`);
  };
  const strip = needsRewrite(loc) ? PREFIX_STRIP.exec(loc.ingressPath) : null;
  const path = pathMatch(loc, strip, finding);
  const filters: Json[] = [];
  const redirect = ann.temporalRedirect ?? ann.permanentRedirect;
  if (redirect && !loc.isDefaultBackend) {
    const rr = redirectFilter(redirect.url, redirect.code);
    if (rr) filters.push({ type: "RequestRedirect", requestRedirect: rr });
    else
      finding(
        `${redirect.code} redirect to ${redirect.url} cannot be written as a Gateway API RequestRedirect.`,
      );
    return [
      {
        rule: { matches: [{ path }], ...(filters.length ? { filters } : {}) },
        comments,
        sslRedirect: false,
      },
    ];
  }
  const urlRewrite: Json = {};
  if (needsRewrite(loc) && !loc.isDefaultBackend) {
    const target = ann.rewriteTarget as string;
    if (strip) {
      const replacement = target.replace(/\/?\$\d$/, "").replace(/\/?\$\{\d\}$/, "");
      const group = strip[0].includes("(/|$)") ? "2" : "1";
      if (new RegExp(`^(/[^$]*?)?/?\\$\\{?${group}\\}?$`).test(target))
        urlRewrite.path = {
          type: "ReplacePrefixMatch",
          replacePrefixMatch: replacement === "" ? "/" : replacement,
        };
      else
        finding(
          `rewrite-target ${target} uses the captures of ${loc.ingressPath} in a way ReplacePrefixMatch cannot express; the path is forwarded unchanged.`,
        );
    } else if (!target.includes("$"))
      urlRewrite.path = { type: "ReplaceFullPath", replaceFullPath: target };
    else
      finding(
        `rewrite-target ${target} with the regex ${loc.ingressPath} has no Gateway API equivalent (URLRewrite replaces a full path or a matched prefix only); the path is forwarded unchanged.`,
      );
    if (ann.xForwardedPrefix)
      filters.push({
        type: "RequestHeaderModifier",
        requestHeaderModifier: {
          set: [{ name: "X-Forwarded-Prefix", value: ann.xForwardedPrefix }],
        },
      });
  }
  if (ann.upstreamVhost) urlRewrite.hostname = ann.upstreamVhost;
  if (Object.keys(urlRewrite).length > 0) filters.push({ type: "URLRewrite", urlRewrite });
  if (ann.cors) {
    filters.push({
      type: "CORS",
      cors: {
        allowOrigins: ann.cors.allowOrigin,
        allowMethods: splitList(ann.cors.allowMethods),
        allowHeaders: splitList(ann.cors.allowHeaders),
        ...(ann.cors.exposeHeaders ? { exposeHeaders: splitList(ann.cors.exposeHeaders) } : {}),
        allowCredentials: ann.cors.allowCredentials,
        maxAge: ann.cors.maxAge,
      },
    });
  }
  for (const note of ann.notes)
    comments.push(
      `${note.annotation}: ${note.value} (not converted: set it in your implementation's policy)`,
    );
  if (ann.backendProtocol === "HTTPS" || ann.backendProtocol === "GRPCS")
    finding(
      `backend-protocol ${ann.backendProtocol}: add a BackendTLSPolicy for the Service so the Gateway speaks TLS to it.`,
      "info",
    );
  const sslRedirect = ann.forceSslRedirect || (ann.sslRedirect && server.tls !== undefined);
  const backend = backendRef(ing.namespace, loc.service as IngressServiceBackend, ctx, finding);
  const canary = ctx.config.canaries.get(
    `${ing.namespace}/${loc.service?.name}:${loc.service?.port}`,
  );
  // Key order as people write rules: matches, filters, backendRefs.
  const withFilters = ({ matches, backendRefs }: Json): Json => ({
    matches,
    ...(filters.length > 0 ? { filters } : {}),
    backendRefs,
  });
  const grpc =
    ann.backendProtocol === "GRPC" || ann.backendProtocol === "GRPCS" ? grpcMatch(loc) : undefined;
  if (
    (ann.backendProtocol === "GRPC" || ann.backendProtocol === "GRPCS") &&
    (grpc === undefined || filters.length > 0 || canary)
  ) {
    finding(
      `backend-protocol ${ann.backendProtocol}: the path (or its rewrite, canary or filters) does not fit a GRPCRoute; it stays an HTTPRoute rule.`,
    );
  }
  if (grpc !== undefined && filters.length === 0 && !canary) {
    return [
      {
        // The location's path as an HTTP match: the HTTP → HTTPS redirect rule matches with it.
        rule: { matches: [{ path }] },
        comments,
        sslRedirect,
        grpc: { ...(grpc ? { matches: [grpc] } : {}), backendRefs: [backend] },
      },
    ];
  }
  if (!canary)
    return [
      { rule: withFilters({ matches: [{ path }], backendRefs: [backend] }), comments, sslRedirect },
    ];

  const c = canary.config;
  const canaryRef = backendRef(canary.ingress.namespace, canary.service, ctx, finding);
  const canaryWho = `canary Ingress ${canary.ingress.namespace}/${canary.ingress.name}`;
  const rules: RuleOut[] = [];
  const headerRule = (headers: Json[], ref: Json, note: string): RuleOut => ({
    rule: withFilters({ matches: [{ path, headers }], backendRefs: [ref] }),
    comments: [note],
    sslRedirect,
  });
  if (c.header) {
    if (c.headerValue)
      rules.push(
        headerRule(
          [{ name: c.header, value: c.headerValue }],
          canaryRef,
          `${canaryWho}: canary-by-header ${c.header}: ${c.headerValue}`,
        ),
      );
    else if (c.headerPattern) {
      rules.push(
        headerRule(
          [{ type: "RegularExpression", name: c.header, value: `.*(?:${c.headerPattern}).*` }],
          canaryRef,
          `${canaryWho}: canary-by-header-pattern ${c.headerPattern} (nginx searches; Gateway API matches the whole value, hence .* around it)`,
        ),
      );
    } else {
      rules.push(
        headerRule(
          [{ name: c.header, value: "always" }],
          canaryRef,
          `${canaryWho}: canary-by-header ${c.header}: always`,
        ),
      );
      rules.push(
        headerRule(
          [{ name: c.header, value: "never" }],
          backend,
          `${canaryWho}: canary-by-header ${c.header}: never keeps the stable backend`,
        ),
      );
    }
  }
  if (c.cookie) {
    const cookie = (value: string) => ({
      type: "RegularExpression",
      name: "Cookie",
      value: `(?:.*;\\s*)?${escapeRegex(c.cookie as string)}=${value}(?:;.*)?`,
    });
    rules.push(
      headerRule(
        [cookie("always")],
        canaryRef,
        `${canaryWho}: canary-by-cookie ${c.cookie}=always (Gateway API has no cookie match; this matches the Cookie header)`,
      ),
    );
    rules.push(
      headerRule(
        [cookie("never")],
        backend,
        `${canaryWho}: canary-by-cookie ${c.cookie}=never keeps the stable backend`,
      ),
    );
  }
  const weight = Math.min(c.weight, c.weightTotal);
  rules.push({
    rule: withFilters({
      matches: [{ path }],
      backendRefs: [
        { ...backend, weight: c.weightTotal - weight },
        { ...canaryRef, weight },
      ],
    }),
    comments: [...comments, `${canaryWho}: canary-weight ${c.weight} of ${c.weightTotal}`],
    sslRedirect,
  });
  if (rules.length > 1)
    rules[0] = { ...rules[0], comments: [...comments, ...(rules[0]?.comments ?? [])] } as RuleOut;
  return rules;
}

function pathMatch(
  loc: NginxLocation,
  strip: RegExpExecArray | null,
  finding: (m: string, s?: MigrationFinding["severity"]) => void,
): Json {
  if (loc.isDefaultBackend) return { type: "PathPrefix", value: "/" };
  if (strip) return { type: "PathPrefix", value: strip[1] || "/" };
  const ownRegex = loc.annotations?.useRegex === true || needsRewrite(loc);
  if (ownRegex && REGEX_META.test(loc.ingressPath)) {
    finding(
      "the regex becomes a case-insensitive RegularExpression match; regex matches are implementation-specific in Gateway API (RE2 here).",
      "info",
    );
    return { type: "RegularExpression", value: `(?i)${loc.ingressPath}.*` };
  }
  if (loc.pathType === "Exact") return { type: "Exact", value: loc.ingressPath };
  return { type: "PathPrefix", value: loc.ingressPath };
}

/** `/pkg.Service` → service match; `/pkg.Service/Method` → service and method; `/` → every call. */
function grpcMatch(loc: NginxLocation): Json | null | undefined {
  const p = loc.ingressPath.replace(/\/$/, "");
  if (p === "") return null;
  const m = /^\/([A-Za-z_][\w.]*)(?:\/([A-Za-z_]\w*))?$/.exec(p);
  if (!m || (m[2] && loc.pathType !== "Exact")) return undefined;
  return { method: { service: m[1], ...(m[2] ? { method: m[2] } : {}) } };
}

function backendRef(
  namespace: string,
  service: IngressServiceBackend,
  ctx: ClassContext,
  finding: (m: string) => void,
): Json {
  let port =
    typeof service.port === "number"
      ? service.port
      : ctx.servicePorts.get(`${namespace}/${service.name}`)?.get(service.port);
  if (port === undefined) {
    finding(
      `Service ${service.name} port "${service.port}" is a name that no Service in the input resolves; backendRefs need the port number.`,
    );
    port = 0;
  }
  return { name: service.name, port };
}

function redirectFilter(url: string, code: number): Json | undefined {
  if (![301, 302, 303, 307, 308].includes(code)) return undefined;
  const m = /^(https?):\/\/([^/:?#]+)(?::(\d+))?([^?#]*)$/i.exec(url);
  if (!m) return undefined;
  const scheme = (m[1] as string).toLowerCase();
  return {
    scheme,
    hostname: m[2],
    ...(m[3] ? { port: Number(m[3]) } : {}),
    path: { type: "ReplaceFullPath", replaceFullPath: m[4] || "/" },
    statusCode: code,
  };
}

function splitList(value: string): string[] {
  return value
    .split(",")
    .map((v) => v.trim())
    .filter((v) => v !== "");
}

function escapeRegex(value: string): string {
  return value.replace(/[.*+?()[\]{}|^$\\]/g, "\\$&");
}
