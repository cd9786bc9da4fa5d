/**
 * GatewayClasses an implementation installs itself, under a fixed name, so that no repository
 * holds them: a Gateway naming one whose class is not in the input is almost certainly served by
 * that implementation. The world uses it (status/computeStatus.ts assumeGatewayClass,
 * resolve/routeControllers.ts) to assume the class with a known controllerName instead of an
 * unknown one, which lets the implementation table (implementationSupport.ts) decide backend
 * kinds and listener protocols for its Gateways. Never in a closed world.
 *
 * Left out: Cilium's `cilium` class, which Cilium's Helm chart creates but whose controller the
 * implementation table cannot name, so knowing it would change no verdict; and classes that
 * installers name freely (Envoy Gateway, kgateway, NGINX Gateway Fabric, Contour, Traefik).
 * Data only: lookups go through a Map keyed by the name the Gateway wrote.
 */

export interface WellKnownGatewayClass {
  controllerName: string;
  /** Who installs it, in words: "GKE (single-cluster Gateway controller)". */
  installedBy: string;
  /** Where that is documented. */
  doc: string;
}

const GKE_DOC = "https://cloud.google.com/kubernetes-engine/docs/how-to/gatewayclass-capabilities";
const GKE: WellKnownGatewayClass = {
  controllerName: "networking.gke.io/gateway",
  installedBy: "GKE (single-cluster Gateway controller)",
  doc: GKE_DOC,
};
const GKE_MULTI_CLUSTER: WellKnownGatewayClass = {
  controllerName: "networking.gke.io/gateway-multi-cluster",
  installedBy: "GKE (multi-cluster Gateway controller)",
  doc: GKE_DOC,
};

/** istiod creates these (its built-in classes; the waypoint and east-west ones with ambient). */
const ISTIO_DOC = "https://istio.io/latest/docs/tasks/traffic-management/ingress/gateway-api/";
const istio = (controllerName: string): WellKnownGatewayClass => ({
  controllerName,
  installedBy: "Istio (istiod)",
  doc: ISTIO_DOC,
});

const WELL_KNOWN = new Map<string, WellKnownGatewayClass>([
  ["gke-l7-global-external-managed", GKE],
  ["gke-l7-regional-external-managed", GKE],
  ["gke-l7-rilb", GKE],
  ["gke-l7-gxlb", GKE],
  ["gke-l7-global-external-managed-mc", GKE_MULTI_CLUSTER],
  ["gke-l7-regional-external-managed-mc", GKE_MULTI_CLUSTER],
  ["gke-l7-cross-regional-internal-managed-mc", GKE_MULTI_CLUSTER],
  ["gke-l7-rilb-mc", GKE_MULTI_CLUSTER],
  ["gke-l7-gxlb-mc", GKE_MULTI_CLUSTER],
  ["istio", istio("istio.io/gateway-controller")],
  ["istio-remote", istio("istio.io/unmanaged-gateway")],
  ["istio-waypoint", istio("istio.io/mesh-controller")],
  ["istio-east-west", istio("istio.io/eastwest-controller")],
]);

export function wellKnownGatewayClass(name: string): WellKnownGatewayClass | undefined {
  return WELL_KNOWN.get(name);
}
