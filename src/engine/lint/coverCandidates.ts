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
 * those below it (the entries ranked above the loser's own position).
 */
export type CoverCandidates = (loser: RouteTableEntry, before?: number) => number[];

export function indexCoverCandidates(entries: readonly RouteTableEntry[]): CoverCandidates {
  const exact = new Map<string, number[]>();
  const prefix = new Map<string, number[]>();
  const always: number[] = [];
  entries.forEach((e, i) => {
    const path = e.match.path;
    if (path?.type === "Exact") push(exact, path.value, i);
    else if (path?.type === "PathPrefix") push(prefix, trimSlash(path.value), i);
    else always.push(i);
  });
  return (loser, before = entries.length) => {
    // Every list holds ascending indexes (filled in entry order), and each entry sits in exactly
    // one list under one key, so the lists never share an index: only their merge needs sorting.
    const found: number[] = [];
    let lists = addBelow(found, always, before);
    const path = loser.match.path;
    if (path !== undefined && (path.type === "Exact" || path.type === "PathPrefix")) {
      if (path.type === "Exact") lists += addBelow(found, exact.get(path.value), before);
      for (const p of segmentPrefixes(path.value)) lists += addBelow(found, prefix.get(p), before);
    }
    if (lists > 1) found.sort((a, b) => a - b);
    return found;
  };
}

/** Appends the indexes of `list` below `before`; 1 when it appended any, else 0. */
function addBelow(found: number[], list: readonly number[] | undefined, before: number): number {
  if (list === undefined) return 0;
  const start = found.length;
  for (const i of list) {
    if (i >= before) break;
    found.push(i);
  }
  return found.length > start ? 1 : 0;
}

/** "/a/b/" → ["", "/a", "/a/b"]: every PathPrefix value (trailing slash trimmed) that covers it. */
function segmentPrefixes(value: string): string[] {
  const out = [""];
  const trimmed = trimSlash(value);
  let at = trimmed.indexOf("/", 1);
  while (at > 0) {
    out.push(trimmed.slice(0, at));
    at = trimmed.indexOf("/", at + 1);
  }
  if (trimmed !== "") out.push(trimmed);
  return out;
}

function trimSlash(value: string): string {
  return value.endsWith("/") ? value.slice(0, -1) : value;
}

function push(map: Map<string, number[]>, key: string, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
