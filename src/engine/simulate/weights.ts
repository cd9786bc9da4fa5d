/**
 * Weighted backend selection (spec §3.5): P(b) = w_b / Σw over every backendRef of the rule,
 * valid or not; an invalid pick is answered with an error; weight 0 is never picked. Draws come
 * from a seeded PRNG so every sample is reproducible.
 */
import type { ResolvedBackendRef } from '../types';
import { backendTarget } from '../routing/collectCandidates';
import type { BackendShare } from './types';

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
  if (refs.length === 0) return 'the rule has no backendRefs, so the gateway answers 500 (HTTPRouteNoBackendRefs)';
  if (refs.some((r) => r.weight > 0)) return undefined;
  if (refs.length === 1) {
    return 'the only backendRef has weight 0: the API says weight 0 gets no traffic (followed here, as Envoy Gateway does: 500), while the traffic-splitting guide says a single backend gets 100% whatever its weight';
  }
  return 'every backendRef has weight 0, so no backend can be picked (unspecified by the spec; Envoy Gateway answers 500)';
}

export function shareOf(ref: ResolvedBackendRef, total: number): BackendShare {
  const share = total > 0 ? Math.max(0, ref.weight) / total : 0;
  const out: BackendShare = { target: ref.valid ? backendTarget(ref) : 'none', namespace: ref.namespace, name: ref.name, share };
  if (ref.port !== undefined) out.port = ref.port;
  if (ref.target !== undefined) out.service = ref.target;
  if (ref.assumed !== undefined) out.assumed = ref.assumed;
  if (!ref.valid) out.reason = `${ref.reason ?? 'invalid backendRef'}: ${ref.message ?? `backendRef ${backendTarget(ref)}`}`;
  return out;
}

/** Every entry with its exact share; when nothing can be picked, a single "none" entry carries the reason. */
export function computeShares(refs: readonly ResolvedBackendRef[]): BackendShare[] {
  const total = totalWeight(refs);
  const shares = refs.map((r) => shareOf(r, total));
  const none = noBackendReason(refs);
  if (none !== undefined) shares.push({ target: 'none', share: 1, reason: none });
  return shares;
}

export function totalWeight(refs: readonly ResolvedBackendRef[]): number {
  let total = 0;
  for (const r of refs) if (r.weight > 0) total += r.weight;
  return total;
}

/** Index of the backendRef a draw in [0, 1) picks, or -1 when no weight is positive. */
export function pickIndex(refs: readonly ResolvedBackendRef[], draw: number): number {
  const total = totalWeight(refs);
  if (total <= 0) return -1;
  let r = draw * total;
  let last = -1;
  for (let i = 0; i < refs.length; i++) {
    const w = refs[i]?.weight ?? 0;
    if (w <= 0) continue;
    last = i;
    if (r < w) return i;
    r -= w;
  }
  return last;
}
