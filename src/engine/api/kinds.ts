/**
 * The kinds gwsim models, with the API versions the upstream CRDs (v1.6.1) still serve.
 * Everything else is kept as an opaque object: listed, round-tripped, never dropped.
 */
import type { ModelledKind } from "./modelledKind";

export const GATEWAY_GROUP = "gateway.networking.k8s.io";
export const CORE_GROUP = "";

// The kind names and the route kinds are in modelledKind.ts: the page's first chunk needs the names
// (engine/present) and none of the tables below.
export {
  KIND_DISPLAY_ORDER,
  ModelledKind,
  ROUTE_KINDS,
  isRouteKind,
  kindDisplayRank,
  type DisplayKind,
  type RouteKind,
} from "./modelledKind";
/**
 * apiVersions served per modelled kind, as the v1.6.1 CRDs declare them (standard channel, plus the
 * experimental channel's v1alpha2/v1alpha3 for TCP/TLS/UDP routes). Other versions load with a warning.
 */
export const SERVED_VERSIONS: Record<ModelledKind, readonly string[]> = {
  GatewayClass: ["gateway.networking.k8s.io/v1", "gateway.networking.k8s.io/v1beta1"],
  Gateway: ["gateway.networking.k8s.io/v1", "gateway.networking.k8s.io/v1beta1"],
  ListenerSet: ["gateway.networking.k8s.io/v1"],
  HTTPRoute: ["gateway.networking.k8s.io/v1", "gateway.networking.k8s.io/v1beta1"],
  GRPCRoute: ["gateway.networking.k8s.io/v1"],
  TLSRoute: [
    "gateway.networking.k8s.io/v1",
    "gateway.networking.k8s.io/v1alpha3",
    "gateway.networking.k8s.io/v1alpha2",
  ],
  TCPRoute: ["gateway.networking.k8s.io/v1", "gateway.networking.k8s.io/v1alpha2"],
  UDPRoute: ["gateway.networking.k8s.io/v1", "gateway.networking.k8s.io/v1alpha2"],
  ReferenceGrant: ["gateway.networking.k8s.io/v1", "gateway.networking.k8s.io/v1beta1"],
  BackendTLSPolicy: ["gateway.networking.k8s.io/v1"],
  Service: ["v1"],
  Namespace: ["v1"],
  Secret: ["v1"],
  ConfigMap: ["v1"],
  // Read as migration input (engine/ingress); the v1beta1 versions load with a deprecation warning.
  Ingress: ["networking.k8s.io/v1", "networking.k8s.io/v1beta1", "extensions/v1beta1"],
  IngressClass: ["networking.k8s.io/v1", "networking.k8s.io/v1beta1"],
};

/**
 * Versions Kubernetes removed (Ingress and IngressClass v1beta1 went in 1.22) that gwsim still reads,
 * with a warning, so an old manifest can be migrated: the version to move to.
 */
export const DEPRECATED_VERSIONS: ReadonlyMap<string, string> = new Map([
  ["Ingress networking.k8s.io/v1beta1", "networking.k8s.io/v1"],
  ["Ingress extensions/v1beta1", "networking.k8s.io/v1"],
  ["IngressClass networking.k8s.io/v1beta1", "networking.k8s.io/v1"],
]);

/** Cluster-scoped kinds carry no namespace; every other object defaults to "default". */
export const CLUSTER_SCOPED_KINDS: ReadonlySet<string> = new Set([
  "GatewayClass",
  "IngressClass",
  "Namespace",
  "ClusterRole",
  "ClusterRoleBinding",
  "CustomResourceDefinition",
  "PersistentVolume",
  "StorageClass",
  "PriorityClass",
  "ValidatingWebhookConfiguration",
  "MutatingWebhookConfiguration",
  "ValidatingAdmissionPolicy",
  "ValidatingAdmissionPolicyBinding",
  "Node",
]);

/**
 * The namespace a reference to `kind` looks in: none for a cluster-scoped kind (a policy's
 * targetRef to a Namespace or GatewayClass defaults to the policy's namespace, which such an
 * object does not have), the written or defaulted one otherwise.
 */
export function namespaceForKind(kind: string, namespace: string): string | undefined {
  return CLUSTER_SCOPED_KINDS.has(kind) ? undefined : namespace;
}

/**
 * True for the core and Gateway API groups, in which the implementation-support table has no
 * backend kind (implementationSupport.test.ts checks): a missing policy target in them (a Gateway,
 * a Service) is answered without loading the table.
 */
export function isCoreOrGatewayGroup(group: string): boolean {
  return group === CORE_GROUP || group === GATEWAY_GROUP;
}

/**
 * Kustomize's own group (kustomization.yaml: Kustomization, Component): build configuration, not
 * an object an API server serves (load/kustomizeFile.ts).
 */
export const KUSTOMIZE_GROUP = "kustomize.config.k8s.io";

export function groupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf("/");
  return slash < 0 ? CORE_GROUP : apiVersion.slice(0, slash);
}
