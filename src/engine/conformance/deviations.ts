/**
 * The conformance expectations gwsim does not check, each with the reason. A simulator reads
 * manifests; it cannot observe what only a running data plane or a cluster shows. These are
 * reported as skipped, never as passed. Keep this list short: anything the engine can decide
 * from the manifests belongs in the engine, not here.
 */
import type { ExpectationKind } from "./caseTypes";

export interface Deviation {
  case: string;
  /** Only this kind of expectation in the case; all kinds when left out. */
  kind?: ExpectationKind;
  /** Only the expectation with this exact name; every expectation of `kind` when left out. */
  expectation?: string;
  /** Only request expectations whose `expect` has this field. */
  expectField?: string;
  reason: string;
}

const FRONTEND_MTLS =
  "asserts the client-certificate handshake (the Gateway asks for a certificate and accepts or rejects it by the CA that signed it); gwsim does not model frontend mTLS handshakes or verify X.509 chains";

export const DEVIATIONS: readonly Deviation[] = [
  {
    case: "HTTPRouteBackendProtocolWebSocket",
    kind: "request",
    expectation: "websocket connection should reach backend",
    reason:
      "asserts WebSocket frames echoed by a live backend; gwsim routes requests but does not carry frames",
  },
  {
    case: "GatewayFrontendClientCertificateValidation",
    kind: "request",
    expectField: "clientCertificateRequested",
    reason: FRONTEND_MTLS,
  },
  {
    case: "GatewayFrontendClientCertificateValidationInsecureFallback",
    kind: "request",
    expectField: "clientCertificateRequested",
    reason: FRONTEND_MTLS,
  },
  {
    case: "BackendTLSPolicyGRPCRoute",
    kind: "request",
    expectField: "requestFails",
    reason:
      "expects the Gateway's TLS handshake with the backend to fail on the backend's serving certificate (it does not cover the policy's hostname, or another CA signed it); that certificate is a Secret the backend's Pods load, not part of any Gateway API object or Service, so gwsim sees the policy (valid, Accepted) but not the certificate it would be checked against",
  },
  {
    case: "GatewayStaticAddresses",
    kind: "status",
    expectation: "step 1: status of Gateway gateway-conformance-infra/gateway-static-addresses",
    reason:
      "expects Programmed=False/AddressNotUsable for 198.51.100.254, an address upstream lets each implementation declare unusable; whether a cluster can assign an address depends on its network, which manifests do not show",
  },
];

export function findDeviation(
  caseName: string,
  kind: ExpectationKind,
  expectation: string,
  expectFields: readonly string[] = [],
): Deviation | undefined {
  return DEVIATIONS.find(
    (d) =>
      d.case === caseName &&
      (d.kind === undefined || d.kind === kind) &&
      (d.expectation === undefined || d.expectation === expectation) &&
      (d.expectField === undefined || expectFields.includes(d.expectField)),
  );
}
