/**
 * "Migrate from Ingress" in the engine worker: the Ingress translator and its comparison with
 * ingress-nginx. Its own module so the worker loads it (engineApi.ts) only when the migration
 * dialog first asks, never for the first graph.
 */
export { buildMigratedWorkspace, compareMigration } from "../engine";
