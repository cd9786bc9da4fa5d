/**
 * The fast candidate lookup inside one virtual host: probes the packed path index for Exact
 * candidates of the whole path, then walks the regex list, then probes for PathPrefix candidates
 * from the longest element-wise prefix of the request path to "/". Because the
 * candidate order is Exact > RegularExpression > PathPrefix by length, the first candidate that
 * passes in this walk is the same one a linear scan of the sorted list would find (tested).
 */
import { isGrpcMethodMatch } from "../match/grpc";
import { toHeaderLookup } from "../match/headers";
import { parseQuery, isQueryMatch } from "../match/query";
import { PathProbes } from "../match/pathHash";
import { isValueMatch, type CompiledValueMatch } from "../match/valueMatch";
import {
  FLAG_EXACT,
  FLAG_PATH_ONLY,
  FLAG_PREFIX,
  HOST_EXACT_LENGTHS,
  HOST_LONGEST_EXACT,
  HOST_LONGEST_PREFIX,
  HOST_PREFIX_LENGTHS,
  HOST_REGEX_COUNT,
  HOST_REGEX_START,
  HOST_STRIDE,
  REC_CONDITIONS,
  REC_FLAGS,
  REC_ID,
  REC_LENGTH,
  SLOT_COUNT,
  SLOT_RECORD,
  findSlot,
  hasPathChars,
  lengthBit,
  recordSize,
  type MatchConditions,
  type PackedPathIndex,
} from "../routing/packedPathIndex";
import type { CompiledCandidate } from "../routing/router";

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

  reset(
    path: string,
    query: string,
    method: string,
    rawHeaders: Readonly<Record<string, string>> | undefined,
    grpc: { service: string; method: string } | undefined,
  ): this {
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
      const v = raw[name] ?? "";
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

function passesConditions(c: MatchConditions, ctx: MatchContext): boolean {
  if (c.method !== undefined && c.method !== ctx.method) return false;
  if (c.headers.length > 0 && !passesHeaders(c.headers, ctx)) return false;
  if (c.query.length > 0 && !isQueryMatch(c.query, ctx.queryParams)) return false;
  return true;
}

/**
 * The record (an offset into `index.records`) of the HTTPRoute candidate that wins in virtual host
 * `host` (its index in the listener's virtualHostList), or -1: Exact hits of the whole path, then
 * the regex run, then prefix hits from the longest element-wise prefix of the path to "/".
 */
export function findHttpRecord(index: PackedPathIndex, host: number, ctx: MatchContext): number {
  const path = ctx.path;
  const probes = ctx.probes;
  if (!ctx.hashed) {
    probes.compute(path);
    ctx.hashed = true;
  }
  const row = host * HOST_STRIDE;
  const hosts = index.hosts;
  const records = index.records;
  const slots = index.slots;
  if (
    path.length <= (hosts[row + HOST_LONGEST_EXACT] as number) &&
    ((hosts[row + HOST_EXACT_LENGTHS] as number) & lengthBit(path.length)) !== 0
  ) {
    const at = findSlot(index, row, probes.full);
    if (at >= 0) {
      let rec = slots[at + SLOT_RECORD] as number;
      // Exact candidates lead every run (they rank above any prefix).
      for (let n = slots[at + SLOT_COUNT] as number; n > 0; n--) {
        const flags = records[rec + REC_FLAGS] as number;
        const length = records[rec + REC_LENGTH] as number;
        if ((flags & FLAG_EXACT) === 0) break;
        if (
          length === path.length &&
          hasPathChars(records, rec, path, length) &&
          ((flags & FLAG_PATH_ONLY) !== 0 || passesConditions(conditionsAt(index, rec), ctx))
        )
          return rec;
        rec += recordSize(records, rec);
      }
    }
  }
  const regexEnd =
    (hosts[row + HOST_REGEX_START] as number) + (hosts[row + HOST_REGEX_COUNT] as number);
  for (let k = hosts[row + HOST_REGEX_START] as number; k < regexEnd; k++) {
    const rec = index.regex[k] as number;
    const c = candidateAt(index, rec);
    if (c.path?.regex !== undefined && c.path.regex.matches(path) && passesConditions(c, ctx))
      return rec;
  }
  const hashes = probes.hashes;
  const lengths = probes.lengths;
  // Longest prefix first; none is longer than the longest configured prefix.
  const longest = hosts[row + HOST_LONGEST_PREFIX] as number;
  const prefixLengths = hosts[row + HOST_PREFIX_LENGTHS] as number;
  for (let k = probes.count - 1; k >= 0; k--) {
    const length = lengths[k] as number;
    if (length > longest || (prefixLengths & lengthBit(length)) === 0) continue;
    const at = findSlot(index, row, hashes[k] as number);
    if (at < 0) continue;
    let rec = slots[at + SLOT_RECORD] as number;
    for (let n = slots[at + SLOT_COUNT] as number; n > 0; n--) {
      const flags = records[rec + REC_FLAGS] as number;
      const recLength = records[rec + REC_LENGTH] as number;
      // The length check keeps a hash collision from promoting a shorter prefix out of order;
      // probes end at "/" boundaries, so equal characters make an element-wise prefix match.
      if (
        (flags & FLAG_PREFIX) !== 0 &&
        recLength === length &&
        hasPathChars(records, rec, path, length) &&
        ((flags & FLAG_PATH_ONLY) !== 0 || passesConditions(conditionsAt(index, rec), ctx))
      )
        return rec;
      rec += recordSize(records, rec);
    }
  }
  return -1;
}

function conditionsAt(index: PackedPathIndex, rec: number): MatchConditions {
  return index.conditions[index.records[rec + REC_CONDITIONS] as number] as MatchConditions;
}

/** The candidate behind a record. */
export function candidateAt(index: PackedPathIndex, rec: number): CompiledCandidate {
  return index.candidates[index.records[rec + REC_ID] as number] as CompiledCandidate;
}

export function findGrpcCandidate(
  list: readonly CompiledCandidate[],
  ctx: MatchContext,
): CompiledCandidate | undefined {
  const call = ctx.grpc;
  if (call === undefined) return undefined;
  for (const c of list) {
    if (c.grpc !== undefined && !isGrpcMethodMatch(c.grpc, call)) continue;
    if (c.headers.length > 0 && !passesHeaders(c.headers, ctx)) continue;
    return c;
  }
  return undefined;
}
