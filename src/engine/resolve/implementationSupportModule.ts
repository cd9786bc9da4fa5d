/**
 * The implementation-support table (implementationSupport.ts) with the verdicts that read it, as
 * an on-demand engine module (modules/engineModules.ts): a workspace whose backendRefs are core
 * Services, whose listeners speak HTTP, HTTPS, TLS, TCP or UDP, and whose policies' missing
 * targets are core or Gateway API objects never needs it, so the worker's first chunk leaves it
 * out. With it, the GatewayClasses implementations install under fixed names: only a Gateway
 * whose class the input lacks looks one up.
 */
export { backendKindEntry } from "./implementationSupport";
export { resolveImplementationBackend } from "./resolveImplementationBackend";
export { settleImplementationProtocol } from "../status/implementationProtocol";
export { wellKnownGatewayClass } from "./wellKnownGatewayClasses";
