/**
 * The engine's Ingress support, an on-demand engine module (modules/engineModules.ts): the
 * reader (graph nodes and edges of Ingresses) and the validation of Ingress and IngressClass
 * (their hand-written schemas and the API server's extra rules). A workspace without those kinds
 * needs none of it.
 */
export { readIngresses } from "./readIngresses";
export { getIngressJsonSchema } from "../validate/ingressSchemas";
export { checkIngress } from "../validate/checkIngress";
