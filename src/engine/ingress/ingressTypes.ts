/**
 * The ingress-nginx model's data: Ingress objects read into one shape whatever their apiVersion,
 * the annotations ingress-nginx acts on, and the nginx configuration it would generate (servers
 * and ordered locations). Plain data, except compiled regexes, which never cross the worker boundary.
 */
import type { ResourceKey } from "../api/keys";
import type { FieldPath } from "../types";

export type IngressPathType = "Exact" | "Prefix" | "ImplementationSpecific";

export interface IngressServiceBackend {
  /** Service name, in the Ingress's namespace. */
  name: string;
  /** Port number or port name, as written. */
  port: number | string;
}

export interface IngressPathModel {
  /** '' when the Ingress leaves it out (ingress-nginx then uses "/"). */
  path: string;
  /** How ingress-nginx matches the path: Exact, or Prefix for every other type (see readIngresses). */
  pathType: IngressPathType;
  /** The pathType as the Ingress wrote it, when it is not `pathType` (ImplementationSpecific, none). */
  writtenPathType?: string;
  /** Undefined for a `resource` backend (ingress-nginx serves those from its default backend). */
  service?: IngressServiceBackend;
  /** Where this path sits in the Ingress, for findings. */
  at: FieldPath;
}

export interface IngressRuleModel {
  /** Lower-cased host; '' for a rule without host (the catch-all server). */
  host: string;
  paths: IngressPathModel[];
  at: FieldPath;
}

export interface CanaryConfig {
  weight: number;
  weightTotal: number;
  header?: string;
  headerValue?: string;
  headerPattern?: string;
  cookie?: string;
}

export interface CorsConfig {
  allowOrigin: string[];
  allowMethods: string;
  allowHeaders: string;
  exposeHeaders: string;
  allowCredentials: boolean;
  maxAge: number;
}

export type BackendProtocol = "HTTP" | "HTTPS" | "GRPC" | "GRPCS" | "AUTO_HTTP" | "FCGI";

/** What ingress-nginx does with an Ingress's annotations (nginx.ingress.kubernetes.io/...). */
export interface IngressAnnotations {
  rewriteTarget?: string;
  useRegex: boolean;
  /** ssl-redirect: redirect HTTP to HTTPS when the host has a certificate (default true). */
  sslRedirect: boolean;
  forceSslRedirect: boolean;
  /** preserve-trailing-slash: keep the trailing "/" in the HTTPS redirect (lua_ingress.lua drops it). */
  preserveTrailingSlash: boolean;
  /** from-to-www-redirect: the host's `www.` twin (or apex) redirects to it (BuildRedirects). */
  fromToWwwRedirect: boolean;
  permanentRedirect?: { url: string; code: number };
  temporalRedirect?: { url: string; code: number };
  appRoot?: string;
  canary?: CanaryConfig;
  backendProtocol: BackendProtocol;
  upstreamVhost?: string;
  xForwardedPrefix?: string;
  cors?: CorsConfig;
  /** Annotations carried as notes: they shape limits and timeouts, not where a request goes. */
  notes: { annotation: string; value: string }[];
  /** Annotations ingress-nginx acts on that gwsim does not simulate. */
  notSimulated: string[];
  /** Raw nginx configuration (configuration-snippet, server-snippet): no Gateway API equivalent. */
  unportable: string[];
  /** Values ingress-nginx would reject or that gwsim cannot read, with why. */
  invalid: { annotation: string; reason: string }[];
}

export interface IngressModel {
  key: ResourceKey;
  namespace: string;
  name: string;
  /** The IngressClass the Ingress names (spec.ingressClassName or the legacy annotation), or the default class. */
  className: string;
  classSource: "spec" | "annotation" | "default" | "none";
  creationTimestamp?: string;
  defaultBackend?: IngressServiceBackend;
  rules: IngressRuleModel[];
  tls: { hosts: string[]; secretName?: string }[];
  annotations: IngressAnnotations;
  file: string;
  line: number;
}

export interface IngressClassModel {
  name: string;
  controller: string;
  isDefault: boolean;
}
