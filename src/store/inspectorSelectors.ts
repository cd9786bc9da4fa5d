/**
 * The inspector's per-object selectors over policies and status drift. Apart from selectors.ts,
 * which the canvas, the toolbar and the panels read on the first load, so that they arrive with
 * the inspector's code.
 */
import type {
  Analysis,
  EffectivePolicy,
  PolicyAttachment,
  ResourceKey,
  StatusDriftEntry,
} from "../engine";
import type { GwsimState } from "./types";

const EMPTY: never[] = [];

/**
 * Memoizes a per-object selector on (analysis, key): inspector sections and canvas badges read the
 * same derived rows many times per render, and zustand needs a stable result to avoid re-rendering.
 */
function perObject<R>(compute: (analysis: Analysis, key: ResourceKey) => R, none: R) {
  const cache = new WeakMap<Analysis, Map<ResourceKey, R>>();
  return (key: ResourceKey) =>
    (s: GwsimState): R => {
      const analysis = s.analysis;
      if (!analysis) return none;
      let byKey = cache.get(analysis);
      if (!byKey) cache.set(analysis, (byKey = new Map()));
      if (!byKey.has(key)) byKey.set(key, compute(analysis, key));
      return byKey.get(key) as R;
    };
}

/** Every policy that applies to an object (its own and inherited), most specific first, as the engine computed them. */
export const selectEffectivePolicies = perObject<readonly EffectivePolicy[]>(
  (analysis, key) => analysis.effectivePolicies[key] ?? EMPTY,
  EMPTY,
);

/** A policy object's targetRefs, each with the object it resolved to (absent: not in the input). */
export const selectPolicyTargets = perObject<readonly PolicyAttachment[]>(
  (analysis, key) => analysis.policies.filter((p) => p.policy === key),
  EMPTY,
);

/** Where a policy object takes effect: every object whose effective policies include it. */
export interface PolicyReachedObject {
  object: ResourceKey;
  effective: EffectivePolicy;
}
export const selectObjectsReachedByPolicy = perObject<readonly PolicyReachedObject[]>(
  (analysis, key) => {
    const reached: PolicyReachedObject[] = [];
    for (const [object, entries] of Object.entries(analysis.effectivePolicies)) {
      for (const effective of entries)
        if (effective.policy === key) reached.push({ object: object as ResourceKey, effective });
    }
    return reached;
  },
  EMPTY,
);

/** Where the controller's status in the input disagrees with gwsim's for one object (or is stale). */
export const selectStatusDrift = perObject<readonly StatusDriftEntry[]>(
  (analysis, key) => analysis.statusDrift.filter((d) => d.object === key),
  EMPTY,
);
