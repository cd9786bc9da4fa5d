/**
 * BackendTLSPolicy's status and its CEL rules, an on-demand engine module
 * (modules/engineModules.ts): only a workspace with a BackendTLSPolicy runs them, so the engine
 * worker's first chunk leaves them out. Asked for by status/computeStatus.ts and
 * validate/validateManifests.ts when such a policy is in the input.
 */
export {
  computeBackendTLSPolicyStatus,
  withBackendTLS,
} from "../status/computeBackendTLSPolicyStatus";
export { checkBackendTLSPolicy } from "../validate/checkBackendTLSPolicy";
