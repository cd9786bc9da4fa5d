/**
 * The simulator's calls to the engine worker: traces, mix traffic, what-if and canary runs go
 * through the app controller (store/controller.ts), whose one latest-wins rule drops answers
 * overtaken by a newer call of the same kind; results land in the store tagged with their revision.
 */
import type { RequestMix, SimRequest } from "../../engine";
import { appController } from "../app/appController";

/** Traces a request; `recent: false` for the app's own re-runs, which stay out of Recent. */
export const sendRequest = (
  request: SimRequest,
  options: { recent?: boolean } = {},
): Promise<void> => appController.trace(request, options);
export const showMixTraffic = (mix: RequestMix): Promise<void> => appController.mixTraffic(mix);
/** Runs n seeded samples in the worker; progress arrives per chunk. */
export const startRun = (
  source: "canary" | "mix",
  mix: RequestMix,
  n: number,
  seed: number,
): Promise<void> => appController.startRun(source, mix, n, seed);
export const cancelRun = (): Promise<void> => appController.cancelRun();
export const runWhatIf = (): Promise<void> => appController.whatIf();
