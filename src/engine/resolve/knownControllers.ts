/**
 * The controller families gwsim can name (implementationSupport.ts, case a), by controllerName
 * prefix: every route's controllers are identified, so this stays out of the on-demand table.
 */
export { isCoreOrGatewayGroup } from "../api/kinds";

/** A controller family gwsim can name, by controllerName prefix. */
interface KnownController {
  implementation: string;
  prefix: string;
}

/**
 * Controllers whose support for every table entry is documented, so that "not listed" is a fact
 * for them. A controller missing here is unknown, and its support is assumed (case b).
 */
const KNOWN_CONTROLLERS: readonly KnownController[] = [
  { implementation: "GKE", prefix: "networking.gke.io/" },
  { implementation: "Envoy Gateway", prefix: "gateway.envoyproxy.io/" },
  { implementation: "kgateway", prefix: "kgateway.dev/" },
  { implementation: "Istio", prefix: "istio.io/" },
  { implementation: "NGINX Gateway Fabric", prefix: "gateway.nginx.org/" },
  { implementation: "Contour", prefix: "projectcontour.io/" },
  { implementation: "Traefik", prefix: "traefik.io/" },
];

/** The controller a reference is resolved for, as far as the input tells. */
export type ControllerOf =
  | { known: true; controllerName: string; implementation: string; className: string }
  /**
   * `why` in the user's words: "GatewayClass istio-waypoint is not in the input"; controllerName
   * when the class names one that is not among the known families (a support table entry may
   * still list it).
   */
  | { known: false; why: string; controllerName?: string };

/** Names the controller, or says why it is unknown. */
export function identifyController(className: string, controllerName?: string): ControllerOf {
  if (controllerName === undefined)
    return {
      known: false,
      why: `GatewayClass ${className} is not in the input, so its controller is unknown`,
    };
  for (const c of KNOWN_CONTROLLERS)
    if (controllerName.startsWith(c.prefix))
      return { known: true, controllerName, implementation: c.implementation, className };
  return {
    known: false,
    why: `GatewayClass ${className} names controller ${controllerName}, which gwsim cannot tie to an implementation`,
    controllerName,
  };
}
