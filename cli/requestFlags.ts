/**
 * The request flags shared by `gwsim route` and `gwsim simulate`, turned into a SimRequest.
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
`;

const SCHEMES: readonly SimScheme[] = ["http", "https", "tls", "tcp", "udp"];

export function buildSimRequest(args: ParsedArgs, analysis: Analysis, router: Router): SimRequest {
  const scheme = (stringFlag(args, "scheme") ?? "http") as SimScheme;
  if (!SCHEMES.includes(scheme))
    throw new UsageError(
      `--scheme must be one of ${SCHEMES.join(", ")}; got ${JSON.stringify(scheme)}`,
    );
  if (analysis.gateways.length === 0)
    throw new InputError("the input has no Gateway; add the Gateway the request should reach");
  const req: SimRequest = { scheme };
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
  checkGateway(req, analysis, router);
  return req;
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
