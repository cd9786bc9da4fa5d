/**
 * Named selectors over the simulator slice, for the simulator panel and for the canvas overlays
 * (winning path, mix traffic). Selectors that build arrays are memoized on their inputs.
 */
import type { GraphEdge, RequestMix, RequestProbe, SimRequest } from "../engine";
import type { SavedSimulator } from "./simulatorSlice";
import type { GwsimState } from "./types";

/** A result is current only when computed for the revision the editor holds now. */
export const isCurrent = (s: GwsimState, revision: number | undefined) =>
  revision !== undefined && revision === s.revision;

export const selectSimOpen = (s: GwsimState) => s.simOpen;
export const selectSimTab = (s: GwsimState) => s.simTab;
export const selectSimDraft = (s: GwsimState) => s.simDraft;
export const selectSimTrace = (s: GwsimState) => s.simTrace;
export const selectSimTraceIsCurrent = (s: GwsimState) => isCurrent(s, s.simTrace?.revision);
export const selectSimRun = (s: GwsimState) => s.simRun;
export const selectSimulatorWorkspace = (s: GwsimState): SavedSimulator =>
  savedOf(s.simSaved, s.simMixes, s.simHistory);

const savedOf = (() => {
  let last:
    | { requests: RequestProbe[]; mixes: RequestMix[]; history: SimRequest[]; out: SavedSimulator }
    | undefined;
  return (requests: RequestProbe[], mixes: RequestMix[], history: SimRequest[]): SavedSimulator => {
    if (last?.requests !== requests || last.mixes !== mixes || last.history !== history)
      last = { requests, mixes, history, out: { requests, mixes, history } };
    return last.out;
  };
})();

/**
 * For the canvas: is this edge on the lit path of the current trace? Only while the trace is for
 * the revision the graph shows, so an outdated trace never lights the wrong edges.
 */
export const selectSimEdgeOnPath =
  (edge: GraphEdge | undefined) =>
  (s: GwsimState): boolean => {
    const p = s.simPath;
    if (
      edge === undefined ||
      p === undefined ||
      p.revision !== s.revision ||
      s.analysisRevision !== s.revision
    )
      return false;
    if (edge.source !== p.route) return false;
    if (edge.kind === "parent")
      return (
        edge.target === p.gateway &&
        (edge.targetListener === undefined || edge.targetListener === p.listener)
      );
    if (edge.kind === "backend")
      return (
        edge.ruleIndex === p.ruleIndex &&
        edge.backendRefIndex !== undefined &&
        p.backendIndexes.includes(edge.backendRefIndex)
      );
    return false;
  };

/** For the canvas: is this node (Gateway, route or backend) on the lit path of the current trace? */
export const selectSimNodeOnPath =
  (id: string) =>
  (s: GwsimState): boolean => {
    const p = s.simPath;
    if (p === undefined || p.revision !== s.revision || s.analysisRevision !== s.revision)
      return false;
    if (id === p.route || id === p.gateway) return true;
    const edges = s.analysis?.graph.edges ?? [];
    return edges.some(
      (e) =>
        e.kind === "backend" &&
        e.target === id &&
        e.source === p.route &&
        e.ruleIndex === p.ruleIndex &&
        e.backendRefIndex !== undefined &&
        p.backendIndexes.includes(e.backendRefIndex),
    );
  };

/** For the canvas: the share (0..1) of the shown mix's traffic on this backend edge, when current. */
export const selectSimEdgeTraffic =
  (edge: GraphEdge | undefined) =>
  (s: GwsimState): number | undefined => {
    const t = s.simTraffic;
    if (
      edge === undefined ||
      t === undefined ||
      t.revision !== s.revision ||
      edge.kind !== "backend"
    )
      return undefined;
    const ref = t.traffic.backendRefs.find(
      (b) =>
        b.route === edge.source &&
        b.ruleIndex === edge.ruleIndex &&
        b.backendIndex === edge.backendRefIndex,
    );
    return ref?.share;
  };

export interface SimGatewayOption {
  key: string;
  /** "namespace/name", as SimRequest.gateway names it. */
  name: string;
  listeners: { name: string; port: number; protocol: string; hostname?: string }[];
}

/** Gateways and their listeners for the composer's target pickers. */
export const selectSimGateways = (() => {
  let last: { analysis: GwsimState["analysis"]; out: SimGatewayOption[] } | undefined;
  return (s: GwsimState): SimGatewayOption[] => {
    if (last !== undefined && last.analysis === s.analysis) return last.out;
    const out = (s.analysis?.gateways ?? []).map((g) => ({
      key: g.key,
      name: `${g.namespace}/${g.name}`,
      listeners: g.listeners.map((l) => ({
        name: l.name,
        port: l.port,
        protocol: l.protocol,
        ...(l.hostname !== undefined ? { hostname: l.hostname } : {}),
      })),
    }));
    last = { analysis: s.analysis, out };
    return out;
  };
})();

export interface SimMeshServiceOption {
  /** "namespace/name", as SimRequest.mesh.service names it. */
  name: string;
  ports: { name?: string; port: number }[];
  /** Routes bound to it (any port, accepted or not). */
  boundRoutes: number;
}

export interface SimMeshOptions {
  /** True when some route's parentRef is a Service: the composer then offers a mesh target. */
  hasRoutes: boolean;
  /** Services with bound routes first, then the rest, each by namespace/name. */
  services: SimMeshServiceOption[];
  /** Namespaces a client can sit in: of every Service and route in the workspace. */
  namespaces: string[];
}

/** Services and client namespaces for the composer's mesh target. */
export const selectSimMesh = (() => {
  let last: { analysis: GwsimState["analysis"]; out: SimMeshOptions } | undefined;
  return (s: GwsimState): SimMeshOptions => {
    if (last !== undefined && last.analysis === s.analysis) return last.out;
    const mesh = s.analysis?.mesh ?? { services: [], bindings: [] };
    const bound = new Map<string, number>();
    for (const b of mesh.bindings)
      bound.set(
        `${b.serviceNamespace}/${b.serviceName}`,
        (bound.get(`${b.serviceNamespace}/${b.serviceName}`) ?? 0) + 1,
      );
    const services = mesh.services.map((svc) => ({
      name: `${svc.namespace}/${svc.name}`,
      ports: svc.ports,
      boundRoutes: bound.get(`${svc.namespace}/${svc.name}`) ?? 0,
    }));
    services.sort(
      (a, b) =>
        Number(b.boundRoutes > 0) - Number(a.boundRoutes > 0) ||
        (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
    );
    const namespaces = new Set<string>();
    for (const svc of mesh.services) namespaces.add(svc.namespace);
    for (const r of s.analysis?.routes ?? []) namespaces.add(r.namespace);
    const out = {
      hasRoutes: mesh.bindings.length > 0,
      services,
      namespaces: [...namespaces].sort(),
    };
    last = { analysis: s.analysis, out };
    return out;
  };
})();

export interface SimRuleOption {
  route: string;
  ruleIndex: number;
  label: string;
  backends: { index: number; label: string; weight: number }[];
}

/** Every rule with two or more backendRefs: the rules a rollout can step through. */
export const selectSimSplitRules = (() => {
  let last: { analysis: GwsimState["analysis"]; out: SimRuleOption[] } | undefined;
  return (s: GwsimState): SimRuleOption[] => {
    if (last !== undefined && last.analysis === s.analysis) return last.out;
    const out: SimRuleOption[] = [];
    for (const r of s.analysis?.routes ?? []) {
      for (const rule of r.rules) {
        if (rule.backendRefs.length < 2) continue;
        out.push({
          route: r.key,
          ruleIndex: rule.index,
          label: `${r.kind} ${r.namespace}/${r.name} rule ${rule.index}${rule.name ? ` (${rule.name})` : ""}`,
          backends: rule.backendRefs.map((b) => ({
            index: b.index,
            label: `${b.name}${b.port !== undefined ? `:${b.port}` : ""}`,
            weight: b.weight,
          })),
        });
      }
    }
    last = { analysis: s.analysis, out };
    return out;
  };
})();

/** The rules of a route with a one-line description of their first match, for the inspector. */
export const selectSimRouteRules = (route: string) => (s: GwsimState) =>
  s.analysis?.routes.find((r) => r.key === route)?.rules;
