/**
 * createMixSampler: seeded sampling of a request mix through the Router's fast path, in chunks the
 * caller drives (the worker yields between chunks). Each sample draws a template by weight, then
 * a backend by the rule's weights; the same (mix, seed) always gives the same counts.
 */
import type { Router } from "../routing/router";
import { routeRequest } from "../simulate/routeRequest";
import { createRng } from "../simulate/weights";
import { statusBucket } from "./summarizeOutcome";
import type { RequestMix } from "./types";

export interface MixTally {
  n: number;
  /** Requests per bucket (backend target, "none", or "status:…"). */
  buckets: Record<string, number>;
  /** Requests per "routeKey#ruleIndex". */
  rules: Record<string, number>;
  /** Requests per "routeKey#ruleIndex#target". */
  backendRefs: Record<string, number>;
  /** Requests per template name. */
  templates: Record<string, number>;
}

export interface MixSampler {
  /** Routes `count` more samples. */
  run(count: number): void;
  /** A copy of the counts so far (plain data). */
  tally(): MixTally;
}

export function createMixSampler(router: Router, mix: RequestMix, seed: number): MixSampler {
  const rng = createRng(seed);
  const templates = mix.templates.filter((t) => t.weight > 0);
  const cumulative: number[] = [];
  let total = 0;
  for (const t of templates) cumulative.push((total += t.weight));
  const tally: MixTally = { n: 0, buckets: {}, rules: {}, backendRefs: {}, templates: {} };
  const bump = (record: Record<string, number>, key: string) => {
    record[key] = (record[key] ?? 0) + 1;
  };
  return {
    run(count) {
      if (templates.length === 0) return;
      for (let i = 0; i < count; i++) {
        let index = 0;
        if (templates.length > 1) {
          const d = rng() * total;
          while (index < cumulative.length - 1 && d >= (cumulative[index] ?? 0)) index++;
        }
        const t = templates[index];
        if (t === undefined) continue;
        const r = routeRequest(router, t.request, { draw: rng() });
        tally.n++;
        bump(tally.templates, t.name);
        bump(tally.buckets, r.backend ?? statusBucket(r.kind, r.status));
        if (r.route === undefined || r.ruleIndex === undefined) continue;
        const ruleKey = `${r.route}#${r.ruleIndex}`;
        bump(tally.rules, ruleKey);
        if (r.backend !== undefined) bump(tally.backendRefs, `${ruleKey}#${r.backend}`);
      }
    },
    tally() {
      return {
        n: tally.n,
        buckets: { ...tally.buckets },
        rules: { ...tally.rules },
        backendRefs: { ...tally.backendRefs },
        templates: { ...tally.templates },
      };
    },
  };
}
