/**
 * The engine's runtime entry for the worker's first chunk: analysing a text (load, validation,
 * status, routes, graph, lint) and nothing more. The worker imports the analysis from here, and
 * everything else (the simulator, fix-its, the isolation lens, the Ingress migration, printers)
 * from src/engine/index.ts in the modules it loads on first use (worker/engineApi.ts). Imported
 * through index.ts, whose re-exports reach every engine module, the bundler would put all of the
 * engine in the worker's first chunk. Types still come from index.ts: they cost nothing at run time.
 */
export { analyzeRevision, drawnAnalysis } from "../analyze";
export { createParseCache } from "../load/parseCache";
export { DEFAULT_WORLD_MODE } from "../resolve/world";
