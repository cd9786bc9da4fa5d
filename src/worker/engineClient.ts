/**
 * The one place that starts the engine worker. Callers get typed async functions; the worker is
 * created on first use so importing this module costs nothing.
 */
import { wrap, type Remote } from 'comlink';
import type { EngineApi } from './engineApi';

export type { AnalysisResult, EngineApi } from './engineApi';

let remote: Remote<EngineApi> | undefined;

export function getEngine(): Remote<EngineApi> {
  remote ??= wrap<EngineApi>(new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module' }));
  return remote;
}
