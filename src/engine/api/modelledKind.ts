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

/**
 * The order gwsim lists kinds in, in one place: `gwsim check`'s status and the status goldens,
 * the designer's palette. Classes, Gateways, ListenerSets, the routes, then what routes name and
 * the policies on it. A kind not listed comes after these (kindDisplayRank).
 */
export const KIND_DISPLAY_ORDER = [
  "GatewayClass",
  "Gateway",
  "ListenerSet",
  ...ROUTE_KINDS,
  "Service",
  "Namespace",
  "ReferenceGrant",
  "BackendTLSPolicy",
] as const;
export type DisplayKind = (typeof KIND_DISPLAY_ORDER)[number];

/** A kind's place in KIND_DISPLAY_ORDER; every unlisted kind shares the place after the last. */
export function kindDisplayRank(kind: string): number {
  const i = (KIND_DISPLAY_ORDER as readonly string[]).indexOf(kind);
  return i < 0 ? KIND_DISPLAY_ORDER.length : i;
}
