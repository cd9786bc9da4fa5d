/**
 * Gateway API spec shapes (v1.6.1), named exactly as the spec names them.
 * Every field is optional here because gwsim parses what users type, not what an API server
 * admitted: validate/ reports missing required fields, and later stages apply the defaults.
 * @see https://gateway-api.sigs.k8s.io/reference/spec/
 */

export interface LocalObjectReference {
  group?: string;
  kind?: string;
  name?: string;
}

export interface SecretObjectReference {
  group?: string;
  kind?: string;
  name?: string;
  namespace?: string;
}

export interface ParentReference {
  group?: string;
  kind?: string;
  namespace?: string;
  name?: string;
  sectionName?: string;
  port?: number;
}

export interface BackendObjectReference {
  group?: string;
  kind?: string;
  name?: string;
  namespace?: string;
  port?: number;
}

export interface BackendRef extends BackendObjectReference {
  weight?: number;
}

export interface HTTPBackendRef extends BackendRef {
  filters?: HTTPRouteFilter[];
}

export interface GRPCBackendRef extends BackendRef {
  filters?: GRPCRouteFilter[];
}

export interface LabelSelectorRequirement {
  key?: string;
  operator?: "In" | "NotIn" | "Exists" | "DoesNotExist" | string;
  values?: string[];
}

export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: LabelSelectorRequirement[];
}

// ---------- GatewayClass ----------
export interface GatewayClassSpec {
  controllerName?: string;
  parametersRef?: { group?: string; kind?: string; name?: string; namespace?: string };
  description?: string;
}

// ---------- Gateway ----------
export type ProtocolType = "HTTP" | "HTTPS" | "TLS" | "TCP" | "UDP" | string;

export interface RouteGroupKind {
  group?: string;
  kind?: string;
}

export interface AllowedRoutes {
  namespaces?: { from?: "All" | "Same" | "Selector" | string; selector?: LabelSelector };
  kinds?: RouteGroupKind[];
}

export interface GatewayTLSConfig {
  mode?: "Terminate" | "Passthrough" | string;
  certificateRefs?: SecretObjectReference[];
  options?: Record<string, string>;
  frontendValidation?: { caCertificateRefs?: SecretObjectReference[] };
}

export interface Listener {
  name?: string;
  hostname?: string;
  port?: number;
  protocol?: ProtocolType;
  tls?: GatewayTLSConfig;
  allowedRoutes?: AllowedRoutes;
}

export interface GatewaySpecAddress {
  type?: string;
  value?: string;
}

export interface GatewaySpec {
  gatewayClassName?: string;
  listeners?: Listener[];
  addresses?: GatewaySpecAddress[];
  infrastructure?: {
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    parametersRef?: LocalObjectReference;
  };
  allowedListeners?: {
    namespaces?: { from?: "All" | "Same" | "Selector" | "None" | string; selector?: LabelSelector };
  };
  tls?: {
    frontend?: {
      default?: FrontendTLSValidation;
      perPort?: { port?: number; tls?: FrontendTLSValidation }[];
    };
    backend?: { clientCertificateRef?: SecretObjectReference };
  };
}

export interface FrontendTLSValidation {
  validation?: {
    caCertificateRefs?: SecretObjectReference[];
    mode?: "AllowValidOnly" | "AllowInsecureFallback" | string;
  };
}

// ---------- ListenerSet ----------
export interface ListenerSetSpec {
  parentRef?: { group?: string; kind?: string; name?: string; namespace?: string };
  listeners?: Listener[];
}

// ---------- HTTPRoute ----------
export type PathMatchType = "Exact" | "PathPrefix" | "RegularExpression";
export type HeaderMatchType = "Exact" | "RegularExpression";
export type HTTPMethod =
  "GET" | "HEAD" | "POST" | "PUT" | "DELETE" | "CONNECT" | "OPTIONS" | "TRACE" | "PATCH";
export const HTTP_METHODS: readonly HTTPMethod[] = [
  "GET",
  "HEAD",
  "POST",
  "PUT",
  "DELETE",
  "CONNECT",
  "OPTIONS",
  "TRACE",
  "PATCH",
];

export interface HTTPPathMatch {
  type?: PathMatchType | string;
  value?: string;
}

export interface HTTPHeaderMatch {
  type?: HeaderMatchType | string;
  name?: string;
  value?: string;
}

export interface HTTPQueryParamMatch {
  type?: HeaderMatchType | string;
  name?: string;
  value?: string;
}

export interface HTTPRouteMatch {
  path?: HTTPPathMatch;
  headers?: HTTPHeaderMatch[];
  queryParams?: HTTPQueryParamMatch[];
  method?: HTTPMethod | string;
}

export interface HTTPHeader {
  name?: string;
  value?: string;
}

export interface HTTPHeaderFilter {
  set?: HTTPHeader[];
  add?: HTTPHeader[];
  remove?: string[];
}

export interface HTTPPathModifier {
  type?: "ReplaceFullPath" | "ReplacePrefixMatch" | string;
  replaceFullPath?: string;
  replacePrefixMatch?: string;
}

export interface HTTPRequestRedirectFilter {
  scheme?: "http" | "https" | string;
  hostname?: string;
  path?: HTTPPathModifier;
  port?: number;
  statusCode?: number;
}

export interface HTTPURLRewriteFilter {
  hostname?: string;
  path?: HTTPPathModifier;
}

export interface HTTPRequestMirrorFilter {
  backendRef?: BackendObjectReference;
  percent?: number;
  fraction?: { numerator?: number; denominator?: number };
}

export interface HTTPCORSFilter {
  allowOrigins?: string[];
  allowCredentials?: boolean;
  allowMethods?: string[];
  allowHeaders?: string[];
  exposeHeaders?: string[];
  maxAge?: number;
}

export type HTTPRouteFilterType =
  | "RequestHeaderModifier"
  | "ResponseHeaderModifier"
  | "RequestMirror"
  | "RequestRedirect"
  | "URLRewrite"
  | "CORS"
  | "ExternalAuth"
  | "ExtensionRef";

export interface HTTPRouteFilter {
  type?: HTTPRouteFilterType | string;
  requestHeaderModifier?: HTTPHeaderFilter;
  responseHeaderModifier?: HTTPHeaderFilter;
  requestMirror?: HTTPRequestMirrorFilter;
  requestRedirect?: HTTPRequestRedirectFilter;
  urlRewrite?: HTTPURLRewriteFilter;
  cors?: HTTPCORSFilter;
  externalAuth?: Record<string, unknown>;
  extensionRef?: LocalObjectReference;
}

export interface HTTPRouteTimeouts {
  request?: string;
  backendRequest?: string;
}

export interface HTTPRouteRetry {
  codes?: number[];
  attempts?: number;
  backoff?: string;
}

export interface SessionPersistence {
  sessionName?: string;
  absoluteTimeout?: string;
  idleTimeout?: string;
  type?: "Cookie" | "Header" | string;
  cookieConfig?: { lifetimeType?: "Session" | "Permanent" | string };
}

export interface HTTPRouteRule {
  name?: string;
  matches?: HTTPRouteMatch[];
  filters?: HTTPRouteFilter[];
  backendRefs?: HTTPBackendRef[];
  timeouts?: HTTPRouteTimeouts;
  retry?: HTTPRouteRetry;
  sessionPersistence?: SessionPersistence;
}

export interface CommonRouteSpec {
  parentRefs?: ParentReference[];
}

export interface HTTPRouteSpec extends CommonRouteSpec {
  hostnames?: string[];
  rules?: HTTPRouteRule[];
}

// ---------- GRPCRoute ----------
export interface GRPCMethodMatch {
  type?: "Exact" | "RegularExpression" | string;
  service?: string;
  method?: string;
}

export interface GRPCRouteMatch {
  method?: GRPCMethodMatch;
  headers?: HTTPHeaderMatch[];
}

export interface GRPCRouteFilter {
  type?:
    "RequestHeaderModifier" | "ResponseHeaderModifier" | "RequestMirror" | "ExtensionRef" | string;
  requestHeaderModifier?: HTTPHeaderFilter;
  responseHeaderModifier?: HTTPHeaderFilter;
  requestMirror?: HTTPRequestMirrorFilter;
  extensionRef?: LocalObjectReference;
}

export interface GRPCRouteRule {
  name?: string;
  matches?: GRPCRouteMatch[];
  filters?: GRPCRouteFilter[];
  backendRefs?: GRPCBackendRef[];
  sessionPersistence?: SessionPersistence;
}

export interface GRPCRouteSpec extends CommonRouteSpec {
  hostnames?: string[];
  rules?: GRPCRouteRule[];
}

// ---------- TLS / TCP / UDP routes ----------
export interface L4RouteRule {
  name?: string;
  backendRefs?: BackendRef[];
}

export interface TLSRouteSpec extends CommonRouteSpec {
  hostnames?: string[];
  rules?: L4RouteRule[];
}

export interface TCPRouteSpec extends CommonRouteSpec {
  rules?: L4RouteRule[];
}

export type UDPRouteSpec = TCPRouteSpec;

// ---------- ReferenceGrant ----------
export interface ReferenceGrantSpec {
  from?: { group?: string; kind?: string; namespace?: string }[];
  to?: { group?: string; kind?: string; name?: string }[];
}

// ---------- BackendTLSPolicy and other policies ----------
export interface PolicyTargetReference {
  group?: string;
  kind?: string;
  name?: string;
  namespace?: string;
  sectionName?: string;
}

export interface BackendTLSPolicySpec {
  targetRefs?: PolicyTargetReference[];
  validation?: {
    caCertificateRefs?: LocalObjectReference[];
    wellKnownCACertificates?: string;
    hostname?: string;
    subjectAltNames?: { type?: string; hostname?: string; uri?: string }[];
  };
  options?: Record<string, string>;
}

// ---------- Core kinds (only the fields gwsim reads) ----------
export interface ServicePort {
  name?: string;
  port?: number;
  targetPort?: number | string;
  protocol?: string;
  appProtocol?: string;
}

export interface ServiceSpec {
  type?: string;
  clusterIP?: string;
  ports?: ServicePort[];
  selector?: Record<string, string>;
  externalName?: string;
}
