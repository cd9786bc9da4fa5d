/**
 * Kinds that Gateway API implementations (and the companions a Gateway API folder usually holds)
 * define for their own configuration: Envoy Gateway's EnvoyProxy and Backend, Istio's
 * VirtualService, kgateway's GatewayParameters, cert-manager's ClusterIssuer, … gwsim deliberately
 * does not model them, and a user who keeps them next to their routes knows what they are: one
 * info per kind would be a dozen lines saying the same thing on an Envoy Gateway or Istio folder.
 * They get one summary per input instead, naming each kind with its count, located at the first
 * such object (unknownKinds.ts decides which objects get a word; unknownKindWords.ts, on demand
 * like the other unknown-kind words, which of them are these and what to say).
 */
import type { Manifest } from "../types";

/**
 * The implementations' API domains: a group is theirs when it is one of these or ends in
 * `.<domain>` (`gateway.envoyproxy.io`, `aigateway.envoyproxy.io`, `security.istio.io`, …).
 */
const IMPLEMENTATION_DOMAINS: readonly string[] = [
  "envoyproxy.io", // Envoy Gateway, Envoy AI Gateway
  "istio.io",
  "kgateway.dev",
  "solo.io", // Gloo, kgateway's predecessor
  "cilium.io",
  "konghq.com",
  "traefik.io",
  "containo.us", // Traefik before v3
  "projectcontour.io",
  "nginx.org", // NGINX Gateway Fabric, NGINX Ingress
  "apisix.apache.org",
  "linkerd.io",
  "kuma.io",
  "getambassador.io", // Emissary
  "haproxy.org",
  "gke.io", // GKE Gateway
  "k8s.aws", // AWS Gateway API controller
  "networking.azure.io", // Application Gateway for Containers
  "cert-manager.io", // issuers for the Gateways' certificates
];

export function isImplementationGroup(group: string): boolean {
  return IMPLEMENTATION_DOMAINS.some((d) => group === d || group.endsWith(`.${d}`));
}

/** The first object of one kind and how many objects of that kind the input holds. */
export interface KindSeen {
  readonly manifest: Manifest;
  count: number;
}
