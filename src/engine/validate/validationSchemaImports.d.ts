// `schemas/<kind>.json?validation`: a CRD schema without its descriptions (vite.config.ts
// schemasForValidation). Typed unknown: crdSchemas.ts states the shape the generator guarantees.
declare module "*?validation" {
  const schema: unknown;
  export default schema;
}
