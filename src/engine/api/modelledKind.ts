/**
 * The kinds gwsim models (kinds.ts has their groups and versions) and which of them are routes.
 * A module of their own: the page's first chunk needs the names (engine/present), and a module it
 * reaches is placed in that chunk whole, version tables included, when a lazy chunk uses the rest.
 */
export const ModelledKind = {
  GatewayClass: "GatewayClass",
  Gateway: "Gateway",
  ListenerSet: "ListenerSet",
  HTTPRoute: "HTTPRoute",
  GRPCRoute: "GRPCRoute",
  TLSRoute: "TLSRoute",
  TCPRoute: "TCPRoute",
  UDPRoute: "UDPRoute",
  ReferenceGrant: "ReferenceGrant",
  BackendTLSPolicy: "BackendTLSPolicy",
  Service: "Service",
  Namespace: "Namespace",
  Secret: "Secret",
  ConfigMap: "ConfigMap",
  Ingress: "Ingress",
  IngressClass: "IngressClass",
} as const;
export type ModelledKind = (typeof ModelledKind)[keyof typeof ModelledKind];

export const ROUTE_KINDS = ["HTTPRoute", "GRPCRoute", "TLSRoute", "TCPRoute", "UDPRoute"] as const;
export type RouteKind = (typeof ROUTE_KINDS)[number];

export function isRouteKind(kind: string): kind is RouteKind {
  return (ROUTE_KINDS as readonly string[]).includes(kind);
}
