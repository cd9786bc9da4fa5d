/**
 * The HTTPRoute path index of one listener, packed into typed arrays. With 10,000 routes the
 * candidates no longer fit in the CPU caches, and a lookup that chases pointers through a Map,
 * its lists and candidate objects spends most of its time waiting for memory. Here a probe reads
 * one slot, then one record that holds everything needed to verify the hit and, for the common
 * case, to answer: the path characters, the rule and match, the route and the backend.
 *
 * Layout:
 * - `hosts`: per virtual host, a region of `slots` (open addressing, linear probing) keyed by
 *   hashPath of an Exact value or of a prefix without its trailing "/", and the host's regex
 *   candidates as a run of `regex`.
 * - A slot points at a run of consecutive records, one per candidate with that path hash, in
 *   precedence order (Exact first, as Exact ranks above any prefix).
 * - A record: flags, path length, candidate id, route, rule and match indexes, the match's other
 *   conditions, the backends it forwards to with their weights, then the path's UTF-16 code
 *   units two to an int.
 */
import { hashPath } from "../match/pathHash";
import type { ResourceKey } from "../api/keys";
import type { HTTPRouteMatch } from "../api/spec";
import type { CompiledValueMatch } from "../match/valueMatch";
import type { CompiledCandidate, FastRule } from "./router";

export const HOST_STRIDE = 16;
export const HOST_SLOT_BASE = 0;
export const HOST_SLOT_MASK = 1;
export const HOST_LONGEST_EXACT = 2;
export const HOST_LONGEST_PREFIX = 3;
export const HOST_REGEX_START = 4;
export const HOST_REGEX_COUNT = 5;
/**
 * Bit n set: some Exact value (resp. prefix) has length n, for n < 31; bit 31 stands for every
 * longer length. A probe for a length no key has is skipped: most probes of a request that
 * finds its route on a short prefix, or none, would otherwise each cost a cache miss.
 */
export const HOST_EXACT_LENGTHS = 6;
export const HOST_PREFIX_LENGTHS = 7;
/**
 * A 256-bit filter of the host's path hashes (8 ints): a probe for a hash whose bit is clear is
 * skipped without reading the slot table. With ~50 keys per host about four in five misses are
 * avoided, and each avoided probe is a cache miss saved on a large table.
 */
export const HOST_FILTER = 8;
const FILTER_BITS = 256;

/** Word (0–7) and bit of `hash` in a host's filter. */
export function filterWord(hash: number): number {
  return ((hash >>> 12) & (FILTER_BITS - 1)) >>> 5;
}
export function filterBit(hash: number): number {
  return 1 << ((hash >>> 12) & 31);
}

/** The bit for `length` in HOST_EXACT_LENGTHS / HOST_PREFIX_LENGTHS. */
export function lengthBit(length: number): number {
  return 1 << (length < 31 ? length : 31);
}

/** Slot row; the key is hash + 1 so that 0 marks an empty slot. */
export const SLOT_STRIDE = 3;
export const SLOT_KEY = 0;
export const SLOT_RECORD = 1;
export const SLOT_COUNT = 2;

export const REC_FLAGS = 0;
export const REC_LENGTH = 1;
/** Index in `candidates`. */
export const REC_ID = 2;
/** Index in `routeKeys`. */
export const REC_ROUTE = 3;
export const REC_RULE = 4;
export const REC_MATCH = 5;
/** Index in `conditions` of the match's method, header and query conditions; -1 for none. */
export const REC_CONDITIONS = 6;
/** Backends held in the record (0 without FLAG_DIRECT): (weight, index in `targets`) pairs. */
export const REC_BACKENDS = 7;
export const REC_TOTAL_WEIGHT = 8;
export const REC_BACKEND_LIST = 9;

export const FLAG_EXACT = 1;
export const FLAG_PREFIX = 2;
/** The path compiles and is the match's only condition: a verified hit alone decides. */
export const FLAG_PATH_ONLY = 4;
/**
 * The record alone answers the request: no filter that could respond, every backendRef valid
 * with no filter that could respond, and a positive total weight. The record then lists the
 * backends with a positive weight (one, when only one can ever be picked).
 */
export const FLAG_DIRECT = 8;

/** A match's conditions besides the path; candidates with identical ones share one object. */
export interface MatchConditions {
  method: string | undefined;
  headers: CompiledValueMatch[];
  query: CompiledValueMatch[];
}

export interface PackedPathIndex {
  hosts: Int32Array;
  slots: Int32Array;
  records: Int32Array;
  /** Record offsets of each host's regex candidates (runs given by the host rows). */
  regex: Int32Array;
  candidates: CompiledCandidate[];
  /**
   * Shared by every record with the same conditions: a config repeats the same header match
   * (a canary header, an API version) across many routes, and one object stays in the cache.
   */
  conditions: MatchConditions[];
  routeKeys: ResourceKey[];
  targets: string[];
}

/**
 * Packs the HTTPRoute candidates of each virtual host (given in precedence order, host i at index
 * i) into one index. Candidates whose path does not compile are left out: they never match.
 */
export function packPathIndex(
  virtualHosts: readonly (readonly CompiledCandidate[])[],
): PackedPathIndex {
  const hosts = new Int32Array(virtualHosts.length * HOST_STRIDE);
  const groupsPerHost = virtualHosts.map(groupByPathHash);
  let slotCount = 0;
  // The records' exact size, counted before any is written: at 100,000 routes they take some
  // 60 MB, and an array grown by doubling (then trimmed) would allocate about four times that.
  let recordInts = 0;
  groupsPerHost.forEach((groups, h) => {
    const size = tableSize(groups.size);
    hosts[h * HOST_STRIDE + HOST_SLOT_BASE] = slotCount;
    hosts[h * HOST_STRIDE + HOST_SLOT_MASK] = size - 1;
    slotCount += size;
    groups.forEach((group) => {
      for (const c of group) recordInts += recordIntsOf(c, pathKey(c));
    });
    for (const c of virtualHosts[h] ?? []) if (isRegexPath(c)) recordInts += recordIntsOf(c, "");
  });
  const builder = new RecordBuilder(recordInts);
  const slots = new Int32Array(slotCount * SLOT_STRIDE);
  const regex: number[] = [];
  groupsPerHost.forEach((groups, h) => {
    const row = h * HOST_STRIDE;
    const base = hosts[row + HOST_SLOT_BASE] as number;
    const mask = hosts[row + HOST_SLOT_MASK] as number;
    let longestExact = -1;
    let longestPrefix = -1;
    let exactLengths = 0;
    let prefixLengths = 0;
    // forEach, not for-of: no [hash, group] entry array per key.
    groups.forEach((group, hash) => {
      let slot = hash & mask;
      while (slots[(base + slot) * SLOT_STRIDE + SLOT_KEY] !== 0) slot = (slot + 1) & mask;
      const at = (base + slot) * SLOT_STRIDE;
      slots[at + SLOT_KEY] = hash + 1;
      hosts[row + HOST_FILTER + filterWord(hash)] =
        (hosts[row + HOST_FILTER + filterWord(hash)] as number) | filterBit(hash);
      slots[at + SLOT_RECORD] = builder.offset;
      slots[at + SLOT_COUNT] = group.length;
      for (const c of group) {
        const path = pathKey(c);
        builder.add(c, path);
        if (c.pathExact) {
          longestExact = Math.max(longestExact, path.length);
          exactLengths |= lengthBit(path.length);
        } else {
          longestPrefix = Math.max(longestPrefix, path.length);
          prefixLengths |= lengthBit(path.length);
        }
      }
    });
    hosts[row + HOST_LONGEST_EXACT] = longestExact;
    hosts[row + HOST_LONGEST_PREFIX] = longestPrefix;
    hosts[row + HOST_EXACT_LENGTHS] = exactLengths;
    hosts[row + HOST_PREFIX_LENGTHS] = prefixLengths;
    hosts[row + HOST_REGEX_START] = regex.length;
    for (const c of virtualHosts[h] ?? []) if (isRegexPath(c)) regex.push(builder.add(c, ""));
    hosts[row + HOST_REGEX_COUNT] = regex.length - (hosts[row + HOST_REGEX_START] as number);
  });
  return {
    hosts,
    slots,
    records: builder.ints.finish(),
    regex: Int32Array.from(regex),
    candidates: builder.candidates,
    conditions: builder.conditions,
    routeKeys: builder.routeKeys.list,
    targets: builder.targets.list,
  };
}

/** An HTTPRoute candidate whose RegularExpression path compiles: found by the host's regex run. */
function isRegexPath(c: CompiledCandidate): boolean {
  return c.route.kind === "HTTPRoute" && c.pathOk && c.path?.type === "RegularExpression";
}

/**
 * Ints the record of `c` with `path` as its characters takes (RecordBuilder.add writes exactly
 * these; recordSize reads the same count back from a written record).
 */
export function recordIntsOf(c: CompiledCandidate, path: string): number {
  return (
    REC_BACKEND_LIST +
    (isDirect(c.fast, c.mayAnswer) ? 2 * positiveWeights(c.fast) : 0) +
    ((path.length + 1) >> 1)
  );
}

/** How many of the rule's backends have a positive weight (the pairs a direct record lists). */
function positiveWeights(fast: FastRule): number {
  let count = 0;
  for (let i = 0; i < fast.targets.length; i++) if ((fast.weights[i] ?? 0) > 0) count++;
  return count;
}

/** The string an Exact or PathPrefix candidate is found by. */
function pathKey(c: CompiledCandidate): string {
  return c.pathExact ? c.pathValue : c.pathPrefix;
}

/** Numbers values in first-seen order, equal keys sharing a number. */
class Numbering<T, K = T> {
  readonly list: T[] = [];
  private readonly ids = new Map<K, number>();

  idOf(value: T, key: K = value as unknown as K): number {
    let id = this.ids.get(key);
    if (id === undefined) {
      this.ids.set(key, (id = this.list.length));
      this.list.push(value);
    }
    return id;
  }
}

/**
 * An Int32Array written one int at a time. The records of a large listener run to millions of
 * ints: pushed one at a time into a JS array and copied into the typed array at the end, they
 * cost more than everything else the index does. Sized by the caller up front (recordIntsOf); it
 * still grows by doubling should a count ever fall short, so a miscount costs memory, not data.
 */
class IntWriter {
  private buffer: Int32Array;
  length = 0;

  constructor(capacity: number) {
    this.buffer = new Int32Array(Math.max(1, capacity));
  }

  push(value: number): void {
    if (this.length === this.buffer.length) {
      const grown = new Int32Array(this.buffer.length * 2);
      grown.set(this.buffer);
      this.buffer = grown;
    }
    this.buffer[this.length++] = value;
  }

  set(at: number, value: number): void {
    this.buffer[at] = value;
  }

  /** The ints written, in an array of their own size (the buffer itself when it is full). */
  finish(): Int32Array {
    return this.length === this.buffer.length ? this.buffer : this.buffer.slice(0, this.length);
  }
}

class RecordBuilder {
  readonly ints: IntWriter;
  readonly candidates: CompiledCandidate[] = [];
  readonly conditions: MatchConditions[] = [];
  private readonly conditionIds = new Map<string, number>();
  readonly routeKeys = new Numbering<ResourceKey>();
  readonly targets = new Numbering<string>();

  /** `ints`: the records' total size (recordIntsOf summed), so the buffer is allocated once. */
  constructor(ints: number) {
    this.ints = new IntWriter(ints);
  }

  get offset(): number {
    return this.ints.length;
  }

  /** Appends the record of `c` with `path` as its characters; returns its offset. */
  add(c: CompiledCandidate, path: string): number {
    const at = this.ints.length;
    const direct = isDirect(c.fast, c.mayAnswer);
    const flags =
      (c.path?.type === "Exact" ? FLAG_EXACT : c.path?.type === "PathPrefix" ? FLAG_PREFIX : 0) |
      (c.pathOnly ? FLAG_PATH_ONLY : 0) |
      (direct ? FLAG_DIRECT : 0);
    const conditions = c.pathOnly ? -1 : this.conditionsOf(c);
    const ints = this.ints;
    ints.push(flags);
    ints.push(path.length);
    ints.push(this.candidates.length);
    ints.push(this.routeKeys.idOf(c.routeKey));
    ints.push(c.ruleIndex);
    ints.push(c.matchIndex);
    ints.push(conditions);
    ints.push(0); // REC_BACKENDS, set below
    ints.push(c.fast.totalWeight);
    if (direct) ints.set(at + REC_BACKENDS, this.pushDirectBackends(c.fast));
    for (let i = 0; i < path.length; i += 2)
      ints.push(path.charCodeAt(i) | (i + 1 < path.length ? path.charCodeAt(i + 1) << 16 : 0));
    this.candidates.push(c);
    return at;
  }

  /** The conditions' number; the object is built only for conditions not seen before. */
  private conditionsOf(c: CompiledCandidate): number {
    const key = conditionsKey(c);
    const known = this.conditionIds.get(key);
    if (known !== undefined) return known;
    const id = this.conditions.length;
    this.conditionIds.set(key, id);
    this.conditions.push({ method: c.method, headers: c.headers, query: c.query });
    return id;
  }

  /**
   * Writes a direct record's (weight, target number) pairs: the backends with a positive weight
   * (isDirect checked that every one has a target). Returns how many pairs.
   */
  private pushDirectBackends(fast: FastRule): number {
    let count = 0;
    for (let i = 0; i < fast.targets.length; i++) {
      const weight = fast.weights[i] ?? 0;
      if (weight <= 0) continue;
      this.ints.push(weight);
      this.ints.push(this.targets.idOf(fast.targets[i] as string));
      count++;
    }
    return count;
  }
}

/** 2^21: a total times a 32-bit draw stays within a double's 53 bits, so the pick is exact. */
const MAX_DIRECT_TOTAL = 2 ** 21;

/** Whether a record of this rule can answer by itself (see FLAG_DIRECT). */
function isDirect(fast: FastRule, mayAnswer: boolean): boolean {
  // The record holds weights in 32-bit slots and picks with double arithmetic: only totals that
  // stay exact that way (every weight the CRD allows, 16 × 1,000,000) go into it; the rest take
  // the exact path of simulate/weights.ts.
  if (mayAnswer || fast.totalWeight <= 0 || fast.totalWeight > MAX_DIRECT_TOTAL) return false;
  // Index loops: a for-of here allocated an iterator result per element on every record.
  const { weights, backendMayAnswer, targets } = fast;
  for (let i = 0; i < weights.length; i++) if (!Number.isSafeInteger(weights[i])) return false;
  for (let i = 0; i < backendMayAnswer.length; i++) if (backendMayAnswer[i] === true) return false;
  for (let i = 0; i < targets.length; i++) if (targets[i] === undefined) return false;
  return true;
}

/**
 * Equal for matches whose method, header and query conditions are written the same (type, name
 * and value: all a condition compiles from). Each part is written with its length, so no two
 * different lists give one key, whatever characters the values hold.
 */
function conditionsKey(c: CompiledCandidate): string {
  const m = c.match as HTTPRouteMatch | undefined;
  let key = part(m?.method);
  for (const list of [m?.headers, m?.queryParams]) {
    key += `|${list?.length ?? 0}`;
    for (const x of list ?? []) key += part(x.type) + part(x.name) + part(x.value);
  }
  return key;
}

/** A string as `length:characters`, or "-" when absent. */
function part(s: string | undefined): string {
  return s === undefined ? "-" : `${s.length}:${s}`;
}

/** Exact and PathPrefix candidates that can match, grouped by the hash of their path key. */
function groupByPathHash(list: readonly CompiledCandidate[]): Map<number, CompiledCandidate[]> {
  const groups = new Map<number, CompiledCandidate[]>();
  for (const c of list) {
    if (c.route.kind !== "HTTPRoute" || !c.pathOk || c.path?.type === "RegularExpression") continue;
    const hash = hashPath(pathKey(c));
    const group = groups.get(hash);
    if (group === undefined) groups.set(hash, [c]);
    else group.push(c);
  }
  return groups;
}

/** A power of two at least twice the key count, so linear probing stays short. */
function tableSize(keys: number): number {
  let size = 2;
  while (size < keys * 2) size *= 2;
  return size;
}

/** Ints the record at `at` takes: the fixed part, its backend pairs, its path characters. */
export function recordSize(records: Int32Array, at: number): number {
  return (
    REC_BACKEND_LIST +
    2 * (records[at + REC_BACKENDS] as number) +
    (((records[at + REC_LENGTH] as number) + 1) >> 1)
  );
}

/** The slot for `hash` in host row `row`, as an offset into `slots`, or -1 when none. */
export function findSlot(index: PackedPathIndex, row: number, hash: number): number {
  if (((index.hosts[row + HOST_FILTER + filterWord(hash)] as number) & filterBit(hash)) === 0)
    return -1;
  const slots = index.slots;
  const base = index.hosts[row + HOST_SLOT_BASE] as number;
  const mask = index.hosts[row + HOST_SLOT_MASK] as number;
  const key = hash + 1;
  for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
    const at = (base + slot) * SLOT_STRIDE;
    const k = slots[at + SLOT_KEY] as number;
    if (k === key) return at;
    if (k === 0) return -1;
  }
}

/** True when the record's path characters equal the first `length` code units of `path`. */
export function hasPathChars(
  records: Int32Array,
  at: number,
  path: string,
  length: number,
): boolean {
  let i = 0;
  let word = at + REC_BACKEND_LIST + 2 * (records[at + REC_BACKENDS] as number);
  for (; i + 1 < length; i += 2, word++) {
    const w = records[word] as number;
    if ((w & 0xffff) !== path.charCodeAt(i) || w >>> 16 !== path.charCodeAt(i + 1)) return false;
  }
  return i === length || ((records[word] as number) & 0xffff) === path.charCodeAt(i);
}
