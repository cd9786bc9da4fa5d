/**
 * The simulator's requests derived from the analysis ("send this rule / listener"), the rollout
 * stepper's weights and the words of its traces and charts (shares, buckets, the backend's
 * stream): a second runtime entry for the UI beside present/index.ts, because only the
 * simulator's lazily loaded parts use them (store/simulatorCompose.ts, the trace, mix and split
 * views), so they stay out of the page's first chunk. Small pure functions of data the page
 * already holds.
 */
export { requestForRule, requestForListener } from "../whatif/requestForRule";
export { computeRolloutWeights } from "../whatif/computeRolloutWeights";
export { formatShare, type FormatShareOptions } from "./formatShare";
export { describeBucket } from "../whatif/describeBucket";
// What a TLS listener's backend receives, in the words `gwsim simulate` prints.
export { describeBackendStream, type BackendStream } from "./describeBackendStream";
