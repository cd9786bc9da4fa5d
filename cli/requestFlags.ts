/**
 * The request flags shared by `gwsim route` and `gwsim simulate`, turned into a SimRequest.
 * The Gateway must exist in the input; when it does not, the error lists the ones that do.
 */
import type { Analysis, SimRequest, SimScheme } from '../src/engine';
import { InputError, UsageError } from './cliIO';
import { intFlag, listFlag, stringFlag, type FlagSpec, type ParsedArgs } from './parseArgs';

export const REQUEST_FLAGS: Record<string, FlagSpec> = {
  gateway: { type: 'string', short: 'g' },
  port: { type: 'string', short: 'p' },
  scheme: { type: 'string' },
  host: { type: 'string' },
  sni: { type: 'string' },
  path: { type: 'string' },
  method: { type: 'string', short: 'X' },
  header: { type: 'string', multiple: true, short: 'H' },
  grpc: { type: 'string' },
};

export const REQUEST_FLAGS_HELP = `Request:
  --gateway NS/NAME   the Gateway that receives the request (required when the input has several)
  --port N            listener port (default 80 for http, 443 for https and tls)
  --scheme S          http (default), https, tls or tcp
  --host H            Host header / :authority, or the TLS server name for tls
  --sni NAME          TLS server name when it differs from --host (https, tls)
  --path P            path plus query (default /)
  --method M, -X M    HTTP method (default GET)
  -H 'Name: value'    a request header; repeat for more
  --grpc SVC/METHOD   a gRPC call (e.g. helloworld.Greeter/SayHello) instead of --path/--method
`;

const SCHEMES: readonly SimScheme[] = ['http', 'https', 'tls', 'tcp'];

export function buildSimRequest(args: ParsedArgs, analysis: Analysis): SimRequest {
  const scheme = (stringFlag(args, 'scheme') ?? 'http') as SimScheme;
  if (!SCHEMES.includes(scheme)) throw new UsageError(`--scheme must be one of ${SCHEMES.join(', ')}; got ${JSON.stringify(scheme)}`);
  const req: SimRequest = { scheme, gateway: resolveGateway(stringFlag(args, 'gateway'), analysis) };
  const port = intFlag(args, 'port', 1);
  if (port !== undefined) req.port = port;
  if (scheme === 'tcp' && port === undefined) throw new UsageError('--scheme tcp needs --port');
  const host = stringFlag(args, 'host');
  if (host !== undefined) req.host = host;
  const sni = stringFlag(args, 'sni');
  if (sni !== undefined) req.sni = sni;
  const path = stringFlag(args, 'path');
  if (path !== undefined) {
    if (!path.startsWith('/')) throw new UsageError(`--path must start with "/"; got ${JSON.stringify(path)}`);
    req.path = path;
  }
  const method = stringFlag(args, 'method');
  if (method !== undefined) req.method = method.toUpperCase();
  const headers = listFlag(args, 'header');
  if (headers.length > 0) req.headers = parseHeaders(headers);
  const grpc = stringFlag(args, 'grpc');
  if (grpc !== undefined) {
    const m = /^\/?([^/\s]+)\/([^/\s]+)$/.exec(grpc);
    if (!m) throw new UsageError(`--grpc must be SERVICE/METHOD, e.g. helloworld.Greeter/SayHello; got ${JSON.stringify(grpc)}`);
    req.grpc = { service: m[1] ?? '', method: m[2] ?? '' };
  }
  return req;
}

function parseHeaders(lines: readonly string[]): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon <= 0) throw new UsageError(`-H needs "Name: value"; got ${JSON.stringify(line)}`);
    const name = line.slice(0, colon).trim();
    const value = line.slice(colon + 1).trim();
    const key = Object.keys(headers).find((k) => k.toLowerCase() === name.toLowerCase()) ?? name;
    // Repeated headers are joined with "," as proxies do.
    headers[key] = headers[key] === undefined ? value : `${headers[key]},${value}`;
  }
  return headers;
}

function resolveGateway(wanted: string | undefined, analysis: Analysis): string {
  const available = analysis.gateways.map((g) => `${g.namespace}/${g.name}`).sort();
  if (available.length === 0) throw new InputError('the input has no Gateway; add the Gateway the request should reach');
  if (wanted === undefined) {
    const [only] = available;
    if (available.length === 1 && only !== undefined) return only;
    throw new UsageError(`the input has ${available.length} Gateways; pick one with --gateway: ${available.join(', ')}`);
  }
  const name = wanted.includes('/') ? wanted : `default/${wanted}`;
  if (!available.includes(name)) {
    throw new InputError(`Gateway ${name} is not in the input. Available: ${available.join(', ')}`);
  }
  return name;
}
