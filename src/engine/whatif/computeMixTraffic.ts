/**
 * computeMixTraffic: the exact traffic a request mix sends to every rule and backendRef, from
 * each template's deterministic trace and the rule's weights (no sampling).
 */
import type { ResourceKey } from "../api/keys";
import type { Router } from "../routing/router";
import { traceRequest } from "../simulate/traceRequest";
import type { ResolvedRoute } from "../types";
import { outcomeShares, summarizeOutcome } from "./summarizeOutcome";
import type { MixTraffic, RequestMix } from "./types";

export function computeMixTraffic(
  router: Router,
  routes: readonly ResolvedRoute[],
  mix: RequestMix,
): MixTraffic {
  const total = mix.templates.reduce((sum, t) => sum + Math.max(0, t.weight), 0);
  const buckets = new Map<string, number>();
  const rules = new Map<string, { route: ResourceKey; ruleIndex: number; share: number }>();
  const refs = new Map<string, MixTraffic["backendRefs"][number]>();
  const templates: MixTraffic["templates"] = [];
  for (const t of mix.templates) {
    const trace = traceRequest(router, t.request);
    const outcome = summarizeOutcome(trace);
    templates.push({ name: t.name, weight: t.weight, outcome });
    const p = total > 0 ? Math.max(0, t.weight) / total : 0;
    if (p === 0) continue;
    for (const s of outcomeShares(trace.outcome))
      buckets.set(s.bucket, (buckets.get(s.bucket) ?? 0) + p * s.share);
    const winner = trace.winner;
    if (winner === undefined) continue;
    const ruleKey = `${winner.route}#${winner.ruleIndex}`;
    const rule = rules.get(ruleKey) ?? {
      route: winner.route,
      ruleIndex: winner.ruleIndex,
      share: 0,
    };
    rule.share += p;
    rules.set(ruleKey, rule);
    if (trace.outcome.kind !== "forwarded" && trace.outcome.kind !== "backend-error") continue;
    const backendRefs =
      routes.find((r) => r.key === winner.route)?.rules[winner.ruleIndex]?.backendRefs ?? [];
    // outcome.backends lists the rule's backendRefs in order (plus a trailing "none" when nothing can be picked).
    trace.outcome.backends.forEach((b, backendIndex) => {
      if (backendIndex >= backendRefs.length || b.share <= 0) return;
      const key = `${ruleKey}#${backendIndex}`;
      const ref = refs.get(key) ?? {
        route: winner.route,
        ruleIndex: winner.ruleIndex,
        backendIndex,
        target: b.target,
        share: 0,
      };
      ref.share += p * b.share;
      refs.set(key, ref);
    });
  }
  return {
    buckets: [...buckets].map(([bucket, share]) => ({ bucket, share })),
    rules: [...rules.values()],
    backendRefs: [...refs.values()],
    templates,
  };
}
