/**
 * The runtime of the engine's on-demand modules (engineModules.ts), for the worker, which
 * imports the engine by its light entries (this one, analysisCore) and never engine/index.ts:
 * that one provides every module statically.
 */
export {
  ENGINE_MODULE_NAMES,
  ModuleNeededError,
  isModuleNeeded,
  isEngineModuleLoaded,
  loadAllEngineModules,
  loadEngineModule,
  withEngineModules,
} from "./engineModules";
export type { EngineModuleName, EngineModules } from "./engineModules";
