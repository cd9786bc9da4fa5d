/** Workspace-wide settings and messages: the world mode, the readings, the split ratio, the notice bar. */
import { DEFAULT_WORLD_MODE } from "../../engine/present";
import { normalizeReadings, sameReadings } from "../readingChoices";
import type { UiSlice } from "../types";
import type { SliceContext } from "./sliceKit";

export const DEFAULT_SPLIT_RATIO = 0.55;
/** gwsim's default world, for the UI (which imports no engine values). */
export { DEFAULT_WORLD_MODE };

export function createUiSlice({ set, get }: SliceContext): UiSlice {
  return {
    world: DEFAULT_WORLD_MODE,
    setWorld(world) {
      const s = get();
      if (world === s.world) return;
      // A new revision: analysis, traces and the canary lab all follow revisions.
      set({ world, revision: s.revision + 1 });
    },
    readings: {},
    setReadings(readings) {
      const s = get();
      if (sameReadings(readings, s.readings)) return;
      // Like the world: a new revision, so analysis, traces and runs follow the new reading.
      set({ readings: normalizeReadings(readings), revision: s.revision + 1 });
    },
    splitRatio: DEFAULT_SPLIT_RATIO,
    setSplitRatio(ratio) {
      set({ splitRatio: Math.min(0.85, Math.max(0.15, ratio)) });
    },
    notice: undefined,
    setNotice(notice) {
      set({ notice });
    },
  };
}
