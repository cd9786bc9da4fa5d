/**
 * The simulator's request and outcome contract. Plain data: the UI, the CLI and the conformance
 * runner read these; the routing helper extends them additively.
 */
import type { ResourceKey } from "../api/keys";

export type SimScheme = "http" | "https" | "tls" | "tcp" | "udp";

export interface SimRequest {
  /** "namespace/name" of the Gateway; optional when only one Gateway fits the port/scheme. */
  gateway?: string;
  scheme: SimScheme;
  /** Defaults to 80 for http, 443 for https/tls. Required for tcp/udp. */
  port?: number;
  /** Host header / :authority (may carry a :port, which matching ignores). */
  host?: string;
  /** TLS server name; defaults to the host (without port) for https/tls. */
  sni?: string;
  method?: string;
  /** Path plus query, e.g. "/api/v1?x=1". Defaults to "/". */
  path?: string;
  /** Request headers; names are case-insensitive. Repeated values joined with "," as Envoy does. */
  headers?: Record<string, string>;
  /**
   * A mesh (GAMMA) request: sent by a client Pod in `clientNamespace` to a Service ("namespace/name",
   * or a bare name in the client's namespace, as cluster DNS resolves it) on `port`. No Gateway is
   * involved; `gateway` and `sni` are ignored and the Host header never selects a route.
   */
  mesh?: { clientNamespace: string; service: string };
  /** A gRPC call: POST /service/method over HTTP/2. */
  grpc?: { service: string; method: string };
  /**
   * Headers the backend answers with (the conformance echo backend's X-Echo-Set-Header), so
   * ResponseHeaderModifier and CORS can be shown acting on them. Names are case-insensitive.
   */
  backendResponseHeaders?: Record<string, string>;
  /**
   * How the picked backend behaves, so timeouts and retries can be enforced. Without it the
   * backend answers 200 at once.
   */
  backendBehavior?: BackendBehavior;
}

/**
 * A backend's behaviour over consecutive attempts of one request: each attempt takes `delay` (a
 * GEP-2257 Duration); the first `failFirstAttempts` attempts fail, taking `failDelay` instead when
 * set, and answer `failStatus` (default 500), or reset the connection when `failConnection`.
 */
export interface BackendBehavior {
  delay?: string;
  failFirstAttempts?: number;
  failStatus?: number;
  failDelay?: string;
  failConnection?: boolean;
}

/** The request as the backend (or a redirect) sees it after filters. */
export interface ForwardedRequest {
  scheme: string;
  method: string;
  host: string;
  path: string;
  headers: Record<string, string>;
  /** When the Gateway reaches the backend over TLS: the SNI it sends and the client certificate it presents. */
  backendTLS?: { sni: string; clientCertificate?: string };
}

export interface BackendShare {
  /** "namespace/name:port", or "none" for the share answered with an error for lack of a valid backend. */
  target: string;
  service?: ResourceKey;
  namespace?: string;
  name?: string;
  port?: number;
  /** Exact probability in [0, 1] from the weights. */
  share: number;
  /** Why this share fails, when target is "none". */
  reason?: string;
  /** Set when the Service is not in the input and the world assumes it: the sentence to show. */
  assumed?: string;
  /** Set when the world assumes the ReferenceGrant that permits the reference: the sentence to show. */
  assumedGrant?: string;
  /** Set when a non-default reading decided this backend's resolution or weight: the sentence naming it. */
  reading?: string;
}

export interface MirrorOutcome {
  target: string;
  namespace: string;
  name: string;
  port?: number;
  /** Percentage of requests mirrored, 0–100. */
  percent: number;
  valid: boolean;
  /** Why the mirror is not configured, when it is invalid. */
  reason?: string;
  /** The request as the mirror receives it: modified by the filters listed before the mirror. */
  request?: ForwardedRequest;
  /** Set when the mirror's Service is not in the input and the world assumes it: the sentence to show. */
  assumed?: string;
  /** Set when the world assumes the ReferenceGrant that permits the mirror's reference. */
  assumedGrant?: string;
}

export type OutcomeKind =
  | "forwarded"
  | "redirect"
  | "direct-response"
  | "not-found"
  | "misdirected"
  | "backend-error"
  | "connection-refused"
  /**
   * gwsim cannot say what the client gets: the request reached an implementation-specific filter
   * (an ExtensionRef whose object is in the input or assumed) that gwsim does not run. status 0.
   */
  | "unknown";

export interface RequestOutcome {
  kind: OutcomeKind;
  /** HTTP status the client sees: 200 when forwarded to a healthy backend, 3xx redirect, 404, 421, 500… */
  status: number;
  /** For gRPC requests: 'OK', 'Unimplemented', 'Unavailable', … */
  grpcCode?: string;
  /** The exact split of this request over backends (all entries of the chosen rule, invalid ones as "none"). */
  backends: BackendShare[];
  /** Present when one backend was picked (a sampled or deterministic pick). */
  backend?: BackendShare;
  redirect?: { status: number; location: string };
  /** What reaches the backend after request filters; absent when nothing is forwarded. */
  request?: ForwardedRequest;
  /**
   * For a connection a TLS listener forwards to a backend: whether the backend sees TLS, with the
   * SNI it sees, and who made that TLS (the client on Passthrough, the Gateway when a
   * BackendTLSPolicy re-encrypts). TCP/UDP listeners pass the client's bytes on unread: unset.
   */
  backendStream?: {
    tls: boolean;
    sni?: string;
    origin?: "passthrough" | "BackendTLSPolicy";
    clientCertificate?: string;
  };
  /** Headers added/changed on the response by ResponseHeaderModifier/CORS (names lower-cased). */
  responseHeaders: Record<string, string>;
  mirrors: MirrorOutcome[];
  /** One sentence: why this outcome. */
  reason: string;
}
