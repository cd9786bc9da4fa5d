/**
 * Each reading's question, in the words the app's readings panel shows. Apart from READINGS
 * (readings.ts) because only the panel, opened on demand, reads them: the page's first chunk
 * and the engine worker carry names, values and defaults only (initial JS, issue 11). Where each
 * question is discussed is in the comment on its reading in readings.ts.
 */
import type { ReadingName } from "./readings";

export const READING_QUESTIONS: { readonly [K in ReadingName]: string } = {
  backendPortNotInService:
    "a backendRef port the Service does not expose: ResolvedRefs=False (BackendNotFound), or not checked (the route forwards)",
  loneBackendZeroWeight:
    "the only backendRef of a rule has weight 0: it gets no traffic (500), or all of it",
  httpGrpcSameHostname:
    "an HTTPRoute and a GRPCRoute on the same hostname of one listener: the older is accepted and the other gets Accepted=False, or both are accepted (gRPC calls to the GRPCRoute, other requests to the HTTPRoute)",
  tcpRouteOnTlsTerminate:
    "a TCPRoute on a TLS listener in Terminate mode: refused (TLS listeners serve TLSRoute only), or accepted (the decrypted stream is forwarded as TCP)",
  GatewayRouteHostnameIntersectionPrecedence:
    "routes whose own hostnames differ but intersect a listener to the same hostname: one virtual host keyed by the intersection (ranked by path, then age), or virtual hosts keyed by each route's own hostnames (the more specific route hostname wins)",
  regexMatch:
    "a RegularExpression matches the whole value (as Envoy), or any part (nginx ~, as NGINX Gateway Fabric)",
  partlyInvalidCertificateRefs:
    "certificateRefs partly invalid: listener not programmed, or programmed with the valid ones (as Envoy Gateway)",
};
