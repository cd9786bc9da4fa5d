/**
 * Implementation-specific features a slice cannot settle on its own: backendRef kinds other than
 * core Service (spec: BackendObjectReference, "Support: Implementation-specific" for other kinds)
 * and listener protocols outside HTTP, HTTPS, TLS, TCP and UDP (spec: ProtocolType). Whether a
 * controller supports one depends on which controller it is, which only the GatewayClass's
 * controllerName tells.
 *
 * The table lists the well-known ones, who supports each (by controllerName prefix) and where that
 * is documented. The verdict for one reference:
 * - (a) every controller involved is one gwsim can name (KNOWN_CONTROLLERS): the table decides,
 *   and "not supported" stays a fact (InvalidKind, UnsupportedProtocol);
 * - (b) a controller is unknown (its class assumed, or a controllerName gwsim cannot tie to an
 *   implementation) and the feature is in the table: assumed supported in `auto` and `open`,
 *   recorded like every other assumption; `closed` keeps the fact;
 * - (c) a kind or protocol nobody is known to support: not supported (the conformance cases'
 *   `unknownkind.example.com/NonExistent` stays InvalidKind).
 * Data only: lookups go through Maps keyed by what the user wrote. Which controllers gwsim can
 * name is knownControllers.ts (every route asks). The table, its verdicts and their callers are
 * an on-demand engine module (implementationSupportModule.ts): only a backendRef of a kind other
 * than core Service, a listener protocol outside the standard ones, or a missing policy target of
 * another API group reads them.
 */
import type { RouteKind } from "../api/kinds";
import type { ControllerOf } from "./knownControllers";
import type { WorldMode } from "./world";

export interface SupportEntry {
  /** What a message calls it: "backend kind InferencePool (inference.networking.k8s.io)". */
  label: string;
  /** Who supports it, in words, for notes: "GKE, Envoy Gateway, …". */
  implementations: string;
  /** controllerName prefixes that support it. */
  controllers: readonly string[];
  /** Where the support is documented. */
  doc: string;
}

export interface ProtocolEntry extends SupportEntry {
  /**
   * The route kinds such a listener serves. HBONE listeners carry the mesh's own tunnels: routes
   * reach a waypoint through Service parentRefs (GAMMA), not through this listener.
   */
  routeKinds: readonly RouteKind[];
}

const INFERENCE_DOC =
  "https://gateway-api-inference-extension.sigs.k8s.io/implementations/gateways/";

/** Backend kinds by "group/kind". */
export const BACKEND_KINDS: ReadonlyMap<string, SupportEntry> = new Map<string, SupportEntry>([
  [
    "inference.networking.k8s.io/InferencePool",
    {
      label: "backend kind InferencePool (inference.networking.k8s.io)",
      implementations: "GKE, Envoy Gateway, kgateway, Istio, NGINX Gateway Fabric",
      controllers: [
        "networking.gke.io/",
        "gateway.envoyproxy.io/",
        "kgateway.dev/",
        "istio.io/",
        "gateway.nginx.org/",
      ],
      doc: INFERENCE_DOC,
    },
  ],
  [
    "inference.networking.x-k8s.io/InferencePool",
    {
      label: "backend kind InferencePool (inference.networking.x-k8s.io, v1alpha2)",
      implementations: "GKE, Envoy Gateway, kgateway, Istio",
      controllers: ["networking.gke.io/", "gateway.envoyproxy.io/", "kgateway.dev/", "istio.io/"],
      doc: INFERENCE_DOC,
    },
  ],
  [
    "multicluster.x-k8s.io/ServiceImport",
    {
      label: "backend kind ServiceImport (multicluster.x-k8s.io)",
      implementations: "Envoy Gateway, Istio",
      controllers: ["gateway.envoyproxy.io/", "istio.io/"],
      doc: "https://gateway.envoyproxy.io/docs/tasks/traffic/multicluster-service/ ; Istio: pilot/pkg/config/kube/gateway conversion (ServiceImport backendRef)",
    },
  ],
  [
    "net.gke.io/ServiceImport",
    {
      label: "backend kind ServiceImport (net.gke.io)",
      implementations: "GKE (multi-cluster Gateways)",
      controllers: ["networking.gke.io/"],
      doc: "https://cloud.google.com/kubernetes-engine/docs/how-to/deploying-multi-cluster-gateways",
    },
  ],
  [
    "gateway.envoyproxy.io/Backend",
    {
      label: "backend kind Backend (gateway.envoyproxy.io)",
      implementations: "Envoy Gateway",
      controllers: ["gateway.envoyproxy.io/"],
      doc: "https://gateway.envoyproxy.io/docs/tasks/traffic/backend/",
    },
  ],
  [
    "gateway.kgateway.dev/Backend",
    {
      label: "backend kind Backend (gateway.kgateway.dev)",
      implementations: "kgateway",
      controllers: ["kgateway.dev/"],
      doc: "https://kgateway.dev/docs/envoy/latest/traffic-management/destination-types/backends/",
    },
  ],
  [
    "networking.istio.io/Hostname",
    {
      label: "backend kind Hostname (networking.istio.io)",
      implementations: "Istio",
      controllers: ["istio.io/"],
      doc: "https://istio.io/latest/docs/tasks/traffic-management/egress/egress-gateway/ (Gateway API tab)",
    },
  ],
  [
    // The experimental channel installs XBackend (since v1.6), but which routes may point at it
    // is each implementation's choice; istiod resolves it (ExternalHostname type only, behind
    // PILOT_ENABLE_ALPHA_GATEWAY_API).
    "gateway.networking.x-k8s.io/XBackend",
    {
      label: "backend kind XBackend (gateway.networking.x-k8s.io)",
      implementations: "Istio",
      controllers: ["istio.io/"],
      doc: "Istio: pilot/pkg/config/kube/gateway conversion (XBackend backendRef)",
    },
  ],
  [
    "traefik.io/TraefikService",
    {
      label: "backend kind TraefikService (traefik.io)",
      implementations: "Traefik",
      controllers: ["traefik.io/"],
      doc: "https://doc.traefik.io/traefik/reference/routing-configuration/kubernetes/gateway-api/",
    },
  ],
]);

/** Listener protocols by the exact protocol string. */
const PROTOCOLS = new Map<string, ProtocolEntry>([
  [
    "HBONE",
    {
      label: "listener protocol HBONE",
      implementations: "Istio (waypoints and east-west gateways)",
      controllers: ["istio.io/mesh-controller", "istio.io/eastwest-controller"],
      doc: "https://istio.io/latest/docs/ambient/usage/waypoint/ ; Istio: listenerProtocolToIstio",
      routeKinds: [],
    },
  ],
  // STUNner's TURN listeners take UDPRoutes: its own stunner.l7mp.io kind (not modelled) or the
  // Gateway API's (docs/GATEWAY.md, "UDPRoute"): TURN relays the client to the route's backends.
  ...["TURN-UDP", "TURN-TCP", "TURN-TLS", "TURN-DTLS"].map(turnProtocol),
]);

function turnProtocol(protocol: string): [string, ProtocolEntry] {
  return [
    protocol,
    {
      label: `listener protocol ${protocol}`,
      implementations: "STUNner (TURN relay for WebRTC)",
      controllers: ["stunner.l7mp.io/"],
      doc: "https://github.com/l7mp/stunner/blob/main/docs/GATEWAY.md",
      routeKinds: ["UDPRoute"],
    },
  ];
}

export function backendKindEntry(group: string, kind: string): SupportEntry | undefined {
  return BACKEND_KINDS.get(`${group}/${kind}`);
}

export function protocolEntry(protocol: string): ProtocolEntry | undefined {
  return PROTOCOLS.get(protocol);
}

export type SupportVerdict =
  | { state: "supported" }
  /** A known controller lacks support: a fact. */
  | { state: "unsupported"; controller: Extract<ControllerOf, { known: true }> }
  /** Some controller is unknown and the world assumes support. */
  | { state: "assumed"; why: string }
  /** Some controller is unknown and the world is closed: the caller keeps its old verdict. */
  | { state: "unknown-closed" };

/**
 * Whether every controller involved supports the entry. A known controller without support
 * decides (the reference fails under it whatever the others do); otherwise an unknown controller
 * the entry does not name makes the answer an assumption. No controller at all (a route without Gateway parents) counts
 * as unknown.
 */
export function decideSupport(
  entry: SupportEntry,
  controllers: readonly ControllerOf[],
  mode: WorldMode,
): SupportVerdict {
  let unknown: string | undefined =
    controllers.length === 0 ? "no Gateway parent names its controller" : undefined;
  for (const c of controllers) {
    if (!c.known) {
      // A controller outside the known families that the entry itself names (STUNner for its
      // TURN protocols) supports it; "not listed" is a fact only for the known families.
      const named = c.controllerName;
      if (named === undefined || !entry.controllers.some((p) => named.startsWith(p)))
        unknown ??= c.why;
      continue;
    }
    if (!entry.controllers.some((p) => c.controllerName.startsWith(p)))
      return { state: "unsupported", controller: c };
  }
  if (unknown === undefined) return { state: "supported" };
  return mode === "closed" ? { state: "unknown-closed" } : { state: "assumed", why: unknown };
}

/** "supported by GKE, Envoy Gateway, … (see <doc>)": the facts line of a support assumption. */
export function describeSupporters(entry: SupportEntry): string {
  return `known to be supported by ${entry.implementations} (${entry.doc})`;
}
