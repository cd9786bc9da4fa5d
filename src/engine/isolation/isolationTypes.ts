/**
 * The isolation lens: who may attach routes where (namespaces × listeners), and where a
 * configuration lets one ingress domain reach into another. A domain is a GatewayClass: the
 * templates give each domain (external, internal, a business line) its own class and Gateway.
 * Plain data; the designer draws it as a matrix with the leaks listed beside it.
 */
import type { ResourceKey } from "../api/keys";
import type { RouteKind } from "../api/kinds";

export interface IsolationNamespace {
  name: string;
  labels: Record<string, string>;
  /** False when the namespace is only implied by the objects in it. */
  declared: boolean;
  /** Namespaces holding a Gateway, and that Gateway's domains. */
  gatewayDomains: string[];
}

export interface IsolationListener {
  /** "Gateway/ns/name#listener" (owner key for ListenerSet listeners). */
  id: string;
  gateway: ResourceKey;
  owner: ResourceKey;
  listener: string;
  /** The Gateway's GatewayClass name. */
  domain: string;
  port: number;
  protocol: string;
  hostname?: string;
  /** allowedRoutes.namespaces.from as written (Same when absent). */
  from: string;
  /** The selector, printed, when from is Selector. */
  selector?: string;
  kinds: RouteKind[];
}

export type AdmissionFailure = "namespace" | "route-kind";

export interface IsolationRouteAttempt {
  route: ResourceKey;
  attached: boolean;
  /** The first failed attachment check for this listener, as the status stage reports it. */
  failedCheck?: string;
  detail?: string;
}

export interface IsolationCell {
  namespace: string;
  listener: string;
  /** A route of the listener's first supported kind, from this namespace, would be admitted. */
  allowed: boolean;
  /**
   * Set when allowed only on labels the input cannot show (an undeclared namespace the world
   * assumes labeled as the selector asks): why they are unknown. Not a fact: leaks ignore it.
   */
  assumed?: string;
  failedAt?: AdmissionFailure;
  /**
   * Set when the namespace is refused only because it is already assumed to carry labels this
   * selector contradicts (one set of assumed labels per namespace): the earlier selector.
   */
  conflictsWith?: IsolationConflict;
  /** The admission check's own sentence (selector, Same, kinds). */
  detail: string;
  /** Routes from this namespace that name this listener's Gateway, and how they fared. */
  routes: IsolationRouteAttempt[];
}

/** The earlier selector an assumption contradicts, and where it is written. */
export interface IsolationConflict {
  /** "listener http of Gateway infra/ext (exposure=external)". */
  site: string;
  file: string;
  line: number;
  column: number;
  /** The lens listener id, when the earlier selector is a listener's allowedRoutes. */
  listener?: string;
}

export type LeakKind =
  | "wildcard-covers-other-domain"
  | "route-spans-domains"
  | "namespace-open-to-domains"
  | "network-policy-blocks"
  | "network-policy-open"
  | "network-policy-missing";

export interface IsolationLeak {
  kind: LeakKind;
  severity: "warning" | "info";
  message: string;
  /** The objects involved, for highlighting. */
  objects: ResourceKey[];
  namespace?: string;
  listeners?: string[];
  /**
   * network-policy-blocks: set when the peer that would admit the Gateway's namespace cannot,
   * because the namespace is already assumed to carry labels it contradicts: the earlier selector.
   */
  conflictsWith?: IsolationConflict;
}

export interface IsolationLens {
  domains: string[];
  namespaces: IsolationNamespace[];
  listeners: IsolationListener[];
  cells: IsolationCell[];
  leaks: IsolationLeak[];
}
