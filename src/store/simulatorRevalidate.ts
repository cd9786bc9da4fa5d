/**
 * The simulator's state names objects of the workspace: the composer's Gateway, the traced
 * request, saved and recent requests, mix templates, the rollout's route and the mix shown on the
 * graph. After every analysis these names are checked against the objects that exist now, so the
 * simulator never keeps sending to a Gateway that was deleted or that belonged to the example the
 * user left. What is dropped is said in words (never silently).
 */
import type { Analysis, SimRequest } from "../engine";

/** A request checked against an analysis: the request to use and what was changed to make it usable. */
export interface RevalidatedRequest {
  request: SimRequest;
  /** Sentences about the objects the request named that are gone; empty when nothing changed. */
  notes: string[];
}

/** "namespace/name" of every Gateway in the analysis. */
export function gatewayNames(analysis: Analysis): Set<string> {
  return new Set(analysis.gateways.map((g) => `${g.namespace}/${g.name}`));
}

/** The Gateway a request names when that Gateway is not in the analysis; undefined otherwise. */
export function missingGateway(request: SimRequest, analysis: Analysis): string | undefined {
  if (request.gateway === undefined) return undefined;
  return gatewayNames(analysis).has(request.gateway) ? undefined : request.gateway;
}

/**
 * Drops a Gateway the analysis no longer has, so the request goes to any Gateway that listens on
 * its port; and when no Gateway listens on an explicit port any more, drops the port too (the
 * scheme's default port applies), because the port was chosen from the gone Gateway's listener.
 */
export function revalidateRequest(request: SimRequest, analysis: Analysis): RevalidatedRequest {
  const service = missingMeshService(request, analysis);
  if (service !== undefined) {
    const next: SimRequest = { ...request, host: "example.com" };
    delete next.mesh;
    delete next.port;
    return {
      request: next,
      notes: [
        `Service ${service} is not in the workspace any more: the request goes to a Gateway again.`,
      ],
    };
  }
  const gone = missingGateway(request, analysis);
  if (gone === undefined) return { request, notes: [] };
  const next: SimRequest = { ...request };
  delete next.gateway;
  const notes = [
    `Gateway ${gone} is not in the workspace any more: the request now goes to any Gateway that listens on the port.`,
  ];
  const port = request.port;
  if (
    port !== undefined &&
    !analysis.gateways.some((g) => g.listeners.some((l) => l.port === port))
  ) {
    delete next.port;
    notes.push(`No Gateway listens on port ${port} now: the port is back to the scheme's default.`);
  }
  return { request: next, notes };
}

/** The Service a mesh request calls when neither the workspace nor a route bound to it knows it; undefined otherwise. */
export function missingMeshService(request: SimRequest, analysis: Analysis): string | undefined {
  const mesh = request.mesh;
  if (mesh === undefined) return undefined;
  const name = mesh.service.includes("/")
    ? mesh.service
    : `${mesh.clientNamespace}/${mesh.service}`;
  const known =
    analysis.mesh.services.some((s) => `${s.namespace}/${s.name}` === name) ||
    analysis.mesh.bindings.some((b) => `${b.serviceNamespace}/${b.serviceName}` === name);
  return known ? undefined : name;
}

/** Whether a route (by key) and, when given, its rule exist in the analysis. */
export function ruleExists(analysis: Analysis, routeKey: string, ruleIndex?: number): boolean {
  const route = analysis.routes.find((r) => r.key === routeKey);
  if (route === undefined) return false;
  return ruleIndex === undefined || route.rules.some((r) => r.index === ruleIndex);
}

/** Whether an object key (Kind/namespace/name) names an object of the analysis. */
export function objectExists(analysis: Analysis | undefined, key: string | undefined): boolean {
  return analysis !== undefined && key !== undefined && analysis.objects.some((o) => o.key === key);
}
