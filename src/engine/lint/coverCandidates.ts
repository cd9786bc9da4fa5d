/**
 * Which entries of a virtual host could possibly cover a given one (matchCovers), found through
 * lookups instead of comparing every pair: a virtual host can hold thousands of entries (every
 * hostname-less route competes on every host), and lint runs on every analysis.
 *
 * Only paths narrow the search: a PathPrefix covers the paths below one of its segment prefixes,
 * an Exact only its own value; regular expressions and gRPC entries are few and always listed
 * (a regular-expression loser is covered only by the same pattern, which is among them).
 */
import type { RouteTableEntry } from "../routing/types";

/**
 * The indexes of the entries that could cover `loser`, ascending, each once; with `before`, only
 * those below it (the entries ranked above the loser's own position). With `into`, they are
 * written to that list (emptied first) and it is returned: lint asks for every entry of every
 * virtual host and reads each answer before the next question, so one list serves them all.
 */
export type CoverCandidates = (
  loser: RouteTableEntry,
  before?: number,
  into?: number[],
) => number[];

/**
 * The entries under one path key: one index (nearly every key: each route's own paths), or a
 * list of them in ascending order. A list per key was a million one-item arrays per analysis at
 * 10,000 routes, since every hostname-less route's entries are indexed again in every virtual host.
 */
type Indexes = number | number[];

export function indexCoverCandidates(entries: readonly RouteTableEntry[]): CoverCandidates {
  const exact = new Map<string, Indexes>();
  const prefix = new Map<string, Indexes>();
  const always: number[] = [];
  // The index of the first PathPrefix entry: a loser ranked above it has no prefix to look up.
  let firstPrefix = entries.length;
  entries.forEach((e, i) => {
    const path = e.match.path;
    if (path?.type === "Exact") push(exact, path.value, i);
    else if (path?.type === "PathPrefix") {
      if (firstPrefix === entries.length) firstPrefix = i;
      push(prefix, trimSlash(path.value), i);
    } else always.push(i);
  });
  return (loser, before = entries.length, into = []) => {
    // Every list holds ascending indexes (filled in entry order), and each entry sits in exactly
    // one list under one key, so the lists never share an index: only their merge needs sorting.
    const found = into;
    found.length = 0;
    let lists = addListBelow(found, always, before);
    const path = loser.match.path;
    if (path !== undefined && (path.type === "Exact" || path.type === "PathPrefix")) {
      if (path.type === "Exact") lists += addBelow(found, exact.get(path.value), before);
      // Nothing below `before` sits under a prefix key when no prefix entry ranks that high.
      if (prefix.size > 0 && firstPrefix < before)
        lists += addUnderPrefixes(found, prefix, path.value, before);
    }
    if (lists > 1) found.sort(ascending);
    return found;
  };
}

function ascending(a: number, b: number): number {
  return a - b;
}

/**
 * addBelow for every PathPrefix key (trailing slash trimmed) that covers `value`: "/a/b/" is
 * covered by "", "/a" and "/a/b", looked up in that order as each is cut, with no list of them
 * built per question.
 */
function addUnderPrefixes(
  found: number[],
  prefix: ReadonlyMap<string, Indexes>,
  value: string,
  before: number,
): number {
  let lists = addBelow(found, prefix.get(""), before);
  const trimmed = trimSlash(value);
  let at = trimmed.indexOf("/", 1);
  while (at > 0) {
    lists += addBelow(found, prefix.get(trimmed.slice(0, at)), before);
    at = trimmed.indexOf("/", at + 1);
  }
  if (trimmed !== "") lists += addBelow(found, prefix.get(trimmed), before);
  return lists;
}

/** Appends the indexes under one key that are below `before`; 1 when it appended any, else 0. */
function addBelow(found: number[], indexes: Indexes | undefined, before: number): number {
  if (indexes === undefined) return 0;
  if (typeof indexes === "number") {
    if (indexes >= before) return 0;
    found.push(indexes);
    return 1;
  }
  return addListBelow(found, indexes, before);
}

/** addBelow for a list of ascending indexes. */
function addListBelow(found: number[], list: readonly number[], before: number): number {
  const start = found.length;
  for (const i of list) {
    if (i >= before) break;
    found.push(i);
  }
  return found.length > start ? 1 : 0;
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
