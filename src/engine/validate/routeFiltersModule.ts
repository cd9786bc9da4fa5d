/**
 * The CEL rules on HTTPRoute and GRPCRoute filters (checkFilters.ts): an on-demand engine module
 * (modules/engineModules.ts), since only a route with a filter runs them.
 */
export { checkFilters } from "./checkFilters";
