/**
 * A route's path (or other match) edited: its entries take new places among the others of each
 * virtual host it serves, and nothing else moves but the rank numbers between. The others stay
 * in the order precedence gave them (their ranks did not change), so each new entry's place is
 * found by binary search: a few rank comparisons, not a sort of the virtual host.
 *
 * As orderCandidates (routing/collectCandidates.ts) builds a virtual host: entries in precedence
 * order (compareRankOrder, a total order between distinct entries of one kind), ranks numbered
 * from 1. Only HTTPRoute and GRPCRoute entries re-rank here: the shadowing of L4 entries reads
 * the whole order.
 */
import type { Candidate } from "../routing/collectCandidates";
import { compareRankOrder, type RankKey } from "../routing/precedence";
import type { RouteTableEntry } from "../routing/types";
import type { ResourceKey } from "../types";

const RERANKABLE = new Set(["HTTPRoute", "GRPCRoute"]);

/**
 * `entries` (one virtual host, in precedence order) with `route`'s entries replaced by
 * `candidates`, or undefined when the host holds entries this cannot place (another kind, an
 * entry whose rank is unknown, a shadow mark).
 */
export function rerankedEntries(
  entries: readonly RouteTableEntry[],
  route: ResourceKey,
  candidates: readonly Candidate[],
  rankOf: (entry: RouteTableEntry) => RankKey | undefined,
): RouteTableEntry[] | undefined {
  const others = entries.filter((x) => x.route !== route);
  const kind = candidates[0]?.rank.kind;
  if (kind === undefined || !RERANKABLE.has(kind)) return undefined;
  if (entries.some((x) => x.shadowedBy !== undefined)) return undefined;
  // Entries are grouped by kind first: the ends tell whether all others are of this kind.
  const ends = [others[0], others[others.length - 1]];
  for (const x of ends) if (x !== undefined && rankOf(x)?.kind !== kind) return undefined;
  let unknown = false;
  const rankAt = (i: number): RankKey => {
    const rank = rankOf(others[i] as RouteTableEntry);
    if (rank === undefined) unknown = true;
    return rank as RankKey;
  };
  const sorted = [...candidates].sort((a, b) => compareRankOrder(a.rank, b.rank));
  // Where each new entry goes among the others: the first other it ranks before.
  const places = sorted.map((c) => {
    let lo = 0;
    let hi = others.length;
    while (lo < hi && !unknown) {
      const mid = (lo + hi) >> 1;
      if (compareRankOrder(rankAt(mid), c.rank) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  });
  if (unknown) return undefined;
  const out: RouteTableEntry[] = [];
  let next = 0;
  const place = (entry: RouteTableEntry) => {
    const rank = out.length + 1;
    out.push(entry.rank === rank ? entry : { ...entry, rank });
  };
  for (let i = 0; i <= others.length; i++) {
    while (next < sorted.length && places[next] === i) {
      place((sorted[next] as Candidate).entry);
      next++;
    }
    if (i < others.length) place(others[i] as RouteTableEntry);
  }
  return out;
}
