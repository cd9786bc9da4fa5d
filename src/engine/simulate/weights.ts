/**
 * Weighted backend selection (spec §3.5): P(b) = w_b / Σw over every backendRef of the rule,
 * valid or not; an invalid pick is answered with an error; weight 0 is never picked. Draws come
 * from a seeded PRNG so every sample is reproducible.
 */
import type { ResolvedBackendRef } from "../types";
import { backendTarget } from "../routing/collectCandidates";
import type { BackendShare } from "./types";
import { units, weightShares } from "./weightShares";

export { smallShare, smallWeightTotal, weightShares } from "./weightShares";

/** mulberry32: a small, fast 32-bit PRNG; returns a generator of uniform draws in [0, 1). */
export function createRng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The draw for one (seed, sample index) pair, independent of other samples. */
export function drawFor(seed: number, sample: number): number {
  // The first draw of createRng(seed ^ mix(sample)), spelled out so it allocates no generator.
  const a = ((((seed ^ Math.imul(sample + 1, 0x9e3779b9)) >>> 0) + 0x6d2b79f5) >>> 0) | 0;
  let t = Math.imul(a ^ (a >>> 15), a | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

/** Why a rule cannot forward at all, or undefined when some weight can be picked. */
export function noBackendReason(refs: readonly ResolvedBackendRef[]): string | undefined {
  if (refs.length === 0)
    return "the rule has no backendRefs, so the gateway answers 500 (HTTPRouteNoBackendRefs)";
  if (refs.some((r) => r.weight >= 1)) return undefined;
  if (refs.length === 1) {
    return "the only backendRef has weight 0: the API says weight 0 gets no traffic (followed here, as Envoy Gateway does: 500), while the traffic-splitting guide says a single backend gets 100% whatever its weight";
  }
  return "every backendRef has weight 0, so no backend can be picked (unspecified by the spec; Envoy Gateway answers 500)";
}

/** Largest total for which double arithmetic on a 32-bit draw is exact (total × 2^32 ≤ 2^53). */
const EXACT_DOUBLE_TOTAL = 2 ** 21;
const DRAW_SCALE = 2 ** 53;

/**
 * The index a uniform draw in [0, 1) picks: the i with Σ_{j<i} w_j ≤ draw·Σw < Σ_{j≤i} w_j,
 * compared exactly, so the pick always agrees with weightShares (weight 0 is never picked);
 * -1 when no weight is positive.
 */
export function pickWeighted(weights: readonly number[], draw: number): number {
  let total = 0;
  let safe = true;
  for (const w of weights) {
    if (!(w >= 1)) continue;
    total += w;
    if (!Number.isSafeInteger(w)) safe = false;
  }
  if (total <= 0) return -1;
  const clamped = draw >= 0 && draw < 1 ? draw : 0;
  if (safe && total <= EXACT_DOUBLE_TOTAL && Number.isInteger(clamped * 4294967296)) {
    // draw·total and the running sums are exact here: the common, fast case.
    const r = clamped * total;
    let cumulative = 0;
    let last = -1;
    for (let i = 0; i < weights.length; i++) {
      const w = weights[i] as number;
      if (!(w >= 1)) continue;
      last = i;
      cumulative += Math.floor(w);
      if (r < cumulative) return i;
    }
    return last;
  }
  const exact = weights.map(units);
  let exactTotal = 0n;
  for (const w of exact) exactTotal += w;
  // draw = D / 2^53 (exact for every draw a 32-bit generator makes); compare D·Σw with cumulative·2^53.
  const scaledDraw = BigInt(Math.floor(clamped * DRAW_SCALE)) * exactTotal;
  const scale = BigInt(DRAW_SCALE);
  let cumulative = 0n;
  let last = -1;
  for (let i = 0; i < exact.length; i++) {
    const w = exact[i] as bigint;
    if (w === 0n) continue;
    last = i;
    cumulative += w;
    if (scaledDraw < cumulative * scale) return i;
  }
  return last;
}

export function shareOf(ref: ResolvedBackendRef, share: number): BackendShare {
  const out: BackendShare = {
    target: ref.valid ? backendTarget(ref) : "none",
    namespace: ref.namespace,
    name: ref.name,
    share,
  };
  if (ref.port !== undefined) out.port = ref.port;
  if (ref.target !== undefined) out.service = ref.target;
  if (ref.assumedGrant !== undefined) out.assumedGrant = ref.assumedGrant;
  if (ref.assumed !== undefined) out.assumed = ref.assumed;
  if (ref.reading !== undefined) out.reading = ref.reading;
  if (!ref.valid)
    out.reason = `${ref.reason ?? "invalid backendRef"}: ${ref.message ?? `backendRef ${backendTarget(ref)}`}`;
  return out;
}

/** Every entry with its exact share; when nothing can be picked, a single "none" entry carries the reason. */
export function computeShares(refs: readonly ResolvedBackendRef[]): BackendShare[] {
  const fractions = weightShares(refs.map((r) => r.weight));
  const shares = refs.map((r, i) => shareOf(r, fractions[i] ?? 0));
  const none = noBackendReason(refs);
  if (none !== undefined) shares.push({ target: "none", share: 1, reason: none });
  return shares;
}

/** Index of the backendRef a draw in [0, 1) picks, or -1 when no weight is positive. */
export function pickIndex(refs: readonly ResolvedBackendRef[], draw: number): number {
  return pickWeighted(
    refs.map((r) => r.weight),
    draw,
  );
}
