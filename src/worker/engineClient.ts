/**
 * The one place that starts the engine worker. Callers get typed async functions; the worker is
 * created on first use so importing this module costs nothing.
 */
import { proxy, wrap, type Remote } from "comlink";
import { createAnalysisReceiver } from "./analysisReceiver";
import type { EngineApi } from "./engineApi";
import type { SimRunProgress } from "./simulatorApi";
import type { Readings, WorldMode } from "../engine";

export type { AnalysisResult, EngineApi } from "./engineApi";

let remote: Remote<EngineApi> | undefined;

export function getEngine(): Remote<EngineApi> {
  remote ??= wrap<EngineApi>(
    new Worker(new URL("./engine.worker.ts", import.meta.url), { type: "module" }),
  );
  return remote;
}

/**
 * The calls the app controller (store/controller.ts) makes, as plain async functions: progress
 * callbacks are wrapped for comlink here, so the controller knows nothing of the transport.
 */
let sessions = 0;

export function engineCalls() {
  // The analysis arrives as deltas against the last one this session received (analysisReceiver).
  const analysis = createAnalysisReceiver(`page-${++sessions}`, (...args) =>
    getEngine().analysisUpdate(...args),
  );
  return {
    analyze: (
      revision: number,
      sources: Parameters<EngineApi["analyze"]>[1],
      world: WorldMode,
      readings: Readings,
    ) => analysis.analyze(revision, sources, world, readings),
    platformChecks: (...args: Parameters<EngineApi["platformChecks"]>) =>
      getEngine().platformChecks(...args),
    simTrace: (...args: Parameters<EngineApi["simTrace"]>) => getEngine().simTrace(...args),
    simMixTraffic: (...args: Parameters<EngineApi["simMixTraffic"]>) =>
      getEngine().simMixTraffic(...args),
    simWhatIf: (...args: Parameters<EngineApi["simWhatIf"]>) => getEngine().simWhatIf(...args),
    simRun: (
      revision: number,
      sources: Parameters<EngineApi["simRun"]>[1],
      runId: string,
      mix: Parameters<EngineApi["simRun"]>[3],
      n: number,
      seed: number,
      onProgress: (progress: SimRunProgress) => void,
    ) => getEngine().simRun(revision, sources, runId, mix, n, seed, proxy(onProgress)),
    simCancel: (runId: string) => getEngine().simCancel(runId),
  };
}
