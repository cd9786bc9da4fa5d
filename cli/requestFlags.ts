/**
 * The request flags shared by `gwsim route` and `gwsim simulate`, turned into a SimRequest: a
 * request to a Gateway, or with --mesh-from/--service a mesh (GAMMA) request from a Pod to a Service.
 * The Gateway is chosen by the engine's own selection (the one the trace then reports): a
 * namespace/name, a bare name carried by one Gateway in any namespace, or, without --gateway,
 * the one Gateway that can take the request. Unknown names and ambiguities are errors that list
 * the Gateways to pick from.
 */
import { selectRequestGateway } from "../src/engine";
import type { Analysis, Router, SimRequest, SimScheme } from "../src/engine";
import { InputError, UsageError } from "./cliIO";
import { intFlag, listFlag, stringFlag, type FlagSpec, type ParsedArgs } from "./parseArgs";

export const REQUEST_FLAGS: Record<string, FlagSpec> = {
  gateway: { type: "string", short: "g" },
  port: { type: "string", short: "p" },
  scheme: { type: "string" },
  host: { type: "string" },
  sni: { type: "string" },
  path: { type: "string" },
  method: { type: "string", short: "X" },
  header: { type: "string", multiple: true, short: "H" },
  grpc: { type: "string" },
  "mesh-from": { type: "string" },
  service: { type: "string" },
};

export const REQUEST_FLAGS_HELP = `Request:
  --gateway NS/NAME   the Gateway that receives the request; a bare NAME works when one Gateway
                      carries it (default: the one Gateway that can take the request)
  --port N            listener port (default 80 for http, 443 for https and tls)
  --scheme S          http (default), https, tls, tcp or udp
  --host H            Host header / :authority, or the TLS server name for tls
  --sni NAME          TLS server name when it differs from --host (https, tls)
  --path P            path plus query (default /)
  --method M, -X M    HTTP method (default GET)
  -H 'Name: value'    a request header; repeat for more
  --grpc SVC/METHOD   a gRPC call (e.g. helloworld.Greeter/SayHello) instead of --path/--method
Mesh request (GAMMA: a Pod calls a Service, no Gateway; instead of --gateway/--port/--scheme):
  --mesh-from NS      the namespace of the client Pod
  --service NS/NAME:PORT
                      the Service and port it calls (a bare NAME:PORT is in the client's namespace)
`;

const SCHEMES: readonly SimScheme[] = ["http", "https", "tls", "tcp", "udp"];

export function buildSimRequest(args: ParsedArgs, analysis: Analysis, router: Router): SimRequest {
  const scheme = (stringFlag(args, "scheme") ?? "http") as SimScheme;
  if (!SCHEMES.includes(scheme))
    throw new UsageError(
      `--scheme must be one of ${SCHEMES.join(", ")}; got ${JSON.stringify(scheme)}`,
    );
  const mesh = meshFlags(args);
  if (mesh === undefined && analysis.gateways.length === 0)
    throw new InputError("the input has no Gateway; add the Gateway the request should reach");
  const req: SimRequest = { scheme };
  if (mesh !== undefined) {
    req.mesh = { clientNamespace: mesh.from, service: mesh.service };
    req.port = mesh.port;
  }
  const gateway = stringFlag(args, "gateway");
  if (gateway !== undefined) req.gateway = gateway;
  const port = intFlag(args, "port", 1, 65535);
  if (port !== undefined) req.port = port;
  if ((scheme === "tcp" || scheme === "udp") && port === undefined)
    throw new UsageError(`--scheme ${scheme} needs --port`);
  const host = stringFlag(args, "host");
  if (host !== undefined) req.host = host;
  const sni = stringFlag(args, "sni");
  if (sni !== undefined) req.sni = sni;
  const path = stringFlag(args, "path");
  if (path !== undefined) {
    if (!path.startsWith("/"))
      throw new UsageError(`--path must start with "/"; got ${JSON.stringify(path)}`);
    req.path = path;
  }
  const method = stringFlag(args, "method");
  if (method !== undefined) req.method = method.toUpperCase();
  const headers = listFlag(args, "header");
  if (headers.length > 0) req.headers = parseHeaders(headers);
  const grpc = stringFlag(args, "grpc");
  if (grpc !== undefined) {
    const m = /^\/?([^/\s]+)\/([^/\s]+)$/.exec(grpc);
    if (!m)
      throw new UsageError(
        `--grpc must be SERVICE/METHOD, e.g. helloworld.Greeter/SayHello; got ${JSON.stringify(grpc)}`,
      );
    req.grpc = { service: m[1] ?? "", method: m[2] ?? "" };
  }
  if (mesh === undefined) checkGateway(req, analysis, router);
  return req;
}

/** RFC 1123 labels: what a namespace and a Service name must be. */
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

/**
 * `--mesh-from NS --service NS/NAME:PORT`: a mesh request, or undefined when neither is given.
 * The two come together, and exclude the flags that choose a Gateway listener.
 */
function meshFlags(args: ParsedArgs): { from: string; service: string; port: number } | undefined {
  const from = stringFlag(args, "mesh-from");
  const service = stringFlag(args, "service");
  if (from === undefined && service === undefined) return undefined;
  if (from === undefined || service === undefined)
    throw new UsageError(
      "a mesh request needs both --mesh-from NS (the client Pod's namespace) and --service NS/NAME:PORT",
    );
  for (const flag of ["gateway", "port", "scheme", "sni"])
    if (stringFlag(args, flag) !== undefined)
      throw new UsageError(
        `--${flag} chooses a Gateway listener; a mesh request (--mesh-from, --service) has none: the port is --service's`,
      );
  if (!DNS_LABEL.test(from))
    throw new UsageError(
      `--mesh-from must be a namespace name (a DNS label such as web); got ${JSON.stringify(from)}`,
    );
  const colon = service.lastIndexOf(":");
  const target = colon < 0 ? service : service.slice(0, colon);
  const port = colon < 0 ? Number.NaN : Number(service.slice(colon + 1));
  const parts = target.split("/");
  if (
    !Number.isInteger(port) ||
    port < 1 ||
    port > 65535 ||
    !/^\d+$/.test(service.slice(colon + 1)) ||
    parts.length > 2 ||
    !parts.every((p) => DNS_LABEL.test(p))
  )
    throw new UsageError(
      `--service must be NS/NAME:PORT (or NAME:PORT in the client's namespace) with a port 1-65535; got ${JSON.stringify(service)}`,
    );
  return { from, service: target, port };
}

function parseHeaders(lines: readonly string[]): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(":");
    if (colon <= 0) throw new UsageError(`-H needs "Name: value"; got ${JSON.stringify(line)}`);
    const name = line.slice(0, colon).trim();
    const value = line.slice(colon + 1).trim();
    const key = Object.keys(headers).find((k) => k.toLowerCase() === name.toLowerCase()) ?? name;
    // Repeated headers are joined with "," as proxies do.
    headers[key] = headers[key] === undefined ? value : `${headers[key]},${value}`;
  }
  return headers;
}

/** Fails up front where the engine's choice would fail: an unknown name or an ambiguous choice. */
function checkGateway(req: SimRequest, analysis: Analysis, router: Router): void {
  const choice = selectRequestGateway(router, req);
  if (choice.ok) return;
  const available = analysis.gateways.map((g) => `${g.namespace}/${g.name}`).sort();
  if (choice.candidates.length > 1) {
    const why =
      req.gateway === undefined
        ? `${choice.candidates.length} Gateways can take this request`
        : `${choice.candidates.length} Gateways are named ${req.gateway}`;
    throw new UsageError(
      `${why}; pick one with --gateway NS/NAME: ${choice.candidates.join(", ")}`,
    );
  }
  if (req.gateway !== undefined)
    throw new InputError(
      `Gateway ${req.gateway} is not in the input. Available: ${available.join(", ")}`,
    );
  // Without --gateway and no Gateway that fits: the trace says why (no listener on that port…).
}
