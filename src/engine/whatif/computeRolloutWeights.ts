/**
 * computeRolloutWeights: the backendRef weights of one rollout step. The canary gets `percent` of
 * the rule's traffic; the other backends share the rest in their current ratio (equally when they
 * all weigh 0). Integer weights that sum to 100, split by largest remainder, so the YAML stays
 * readable as percentages.
 */
export function computeRolloutWeights(
  weights: readonly number[],
  canaryIndex: number,
  percent: number,
): number[] {
  const p = Math.max(0, Math.min(100, Math.round(percent)));
  const others = weights.map((w, i) => (i === canaryIndex ? 0 : Math.max(0, w)));
  const otherCount = weights.length - 1;
  const otherTotal = others.reduce((a, b) => a + b, 0);
  const rest = 100 - p;
  const exact = others.map((w, i) =>
    i === canaryIndex || otherCount === 0
      ? 0
      : otherTotal > 0
        ? (rest * w) / otherTotal
        : rest / otherCount,
  );
  const out = exact.map(Math.floor);
  let missing = rest - out.reduce((a, b) => a + b, 0);
  if (otherCount === 0) missing = 0;
  const order = exact
    .map((e, i) => ({ i, r: e - Math.floor(e) }))
    .filter((x) => x.i !== canaryIndex)
    .sort((a, b) => b.r - a.r || a.i - b.i);
  for (let k = 0; missing > 0 && order.length > 0; k = (k + 1) % order.length, missing--) {
    const slot = order[k];
    if (slot !== undefined) out[slot.i] = (out[slot.i] ?? 0) + 1;
  }
  out[canaryIndex] = otherCount === 0 ? 100 : p;
  return out;
}
