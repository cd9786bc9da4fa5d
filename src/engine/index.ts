/**
 * The engine's only public door. Every layer above (worker, store, UI, CLI) imports from here.
 */
export { analyze } from './analyze';
export type { Analysis } from './analysisTypes';
export * from './types';
export { resourceKey, parseResourceKey, displayName } from './api/keys';
export * from './api/conditions';
export * from './api/kinds';
export type * from './api/spec';
export type { DiagnosticCode } from './diagnostics/catalog';
