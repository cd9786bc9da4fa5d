/**
 * The world setting every analysis in the worker uses (engine resolve/world.ts). The store sends it
 * with each workspace analysis (engineApi.analyze); the simulator, the platform checks and the
 * what-if comparisons then analyse in the same world. Calls reach the worker in order, so an
 * analysis sent after a change of setting sees it.
 */
import { DEFAULT_WORLD_MODE, type WorldMode } from "../engine";

let current: WorldMode = DEFAULT_WORLD_MODE;

export function setWorkerWorld(world: WorldMode): void {
  current = world;
}

export function workerWorld(): WorldMode {
  return current;
}
