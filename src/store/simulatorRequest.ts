/**
 * What the composer sends for each scheme. The form hides the HTTP fields (method, path, headers,
 * gRPC) for TLS, TCP and UDP, and SNI for plain HTTP; a hidden field is never sent, so a TLS
 * request does not carry a gRPC method left over from an earlier HTTP one. The port follows the
 * scheme the way a client's would: to the listener that serves it, or to the scheme's default.
 */
import type { SimRequest, SimScheme } from "../engine";

const HTTP_ONLY: readonly (keyof SimRequest)[] = ["method", "path", "headers", "grpc"];

/** The fields the composer shows for a scheme are the fields it sends. */
export function requestToSend(draft: SimRequest): SimRequest {
  const out: SimRequest = { ...draft };
  // A mesh request goes to a Service: the composer hides the Gateway and SNI fields then.
  if (draft.mesh !== undefined) {
    delete out.gateway;
    delete out.sni;
  }
  if (draft.scheme !== "http" && draft.scheme !== "https") for (const k of HTTP_ONLY) delete out[k];
  if (draft.scheme !== "https" && draft.scheme !== "tls") delete out.sni;
  return out;
}

/** The port a client uses by default for a scheme; TCP and UDP have none. */
export function defaultPort(scheme: SimScheme): number | undefined {
  if (scheme === "http") return 80;
  if (scheme === "https" || scheme === "tls") return 443;
  return undefined;
}

const PROTOCOLS: Record<SimScheme, readonly string[]> = {
  http: ["HTTP"],
  https: ["HTTPS", "TLS"],
  tls: ["TLS", "HTTPS"],
  tcp: ["TCP"],
  udp: ["UDP"],
};

/**
 * The port after the scheme changes: the first listener of the chosen Gateway that serves the new
 * scheme; otherwise the new scheme's default when the port was the old scheme's default (or
 * unset); otherwise the port the user typed stays.
 */
export function portForScheme(
  draft: SimRequest,
  next: SimScheme,
  listeners: readonly { port: number; protocol: string }[] | undefined,
): number | undefined {
  const served = listeners?.find((l) => PROTOCOLS[next].includes(l.protocol));
  if (served !== undefined) return served.port;
  if (draft.port === undefined || draft.port === defaultPort(draft.scheme))
    return defaultPort(next);
  return draft.port;
}

/** Options the composer reads to start a mesh request (selectSimMesh in the store). */
interface MeshChoices {
  services: readonly { name: string; ports: readonly { port: number }[]; boundRoutes: number }[];
}

/**
 * The composer switched to a mesh target: keep the HTTP fields, drop the Gateway, SNI and the
 * Gateway's Host, and call the first Service that has routes bound (on its first port), from a
 * client in that Service's namespace.
 */
export function toMeshDraft(draft: SimRequest, mesh: MeshChoices): SimRequest {
  const service = mesh.services.find((s) => s.boundRoutes > 0) ?? mesh.services[0];
  const name = service?.name ?? "";
  const out: SimRequest = {
    ...draft,
    scheme: "http",
    mesh: { clientNamespace: name.split("/")[0] || "default", service: name },
    port: service?.ports[0]?.port ?? 80,
  };
  delete out.gateway;
  delete out.sni;
  delete out.host;
  return out;
}

/** The composer switched back to a Gateway target: any Gateway on the scheme's default port. */
export function toGatewayDraft(draft: SimRequest): SimRequest {
  const out: SimRequest = { ...draft, host: "example.com" };
  delete out.mesh;
  delete out.port;
  return out;
}
