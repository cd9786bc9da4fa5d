/**
 * The spec's tie-break between objects: the older creationTimestamp first, then "{namespace}/{name}"
 * alphabetically. An object without a creationTimestamp (typical of hand-written YAML) counts as
 * the newest: applying the file would create it now. Routing precedence uses the same rule
 * (routing/precedence.ts), so status and the simulator never disagree on which route is older.
 */
import type { Manifest } from "../types";

/** creationTimestamp in ms since the epoch; +Infinity (newest) when missing or unparsable. */
export function creationTime(ts: string | undefined): number {
  if (ts === undefined) return Number.POSITIVE_INFINITY;
  const t = Date.parse(ts);
  return Number.isNaN(t) ? Number.POSITIVE_INFINITY : t;
}

export function compareByAge(a: Manifest, b: Manifest): number {
  const ta = creationTime(a.creationTimestamp);
  const tb = creationTime(b.creationTimestamp);
  if (ta !== tb) return ta < tb ? -1 : 1;
  const ka = `${a.namespace ?? ""}/${a.name}`;
  const kb = `${b.namespace ?? ""}/${b.name}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/**
 * Why `winner` ranks before `loser` under compareByAge, as a phrase following the winner's name:
 * "is older" only when its creationTimestamp really is earlier; otherwise the tie went by name.
 */
export function describeAgeWin(winner: Manifest, loser: Manifest): string {
  const tw = creationTime(winner.creationTimestamp);
  const tl = creationTime(loser.creationTimestamp);
  if (tw < tl) return "is older";
  const when =
    tw === Number.POSITIVE_INFINITY
      ? "neither has a creationTimestamp"
      : "both have the same creationTimestamp";
  return `wins the tie by namespace/name (${when}, and "${winner.namespace ?? ""}/${winner.name}" sorts before "${loser.namespace ?? ""}/${loser.name}")`;
}
