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
import { appendAll } from "../collections/appendAll";

export type CoverCandidates = (loser: RouteTableEntry) => number[];

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
  return (loser) => {
    const path = loser.match.path;
    const found = [...always];
    if (path !== undefined && (path.type === "Exact" || path.type === "PathPrefix")) {
      if (path.type === "Exact") appendAll(found, exact.get(path.value) ?? []);
      for (const p of segmentPrefixes(path.value)) appendAll(found, prefix.get(p) ?? []);
    }
    return [...new Set(found)].sort((a, b) => a - b);
  };
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
