/**
 * The simulator's requests derived from the analysis ("send this rule / listener") and the rollout
 * stepper's weights: a second runtime entry for the UI beside present/index.ts, because only the
 * simulator's lazily loaded parts use them (store/simulatorCompose.ts), so they stay out of the
 * page's first chunk. Small pure functions of the analysis the page already holds.
 */
export { requestForRule, requestForListener } from "../whatif/requestForRule";
export { computeRolloutWeights } from "../whatif/computeRolloutWeights";
