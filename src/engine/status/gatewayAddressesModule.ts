/**
 * The checks of a Gateway's `spec.addresses` as an on-demand engine module
 * (modules/engineModules.ts): the CRD's rules on the values (validate/checkGatewayAddresses.ts)
 * and the assumption about an implementation-specific address type (implementationAddress.ts).
 * A workspace whose Gateways request no address never runs them, so the worker's first chunk
 * leaves them out.
 */
export { checkGatewayAddresses } from "../validate/checkGatewayAddresses";
export { assumeAddressTypeSupported } from "./implementationAddress";
