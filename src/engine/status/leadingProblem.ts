/**
 * Which of several reference problems names a ResolvedRefs condition's reason. A condition carries
 * one reason however many refs fail, and the order of the refs in the manifest must not decide it:
 * the reasons are ranked, the message still lists every problem.
 */

/**
 * The problem with the best-ranked reason (earliest in `ranking`); a reason the ranking does not
 * name ranks after every named one, and ties keep the manifest order.
 */
export function leadingProblem<P extends { readonly reason: string }>(
  problems: readonly P[],
  ranking: readonly string[],
): P | undefined {
  let best = problems[0];
  if (problems.length < 2 || best === undefined) return best;
  let bestRank = rankOf(best.reason, ranking);
  for (let i = 1; i < problems.length; i++) {
    const p = problems[i] as P;
    const rank = rankOf(p.reason, ranking);
    if (rank < bestRank) {
      best = p;
      bestRank = rank;
    }
  }
  return best;
}

function rankOf(reason: string, ranking: readonly string[]): number {
  const i = ranking.indexOf(reason);
  return i < 0 ? ranking.length : i;
}
