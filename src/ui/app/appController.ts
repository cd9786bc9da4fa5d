/**
 * The app's one controller (store/controller.ts) bound to the app's store and the engine worker.
 * Components and services call it for worker calls, edits and share mode.
 */
import { useGwsimStore } from "../../store";
import { createAppController } from "../../store/controller";
import { engineCalls } from "../../worker/engineClient";
import { markTimeline } from "./timeline";

export const appController = createAppController(useGwsimStore, engineCalls(), {
  // The latest round trip, for the performance timeline and measurement scripts (one entry kept).
  measure: (name, start, end) => {
    performance.clearMeasures(name);
    performance.measure(name, { start, end });
  },
  mark: markTimeline,
});
