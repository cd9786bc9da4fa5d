/**
 * The settings every analysis in the worker uses: the world (engine resolve/world.ts) and the
 * readings (engine readings/readings.ts). The store sends them with each workspace analysis
 * (engineApi.analyze) and as soon as the user changes them; the simulator, the platform checks
 * and the what-if comparisons then analyse with the same settings, so the revision cache's key
 * holds. Calls reach the worker in order, so an analysis sent after a change of setting sees it.
 */
import { DEFAULT_WORLD_MODE } from "../engine/analysisCore";
import type { Readings, WorldMode } from "../engine";
import type { RevisionSettings } from "./revisionCache";

let current: WorldMode = DEFAULT_WORLD_MODE;
let currentReadings: Readings = {};

export function setWorkerWorld(world: WorldMode): void {
  current = world;
}

export function workerWorld(): WorldMode {
  return current;
}

export function setWorkerReadings(readings: Readings): void {
  currentReadings = readings;
}

/**
 * What the revision cache keys the workspace's analyses by. gwsim's defaults are no readings at
 * all, so the analysis (and its cache entry) equals one made without the option.
 */
export function workerSettings(): RevisionSettings {
  return Object.keys(currentReadings).length === 0
    ? { world: current }
    : { world: current, readings: currentReadings };
}
