/**
 * A mesh (GAMMA, spec §3.9) request: a client Pod calls a Service on a port. No Gateway, listener
 * or hostname is involved. The routes whose parentRef is that Service (and port) decide:
 *
 * - a producer route (in the Service's namespace) applies to clients in every namespace;
 * - a consumer route (elsewhere) applies only to clients in its own namespace, and for them the
 *   consumer routes replace the producer routes (route sets are never merged);
 * - the Host header never selects a route (route hostnames are ignored);
 * - among the routes that apply, candidates rank exactly as on a Gateway (routing/precedence.ts);
 * - when no route binds the port for this client, the request goes to the Service itself (plain
 *   Kubernetes load balancing); once one binds, it replaces that, and a request no rule matches
 *   is answered 404, as Envoy-based meshes do.
 */
import { resourceKey, type ResourceKey } from "../api/keys";
import type { MeshBinding, MeshService } from "../mesh/meshTypes";
import { MESH_KIND_RANK, meshRole } from "../mesh/meshTypes";
import type { MeshRouter } from "../routing/compileMeshRouter";
import { buildOutcome, describeAttributes, failureOutcome } from "./buildOutcome";
import { candidateRef, explainCandidates, kindsFor } from "./explainCandidates";
import { MatchContext } from "./findCandidate";
import { normalizeRequest, unnormalizedRequest } from "./normalizeRequest";
import type {
  MeshRouteConsideration,
  MeshTrace,
  NormalizedRequest,
  RequestTrace,
} from "./traceTypes";
import type { RequestOutcome, SimRequest } from "./types";
import { drawFor } from "./weights";
import { emptyTrace } from "./emptyTrace";
import type { TraceOptions } from "./traceRequest";

/** The Service a mesh request addresses and the routes that serve it for this client. */
export interface MeshSelection {
  ok: true;
  trace: MeshTrace;
  /** Keys of the routes whose rules are candidates, in binding order. */
  routes: ResourceKey[];
  service: { namespace: string; name: string };
}

export type MeshSelectResult = MeshSelection | { ok: false; reason: string; trace?: MeshTrace };

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

/** "namespace/name", or a bare name resolved in the client's namespace (as cluster DNS does). */
export function parseMeshTarget(
  service: string,
  clientNamespace: string,
): { namespace: string; name: string } | undefined {
  const slash = service.indexOf("/");
  const namespace = slash >= 0 ? service.slice(0, slash) : clientNamespace;
  const name = slash >= 0 ? service.slice(slash + 1) : service;
  return DNS_LABEL.test(namespace) && DNS_LABEL.test(name) ? { namespace, name } : undefined;
}

/**
 * The Service ports a binding covers, as words that stand alone after a comma: "port 80",
 * "ports 80, 443", "every port", or none when the parentRef's port is not one of the Service's.
 */
function portsOf(b: MeshBinding): string {
  if (b.allPorts) return "every port";
  if (b.ports.length === 0) return "no port of the Service (its parentRef names one it lacks)";
  return `${b.ports.length === 1 ? "port" : "ports"} ${b.ports.join(", ")}`;
}

function covers(b: MeshBinding, port: number): boolean {
  return b.allPorts || b.ports.includes(port);
}

/** Picks the Service and port, and sorts its bound routes into those that apply and those that lost (with why). */
export function selectMeshRoutes(
  mesh: MeshRouter,
  req: SimRequest,
  port: number,
  kinds: readonly string[],
): MeshSelectResult {
  const clientNamespace = req.mesh?.clientNamespace ?? "";
  if (!DNS_LABEL.test(clientNamespace))
    return {
      ok: false,
      reason: `the client namespace "${clientNamespace}" is not a valid namespace name`,
    };
  const target = parseMeshTarget(req.mesh?.service ?? "", clientNamespace);
  if (target === undefined)
    return {
      ok: false,
      reason: `"${req.mesh?.service ?? ""}" is not a Service name (namespace/name, or a name in the client's namespace)`,
    };
  const serviceName = `${target.namespace}/${target.name}`;
  const service: MeshService | undefined = mesh.services.get(serviceName);
  const bindings = mesh.bindings.get(serviceName) ?? [];
  const trace: MeshTrace = {
    clientNamespace,
    service: serviceName,
    port,
    serviceReason: "",
    routes: [],
    defaultRouting: false,
  };
  if (service === undefined) {
    if (!bindings.some((b) => b.assumed === true))
      return {
        ok: false,
        reason: `Service ${serviceName} is not in the workspace: cluster DNS does not resolve it`,
        trace,
      };
    trace.serviceReason = `Service ${serviceName} is not in the workspace; assumed to exist, as the routes bound to it assume`;
  } else {
    const named = service.ports.find((p) => p.port === port);
    const list =
      service.ports
        .map((p) => (p.name !== undefined ? `${p.name}:${p.port}` : String(p.port)))
        .join(", ") || "none";
    if (named === undefined)
      return {
        ok: false,
        reason: `Service ${serviceName} has no port ${port} (ports: ${list}): the connection is refused`,
        trace,
      };
    trace.serviceReason = `Service ${serviceName} port ${named.name !== undefined ? `${named.name}:` : ""}${port}${service.clusterIP === "None" ? " (headless: a mesh SHOULD NOT use it as a parent)" : ""}`;
  }
  // GEP-1294 "Route types": one kind applies per Service port. A route that binds several ports
  // stays accepted while it wins one of them, but on a port a more specific kind binds it loses.
  // A UDPRoute has no rank: UDP is orthogonal to that order.
  let portKind: MeshBinding["routeKind"] | undefined;
  let portRank = Infinity;
  for (const b of bindings) {
    const rank = MESH_KIND_RANK[b.routeKind];
    if (b.accepted && covers(b, port) && rank !== undefined && rank < portRank) {
      portKind = b.routeKind;
      portRank = rank;
    }
  }
  const kindApplies = (b: MeshBinding) =>
    b.routeKind === portKind || MESH_KIND_RANK[b.routeKind] === undefined;
  // Routes that take the port over for this client, before the consumer-over-producer rule.
  const binding = bindings.filter(
    (b) =>
      b.accepted &&
      covers(b, port) &&
      kindApplies(b) &&
      (meshRole(b) === "producer" || b.routeNamespace === clientNamespace),
  );
  const consumers = binding.filter((b) => meshRole(b) === "consumer");
  const applying = consumers.length > 0 ? consumers : binding;
  const servesRequest = (b: MeshBinding) => kinds.includes(b.routeKind);
  trace.routes = bindings.map((b): MeshRouteConsideration => {
    const role = meshRole(b);
    const item: MeshRouteConsideration = {
      route: b.route,
      routeKind: b.routeKind,
      parentRefIndex: b.parentRefIndex,
      role,
      ports: portsOf(b),
      applies: false,
      reason: "",
    };
    if (!b.accepted) item.reason = `not accepted for this Service (${b.reason}): ${b.message}`;
    else if (!covers(b, port)) item.reason = `binds ${portsOf(b)}, not port ${port}`;
    else if (!kindApplies(b))
      item.reason = `a ${portKind ?? ""} binds port ${port} too (one route kind per port)`;
    else if (role === "consumer" && b.routeNamespace !== clientNamespace)
      item.reason = `consumer route of namespace ${b.routeNamespace}: applies only to clients in ${b.routeNamespace}, and this client is in ${clientNamespace}`;
    else if (!applying.includes(b))
      item.reason = `producer route overridden: for clients in ${clientNamespace} the consumer route${consumers.length > 1 ? "s" : ""} ${consumers.map((c) => `${c.routeNamespace}/${c.routeName}`).join(", ")} replace${consumers.length > 1 ? "" : "s"} the producer routes`;
    else if (!servesRequest(b))
      item.reason = `${b.routeKind} binds this port but does not serve ${req.grpc !== undefined ? "gRPC calls" : "this request"}`;
    else {
      item.applies = true;
      item.reason =
        role === "producer"
          ? "producer route: applies to clients in every namespace"
          : `consumer route in the client's namespace ${clientNamespace}: applies to its clients, before any producer route`;
    }
    return item;
  });
  trace.defaultRouting = applying.length === 0;
  const routes: ResourceKey[] = [];
  for (const b of applying) if (servesRequest(b) && !routes.includes(b.route)) routes.push(b.route);
  return { ok: true, trace, routes, service: target };
}

/** The Host a mesh client sends when the request names none: the Service's cluster DNS name. */
export function meshDefaultHost(
  service: { namespace: string; name: string },
  port: number,
): string {
  return `${service.name}.${service.namespace}.svc.cluster.local${port === 80 ? "" : `:${port}`}`;
}

export function traceMeshRequest(
  mesh: MeshRouter,
  req: SimRequest,
  options: TraceOptions & { draw?: number } = {},
): RequestTrace {
  const grpc = req.grpc !== undefined;
  // A mesh request never names a Gateway or an SNI: the sidecar routes by the Service it calls.
  const { gateway: _gateway, sni: _sni, ...plain } = req;
  const normalized = normalizeRequest(plain);
  const gatewayReason =
    "mesh request: no Gateway is involved; the routes bound to the called Service decide";
  if (!normalized.ok) {
    const request = unnormalizedRequest(req);
    return emptyTrace(
      request,
      gatewayReason,
      failureOutcome("connection-refused", 0, normalized.error, grpc),
    );
  }
  const l4 = req.scheme === "tcp" || req.scheme === "udp" || req.scheme === "tls";
  const kinds = kindsFor(req.scheme, grpc);
  const sel = selectMeshRoutes(mesh, req, normalized.request.port, kinds);
  const r = normalized.request;
  if (!sel.ok) {
    const trace = emptyTrace(
      r,
      gatewayReason,
      failureOutcome("connection-refused", 0, sel.reason, grpc),
    );
    if (sel.trace !== undefined) trace.mesh = sel.trace;
    return trace;
  }
  if (req.host === undefined && !l4) {
    r.host = meshDefaultHost(sel.service, r.port);
  }
  const trace = emptyTrace(r, gatewayReason, failureOutcome("not-found", 404, "", grpc));
  trace.mesh = sel.trace;
  if (sel.trace.defaultRouting) {
    trace.outcome = defaultRouting(r, sel.trace, l4, grpc);
    return trace;
  }
  const vhost = mesh.virtualHostFor(sel.routes);
  const ctx = new MatchContext(r.path, r.query, r.method, r.headers, r.grpc);
  const explained = explainCandidates(vhost, ctx, kinds);
  trace.candidates = explained.candidates;
  if (vhost.droppedRules.length > 0) trace.droppedRules = vhost.droppedRules;
  if (explained.tieBreak !== undefined) trace.tieBreak = explained.tieBreak;
  const winner = explained.winner;
  if (winner === undefined) {
    const bound = sel.trace.routes.filter((x) => x.applies).map((x) => x.route);
    const reason = `no rule of ${bound.length > 0 ? bound.join(", ") : "the routes bound to this port"} matches; a route bound to Service ${sel.trace.service} port ${r.port} replaces default routing, so the mesh answers 404`;
    trace.outcome = l4
      ? failureOutcome("connection-refused", 0, reason, grpc)
      : failureOutcome("not-found", 404, reason, grpc);
    return trace;
  }
  trace.winner = candidateRef(winner);
  const seed = options.seed ?? 0;
  const sample = options.sample ?? 0;
  const draw = options.draw ?? drawFor(seed, sample);
  if (winner.rule.backendRefs.length > 1) trace.pick = { seed, sample, draw };
  const built = buildOutcome(
    winner,
    r,
    { listenerPort: r.port, l4, forwardedStatus: l4 ? 0 : 200 },
    draw,
    req,
  );
  trace.filters = built.filters;
  trace.attributes = describeAttributes(winner.rule, req.backendBehavior !== undefined);
  trace.outcome = built.outcome;
  if (built.attempts !== undefined) trace.attempts = built.attempts;
  return trace;
}

/** "namespace/name:port" of the Service itself, for default routing. */
export function meshDefaultTarget(mesh: MeshTrace): string {
  return `${mesh.service}:${mesh.port}`;
}

/** No route binds the port for this client: the Service's own endpoints answer, unchanged. */
function defaultRouting(
  r: NormalizedRequest,
  mesh: MeshTrace,
  l4: boolean,
  grpc: boolean,
): RequestOutcome {
  const slash = mesh.service.indexOf("/");
  const namespace = mesh.service.slice(0, slash);
  const name = mesh.service.slice(slash + 1);
  const target = meshDefaultTarget(mesh);
  const backend = {
    target,
    service: resourceKey("Service", namespace, name),
    namespace,
    name,
    port: mesh.port,
    share: 1,
  };
  const reason = `no route binds Service ${mesh.service} port ${mesh.port} for clients in ${mesh.clientNamespace}: the request goes to the Service itself (plain Kubernetes load balancing over its endpoints)`;
  const out: RequestOutcome = {
    kind: "forwarded",
    status: l4 ? 0 : 200,
    backends: [backend],
    backend,
    responseHeaders: {},
    mirrors: [],
    reason,
  };
  if (!l4)
    out.request = {
      scheme: r.scheme,
      method: r.method,
      host: r.host,
      path: r.query === "" ? r.path : `${r.path}?${r.query}`,
      headers: { ...r.headers },
    };
  if (grpc) out.grpcCode = "OK";
  return out;
}
