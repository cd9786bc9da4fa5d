/**
 * Each backendRef's exact share of a rule's traffic, w / Σw (spec §3.5), as the route table
 * shows it: the analysis computes it for every rule (routing/collectCandidates.ts), the simulator
 * (weights.ts) picks by it. Apart from the simulator's draws so that the engine worker's first
 * chunk, which holds the analysis, does not carry them.
 */

/**
 * The weight a backendRef counts with, as an exact integer. The CRD caps a weight at 1,000,000,
 * but gwsim simulates objects the API server would refuse (with a diagnostic), and any integer a
 * YAML number can hold (up to 1e308) must still split traffic exactly: doubles would lose the
 * small weights next to 2^53 and turn a total of two 1e308 weights into Infinity.
 */
export function units(weight: number): bigint {
  return Number.isFinite(weight) && weight >= 1 ? BigInt(Math.floor(weight)) : 0n;
}

/**
 * Σw of a rule's backendRefs as weightShares counts it, when that total is a safe integer (0
 * included): each share is then smallShare(w, total), exactly weightShares' value, without the
 * two arrays weightShares builds. -1 when the total is larger (use weightShares).
 */
export function smallWeightTotal(refs: readonly { weight: number }[]): number {
  let small = 0;
  for (let i = 0; i < refs.length; i++) {
    const w = (refs[i] as { weight: number }).weight;
    if (!(Number.isFinite(w) && w >= 1)) continue;
    small += Math.floor(w);
    if (small > Number.MAX_SAFE_INTEGER) return -1;
  }
  return small;
}

/** One weight's share of a total from smallWeightTotal (0 for all when the total is 0). */
export function smallShare(weight: number, total: number): number {
  if (total === 0) return 0;
  return Number.isFinite(weight) && weight >= 1 ? Math.floor(weight) / total : 0;
}

/** Each weight's exact share w / Σw, rounded once to a double (0 for all when Σw is 0). */
export function weightShares(weights: readonly number[]): number[] {
  // The usual case, without BigInt: integer weights whose running total stays below 2^53 add up
  // exactly as doubles, and one division rounds each share once, as below.
  let small = 0;
  for (const w of weights) {
    if (!(Number.isFinite(w) && w >= 1)) continue;
    small += Math.floor(w);
    if (small > Number.MAX_SAFE_INTEGER) {
      small = -1;
      break;
    }
  }
  if (small === 0) return weights.map(() => 0);
  if (small > 0) return weights.map((w) => smallShare(w, small));
  const exact = weights.map(units);
  let total = 0n;
  for (const w of exact) total += w;
  if (total === 0n) return weights.map(() => 0);
  // Quotients of integers below 2^53 are correctly rounded by IEEE division.
  if (total <= BigInt(Number.MAX_SAFE_INTEGER)) return exact.map((w) => Number(w) / Number(total));
  // Past 2^53: scale each quotient to 64 significant bits before the one rounding to a double.
  const totalBits = total.toString(2).length;
  return exact.map((w) => {
    if (w === 0n) return 0;
    const shift = totalBits - w.toString(2).length + 64;
    return scaleDown(Number((w << BigInt(shift)) / total), shift);
  });
}

/** x · 2^-shift without the intermediate power of two underflowing to 0 (shares down to 2^-1074). */
function scaleDown(x: number, shift: number): number {
  let out = x;
  let rest = shift;
  while (rest > 1000) {
    out *= 2 ** -1000;
    rest -= 1000;
  }
  return out * 2 ** -rest;
}
