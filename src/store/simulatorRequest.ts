/**
 * What the composer sends for each scheme. The form hides the HTTP fields (method, path, headers,
 * gRPC) for TLS, TCP and UDP, and SNI for plain HTTP; a hidden field is never sent, so a TLS
 * request does not carry a gRPC method left over from an earlier HTTP one. The port follows the
 * scheme the way a client's would: to the listener that serves it, or to the scheme's default.
 */
import type { SimRequest, SimScheme } from '../engine';

const HTTP_ONLY: readonly (keyof SimRequest)[] = ['method', 'path', 'headers', 'grpc'];

/** The fields the composer shows for a scheme are the fields it sends. */
export function requestToSend(draft: SimRequest): SimRequest {
  const out: SimRequest = { ...draft };
  if (draft.scheme !== 'http' && draft.scheme !== 'https') for (const k of HTTP_ONLY) delete out[k];
  if (draft.scheme !== 'https' && draft.scheme !== 'tls') delete out.sni;
  return out;
}

/** The port a client uses by default for a scheme; TCP and UDP have none. */
export function defaultPort(scheme: SimScheme): number | undefined {
  if (scheme === 'http') return 80;
  if (scheme === 'https' || scheme === 'tls') return 443;
  return undefined;
}

const PROTOCOLS: Record<SimScheme, readonly string[]> = {
  http: ['HTTP'],
  https: ['HTTPS', 'TLS'],
  tls: ['TLS', 'HTTPS'],
  tcp: ['TCP'],
  udp: ['UDP'],
};

/**
 * The port after the scheme changes: the first listener of the chosen Gateway that serves the new
 * scheme; otherwise the new scheme's default when the port was the old scheme's default (or
 * unset); otherwise the port the user typed stays.
 */
export function portForScheme(draft: SimRequest, next: SimScheme, listeners: readonly { port: number; protocol: string }[] | undefined): number | undefined {
  const served = listeners?.find((l) => PROTOCOLS[next].includes(l.protocol));
  if (served !== undefined) return served.port;
  if (draft.port === undefined || draft.port === defaultPort(draft.scheme)) return defaultPort(next);
  return draft.port;
}
