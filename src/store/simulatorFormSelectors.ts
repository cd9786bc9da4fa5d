/**
 * Selectors only the simulator's tabs read (the composer's target pickers, the rollout's rules, a
 * route's rule buttons). Apart from simulatorSelectors.ts, whose selectors the canvas and the
 * panel's header read on the first load, so that they arrive with the tabs' code.
 */
import type { GwsimState } from "./types";

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
