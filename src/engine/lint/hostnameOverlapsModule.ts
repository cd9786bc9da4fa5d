/**
 * The lint rule on hostnames that listeners of different Gateways both claim
 * (findHostnameOverlaps.ts) as an on-demand engine module (modules/engineModules.ts): it compares
 * Gateways pairwise, so a workspace with fewer than two reconciled Gateways (the default example)
 * never runs it, and the worker's first chunk leaves it out.
 */
export { findHostnameOverlaps } from "./findHostnameOverlaps";
