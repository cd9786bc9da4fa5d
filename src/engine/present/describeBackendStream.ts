/**
 * What the backend of a TLS listener receives, in words: the client's TLS passed through, TLS the
 * Gateway re-encrypts per a BackendTLSPolicy, or plaintext because TLS ends at the Gateway. The
 * one sentence `gwsim simulate` prints and the simulator's trace shows (RequestOutcome.backendStream).
 */
import type { RequestOutcome } from "../simulate/types";

export type BackendStream = NonNullable<RequestOutcome["backendStream"]>;

export function describeBackendStream(stream: BackendStream): string {
  if (!stream.tls) return "plaintext (TLS ends at the Gateway)";
  const origin =
    stream.origin === "passthrough"
      ? "the client's TLS, passed through"
      : "re-encrypted by the Gateway per BackendTLSPolicy";
  const certificate =
    stream.clientCertificate !== undefined
      ? `, client certificate ${stream.clientCertificate}`
      : "";
  return `TLS, SNI ${stream.sni ?? "(none)"} (${origin})${certificate}`;
}
