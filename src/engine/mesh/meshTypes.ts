/**
 * The mesh (GAMMA, spec §3.9) as plain data: every Service a mesh client can call, and every
 * route × parentRef whose parent is a Service. The status stage settles which bindings are
 * accepted; the mesh simulator (simulate/mesh) decides which of them serve a given client.
 */
import type { ResourceKey } from "../api/keys";
import type { RouteKind } from "../api/kinds";
import type { ResolvedRoute } from "../types";

export interface MeshServicePort {
  name?: string;
  port: number;
}

export interface MeshService {
  key: ResourceKey;
  namespace: string;
  name: string;
  ports: MeshServicePort[];
  /** `None` for a headless Service (spec §3.9: SHOULD NOT be a mesh parent). */
  clusterIP?: string;
}

export interface MeshBinding {
  route: ResourceKey;
  routeKind: RouteKind;
  routeNamespace: string;
  routeName: string;
  parentRefIndex: number;
  serviceNamespace: string;
  serviceName: string;
  /** Service ports the route binds (empty when the parentRef matches none). */
  ports: number[];
  /**
   * True when the binding covers every port: the parentRef names no port, or the Service is
   * assumed (not in the input) and the parentRef names a port by name only.
   */
  allPorts: boolean;
  /** Accepted by the status stage (port found, rules valid, no higher route kind on the port). */
  accepted: boolean;
  reason: string;
  message: string;
  /** The Service is not in the input; the world assumed it. */
  assumed?: true;
}

export interface MeshModel {
  services: MeshService[];
  bindings: MeshBinding[];
  /**
   * Routes whose Service parents route differently from their Gateway parents (a route with
   * both, whose backendRefs a missing ReferenceGrant refused: mesh parents need no grant,
   * GEP-1294); they replace the analysis's route of the same key for mesh requests. Absent
   * when there is none.
   */
  routes?: ResolvedRoute[];
}

/**
 * GEP-1294 "Route types": when different route kinds bind one Service port, only the most
 * specific applies (lowest rank here); the others are `Conflicted` on that port. UDP is its own
 * protocol, "orthogonal to this precedence order": a UDPRoute never clashes (no rank).
 */
export const MESH_KIND_RANK: Readonly<Partial<Record<RouteKind, number>>> = {
  GRPCRoute: 0,
  HTTPRoute: 1,
  TLSRoute: 2,
  TCPRoute: 3,
};

/** A producer route lives in its parent Service's namespace; a consumer route elsewhere. */
export function meshRole(
  b: Pick<MeshBinding, "routeNamespace" | "serviceNamespace">,
): "producer" | "consumer" {
  return b.routeNamespace === b.serviceNamespace ? "producer" : "consumer";
}
