/**
 * The simulator's actions that derive requests and weights from the analysis: composing a request
 * from an object (the inspector's "send this rule", the panel's "Compose from …" and its first
 * open) and the rollout stepper's steps. They need the engine's request derivation
 * (engine/present/whatIf.ts), which the first graph does not, so this module loads with the
 * simulator's lazy parts (loadSimulatorCompose.ts for the panel itself), not with the store.
 */
import type { EditOp, EditResult } from "../engine";
import {
  computeRolloutWeights,
  requestForListener,
  requestForRule,
} from "../engine/present/whatIf";
import type { GwsimStore } from "./index";
import type { GwsimState, SimRollout } from "./types";

/**
 * Fills the composer from an object: a route's rule (its first match, on the route's first
 * hostname and listener), or a Gateway's first listener. False when the object gives no request.
 */
export function composeFromObject(store: GwsimStore, key: string, ruleIndex = 0): boolean {
  const s = store.getState();
  const analysis = s.analysis;
  if (analysis === undefined) return false;
  if (key.startsWith("Gateway/")) {
    const request = requestForListener(analysis, key);
    if (request === undefined) return false;
    s.setSimDraft(request);
    return true;
  }
  const derived = requestForRule(analysis, key, ruleIndex);
  if (derived === undefined) return false;
  s.setSimDraft(derived.request, derived.notes);
  return true;
}

/** Writes the weights of rollout step `step` into the YAML (setBackendWeight on changed weights only). */
export function applySimRolloutStep(store: GwsimStore, step: number): EditResult | undefined {
  const s = store.getState();
  const plan = s.simRollout;
  const percent = plan?.steps[step];
  if (plan === undefined || percent === undefined) return undefined;
  const ops = rolloutEditOps(s, plan, percent);
  if (ops === undefined) return undefined;
  s.setSimRollout({ ...plan, current: step });
  return ops.length > 0
    ? s.applyEdits(ops, "inspector")
    : { text: s.text, changedLines: [], failed: [] };
}

/** The weights a rollout step sets, for the rule as currently analysed. */
export function rolloutWeights(
  s: GwsimState,
  plan: SimRollout,
  percent: number,
): number[] | undefined {
  const rule = s.analysis?.routes.find((r) => r.key === plan.route)?.rules[plan.ruleIndex];
  if (rule === undefined || rule.backendRefs.length < 2) return undefined;
  return computeRolloutWeights(
    rule.backendRefs.map((b) => b.weight),
    plan.backendIndex,
    percent,
  );
}

function rolloutEditOps(s: GwsimState, plan: SimRollout, percent: number): EditOp[] | undefined {
  const route = s.analysis?.routes.find((r) => r.key === plan.route);
  const rule = route?.rules[plan.ruleIndex];
  const weights = rolloutWeights(s, plan, percent);
  if (route === undefined || rule === undefined || weights === undefined) return undefined;
  const target = { kind: route.kind, namespace: route.namespace, name: route.name };
  return rule.backendRefs.flatMap((b, i): EditOp[] => {
    const weight = weights[i];
    return weight === undefined || weight === b.weight
      ? []
      : [
          {
            op: "setBackendWeight",
            target,
            ruleIndex: plan.ruleIndex,
            backendIndex: b.index,
            weight,
          },
        ];
  });
}
