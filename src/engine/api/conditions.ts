/**
 * Condition types and reasons exactly as the Gateway API spells them (apis/v1/*_types.go).
 * No other module writes a condition type or reason as a free string.
 * @see https://gateway-api.sigs.k8s.io/reference/spec/
 */
export const ConditionType = {
  Accepted: "Accepted",
  Programmed: "Programmed",
  ResolvedRefs: "ResolvedRefs",
  Conflicted: "Conflicted",
  PartiallyInvalid: "PartiallyInvalid",
  OverlappingTLSConfig: "OverlappingTLSConfig",
  InsecureFrontendValidationMode: "InsecureFrontendValidationMode",
} as const;
export type ConditionType = (typeof ConditionType)[keyof typeof ConditionType];

export const GatewayClassReason = {
  Accepted: "Accepted",
  InvalidParameters: "InvalidParameters",
  Unsupported: "Unsupported",
  Pending: "Pending",
} as const;

export const GatewayReason = {
  Accepted: "Accepted",
  ListenersNotValid: "ListenersNotValid",
  Invalid: "Invalid",
  InvalidParameters: "InvalidParameters",
  UnsupportedAddress: "UnsupportedAddress",
  Pending: "Pending",
  Programmed: "Programmed",
  AddressNotAssigned: "AddressNotAssigned",
  AddressNotUsable: "AddressNotUsable",
  NoResources: "NoResources",
  ResolvedRefs: "ResolvedRefs",
  ListenersNotResolved: "ListenersNotResolved",
  RefNotPermitted: "RefNotPermitted",
  InvalidClientCertificateRef: "InvalidClientCertificateRef",
  ConfigurationChanged: "ConfigurationChanged",
} as const;

export const ListenerSetReason = {
  Accepted: "Accepted",
  Programmed: "Programmed",
  NotAllowed: "NotAllowed",
  ParentNotAccepted: "ParentNotAccepted",
  ParentNotProgrammed: "ParentNotProgrammed",
  ListenersNotValid: "ListenersNotValid",
  Invalid: "Invalid",
  Pending: "Pending",
} as const;

export const ListenerReason = {
  Accepted: "Accepted",
  Programmed: "Programmed",
  ResolvedRefs: "ResolvedRefs",
  NoConflicts: "NoConflicts",
  HostnameConflict: "HostnameConflict",
  ProtocolConflict: "ProtocolConflict",
  UnsupportedProtocol: "UnsupportedProtocol",
  UnsupportedValue: "UnsupportedValue",
  PortUnavailable: "PortUnavailable",
  Invalid: "Invalid",
  Pending: "Pending",
  InvalidCertificateRef: "InvalidCertificateRef",
  InvalidRouteKinds: "InvalidRouteKinds",
  RefNotPermitted: "RefNotPermitted",
  InvalidCACertificateRef: "InvalidCACertificateRef",
  InvalidCACertificateKind: "InvalidCACertificateKind",
  NoValidCACertificate: "NoValidCACertificate",
  OverlappingHostnames: "OverlappingHostnames",
  OverlappingCertificates: "OverlappingCertificates",
} as const;

export const RouteReason = {
  Accepted: "Accepted",
  NotAllowedByListeners: "NotAllowedByListeners",
  NoMatchingListenerHostname: "NoMatchingListenerHostname",
  NoMatchingParent: "NoMatchingParent",
  UnsupportedValue: "UnsupportedValue",
  IncompatibleFilters: "IncompatibleFilters",
  Pending: "Pending",
  ResolvedRefs: "ResolvedRefs",
  RefNotPermitted: "RefNotPermitted",
  InvalidKind: "InvalidKind",
  BackendNotFound: "BackendNotFound",
  UnsupportedProtocol: "UnsupportedProtocol",
  /**
   * Not a v1 constant: the spec requires Accepted=False for the loser of an HTTPRoute/GRPCRoute
   * hostname clash on one listener but names no reason; "Conflicted" is the one GEP-1294 proposes.
   */
  Conflicted: "Conflicted",
} as const;
export type RouteReason = (typeof RouteReason)[keyof typeof RouteReason];

export const PolicyReason = {
  Accepted: "Accepted",
  Conflicted: "Conflicted",
  Invalid: "Invalid",
  TargetNotFound: "TargetNotFound",
  NoValidCACertificate: "NoValidCACertificate",
  ResolvedRefs: "ResolvedRefs",
  InvalidCACertificateRef: "InvalidCACertificateRef",
  InvalidKind: "InvalidKind",
} as const;

export type ConditionStatus = "True" | "False" | "Unknown";
