/**
 * Which entries of a virtual host could possibly cover a given one (matchCovers), found through
 * lookups instead of comparing every pair: a virtual host can hold thousands of entries (every
 * hostname-less route competes on the catch-all host), and lint runs on every analysis.
 *
 * Only paths narrow the search: a PathPrefix covers the paths below one of its segment prefixes,
 * an Exact only its own value; regular expressions and gRPC entries are few and always listed
 * (a regular-expression loser is covered only by the same pattern, which is among them).
 *
 * The index grows as entries are added: lint asks about each entry of a virtual host, in rank
 * order, for the entries ranked above it, so it asks first and then adds the entry. One pass
 * reads each entry's path once (reading them was most of lint's time: tens of thousands of
 * entries, each a few objects apart in memory), and every entry in the index is above the loser,
 * with nothing to filter out by position.
 */
import type { RouteTableEntry } from "../routing/types";

/**
 * The entries under one path key: one index (nearly every key: each route's own paths), or a
 * list of them in ascending order. A list per key was a million one-item arrays per analysis at
 * 10,000 routes.
 */
type Indexes = number | number[];

export interface CoverIndex {
  /** Indexes `entry` as number `i`; numbers are added in ascending order. */
  add(entry: RouteTableEntry, i: number): void;
  /**
   * The numbers of the added entries that could cover `loser`, ascending, each once. With
   * `into`, they are written to that list (emptied first) and it is returned: lint asks for every
   * entry of every virtual host and reads each answer before the next question, so one list
   * serves them all.
   */
  candidates(loser: RouteTableEntry, into?: number[]): number[];
  /** Forgets every entry: the next virtual host starts empty. */
  clear(): void;
}

export function createCoverIndex(): CoverIndex {
  let exact = new Map<string, Indexes>();
  let prefix = new Map<string, Indexes>();
  const always: number[] = [];
  return {
    add(entry, i) {
      const path = entry.match.path;
      if (path !== undefined && path.type === "Exact") push(exact, path.value, i);
      else if (path !== undefined && path.type === "PathPrefix")
        push(prefix, trimSlash(path.value), i);
      else always.push(i);
    },
    candidates(loser, into = []) {
      // Every list holds ascending numbers (filled in entry order), and each entry sits in
      // exactly one list under one key, so the lists never share one: only their merge needs
      // sorting.
      const found = into;
      found.length = 0;
      for (let k = 0; k < always.length; k++) found.push(always[k] as number);
      let lists = always.length > 0 ? 1 : 0;
      const path = loser.match.path;
      if (path !== undefined && (path.type === "Exact" || path.type === "PathPrefix")) {
        if (path.type === "Exact" && exact.size > 0) lists += add(found, exact.get(path.value));
        if (prefix.size > 0) lists += addUnderPrefixes(found, prefix, path.value);
      }
      if (lists > 1) found.sort(ascending);
      return found;
    },
    clear() {
      // New maps rather than clear(): clearing allocates a fresh table all the same, and an
      // empty index (most virtual hosts have no Exact entry) keeps the one it has.
      if (exact.size > 0) exact = new Map();
      if (prefix.size > 0) prefix = new Map();
      always.length = 0;
    },
  };
}

function ascending(a: number, b: number): number {
  return a - b;
}

/**
 * add() for every PathPrefix key (trailing slash trimmed) that covers `value`: "/a/b/" is covered
 * by "", "/a" and "/a/b", looked up in that order as each is cut, with no list of them built per
 * question.
 */
function addUnderPrefixes(
  found: number[],
  prefix: ReadonlyMap<string, Indexes>,
  value: string,
): number {
  let lists = add(found, prefix.get(""));
  const trimmed = trimSlash(value);
  let at = trimmed.indexOf("/", 1);
  while (at > 0) {
    lists += add(found, prefix.get(trimmed.slice(0, at)));
    at = trimmed.indexOf("/", at + 1);
  }
  if (trimmed !== "") lists += add(found, prefix.get(trimmed));
  return lists;
}

/** Appends the numbers under one key; 1 when there were any, else 0. */
function add(found: number[], indexes: Indexes | undefined): number {
  if (indexes === undefined) return 0;
  if (typeof indexes === "number") found.push(indexes);
  else for (let k = 0; k < indexes.length; k++) found.push(indexes[k] as number);
  return 1;
}

function trimSlash(value: string): string {
  return value.endsWith("/") ? value.slice(0, -1) : value;
}

function push(map: Map<string, Indexes>, key: string, value: number): void {
  const known = map.get(key);
  if (known === undefined) map.set(key, value);
  else if (typeof known === "number") map.set(key, [known, value]);
  else known.push(value);
}
