/**
 * The fast candidate lookup inside one virtual host: probes the path map for Exact candidates of
 * the whole path, then walks the regex list, then probes the path map for PathPrefix candidates
 * from the longest element-wise prefix of the request path to "/". Because the
 * candidate order is Exact > RegularExpression > PathPrefix by length, the first candidate that
 * passes in this walk is the same one a linear scan of the sorted list would find (tested).
 */
import { isGrpcMethodMatch } from '../match/grpc';
import { toHeaderLookup } from '../match/headers';
import { parseQuery, isQueryMatch } from '../match/query';
import { isPathPrefixMatch } from '../match/path';
import { PathProbes } from '../match/pathHash';
import { isValueMatch, type CompiledValueMatch } from '../match/valueMatch';
import type { CompiledCandidate, CompiledVirtualHost, PathIndex } from '../routing/router';

/**
 * Per-request values, parsed lazily: most candidates never look at headers or the query. The fast
 * path reuses one instance (reset) so a request allocates no context.
 */
export class MatchContext {
  /** The path hashes; `hashed` says they are already computed for `path`. */
  readonly probes = new PathProbes();
  hashed = false;
  private headerMap: Map<string, string> | undefined = undefined;
  private queryMap: Map<string, string> | undefined = undefined;

  constructor(
    public path: string,
    public query: string,
    public method: string,
    private rawHeaders: Readonly<Record<string, string>> | undefined,
    public grpc: { service: string; method: string } | undefined,
  ) {}

  reset(path: string, query: string, method: string, rawHeaders: Readonly<Record<string, string>> | undefined, grpc: { service: string; method: string } | undefined): this {
    this.path = path;
    this.query = query;
    this.method = method;
    this.rawHeaders = rawHeaders;
    this.grpc = grpc;
    this.hashed = false;
    this.headerMap = undefined;
    this.queryMap = undefined;
    return this;
  }

  /**
   * One header's value by lower-cased name, joined with "," over repeats in any case, exactly as
   * the `headers` map has it; without building the map (the fast path checks a few names).
   */
  header(key: string): string | undefined {
    if (this.headerMap !== undefined) return this.headerMap.get(key);
    const raw = this.rawHeaders;
    if (raw === undefined) return undefined;
    let value: string | undefined;
    for (const name in raw) {
      if (name !== key && (name.length !== key.length || name.toLowerCase() !== key)) continue;
      const v = raw[name] ?? '';
      value = value === undefined ? v : `${value},${v}`;
    }
    return value;
  }

  get headers(): Map<string, string> {
    return (this.headerMap ??= toHeaderLookup(this.rawHeaders));
  }

  get queryParams(): Map<string, string> {
    return (this.queryMap ??= parseQuery(this.query));
  }
}

function passesHeaders(matches: readonly CompiledValueMatch[], ctx: MatchContext): boolean {
  for (let i = 0; i < matches.length; i++) {
    const m = matches[i] as CompiledValueMatch;
    if (!isValueMatch(m, ctx.header(m.key))) return false;
  }
  return true;
}

function passesConditions(c: CompiledCandidate, ctx: MatchContext): boolean {
  if (c.method !== undefined && c.method !== ctx.method) return false;
  if (c.headers.length > 0 && !passesHeaders(c.headers, ctx)) return false;
  if (c.query.length > 0 && !isQueryMatch(c.query, ctx.queryParams)) return false;
  return true;
}

export function findHttpCandidate(index: PathIndex, ctx: MatchContext): CompiledCandidate | undefined {
  const path = ctx.path;
  const probes = ctx.probes;
  if (!ctx.hashed) {
    probes.compute(path);
    ctx.hashed = true;
  }
  const paths = index.paths;
  if (path.length <= index.longestExact) {
    const list = paths.get(probes.full);
    if (list !== undefined) {
      // Exact candidates lead every list (they rank above any prefix).
      for (let i = 0; i < list.length; i++) {
        const c = list[i] as CompiledCandidate;
        if (!c.pathExact) break;
        if (c.pathOk && c.pathValue === path && (c.pathOnly || passesConditions(c, ctx))) return c;
      }
    }
  }
  const regex = index.regex;
  for (let i = 0; i < regex.length; i++) {
    const c = regex[i] as CompiledCandidate;
    if (c.path?.regex !== undefined && c.path.regex.matchesWhole(path) && passesConditions(c, ctx)) return c;
  }
  const hashes = probes.hashes;
  const lengths = probes.lengths;
  // Longest prefix first; none is longer than the longest configured prefix.
  const longest = index.longestPrefix;
  for (let k = probes.count - 1; k >= 0; k--) {
    const length = lengths[k] as number;
    if (length > longest) continue;
    const list = paths.get(hashes[k] as number);
    if (list === undefined) continue;
    for (let i = 0; i < list.length; i++) {
      const c = list[i] as CompiledCandidate;
      if (c.pathExact) continue;
      // The length check keeps a hash collision from promoting a shorter prefix out of order.
      if (c.pathOk && c.pathPrefix.length === length && isPathPrefixMatch(c.pathPrefix, path) && (c.pathOnly || passesConditions(c, ctx))) return c;
    }
  }
  return undefined;
}

export function findGrpcCandidate(list: readonly CompiledCandidate[], ctx: MatchContext): CompiledCandidate | undefined {
  const call = ctx.grpc;
  if (call === undefined) return undefined;
  for (const c of list) {
    if (c.grpc !== undefined && !isGrpcMethodMatch(c.grpc, call)) continue;
    if (c.headers.length > 0 && !passesHeaders(c.headers, ctx)) continue;
    return c;
  }
  return undefined;
}

/**
 * gRPC calls try GRPCRoutes first and then HTTPRoutes (a gRPC call is an HTTP/2 POST
 * /service/method, which an HTTPRoute can match); plain HTTP requests only see HTTPRoutes.
 */
export function findCandidate(vhost: CompiledVirtualHost, ctx: MatchContext): CompiledCandidate | undefined {
  if (ctx.grpc !== undefined) {
    const grpc = findGrpcCandidate(vhost.grpc, ctx);
    if (grpc !== undefined) return grpc;
  }
  return findHttpCandidate(vhost.http, ctx);
}
