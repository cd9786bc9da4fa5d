import { useEffect, useRef, useState } from "react";
import type { SemanticGraph } from "../../engine";
import { layeredLayout } from "../../layout/layeredLayout";
import { useGwsimStore } from "../../store";

/**
 * Lays the graph out whenever the set of nodes changes (not on every status change) or the user
 * presses Re-layout. Objects already on the canvas keep their places unless the user asked to
 * re-layout; only new ones are placed. Returns a counter that increases each time a layout lands
 * (so the canvas can fit the view) and whether one is under way.
 *
 * The layout runs here, on the main thread, where the graph already is: it takes milliseconds
 * (about 20 ms at 1,000 objects, src/layout/layeredLayout.ts), while a round trip to the engine
 * worker waited behind whatever analysis the worker was busy with (up to a second when measured).
 */
export function useAutoLayout(
  graph: SemanticGraph | undefined,
  relayoutRequest: number,
): { done: number; busy: boolean } {
  const [done, setDone] = useState(0);
  const lastShape = useRef<string | undefined>(undefined);
  const lastRelayout = useRef(relayoutRequest);

  useEffect(() => {
    const g = graph;
    if (!g) return;
    const shape = graphShape(g);
    const relayout = relayoutRequest !== lastRelayout.current;
    if (!relayout && shape === lastShape.current) return;
    lastShape.current = shape;
    if (relayout) {
      lastRelayout.current = relayoutRequest;
      useGwsimStore.getState().clearPositions();
    }
    const previous = relayout ? undefined : useGwsimStore.getState().autoPositions;
    try {
      useGwsimStore.getState().setAutoPositions(layeredLayout(g, previous));
      // Counted once the store update is out (not in the effect body: no cascading render).
      void Promise.resolve().then(() => setDone((d) => d + 1));
    } catch (error: unknown) {
      useGwsimStore.getState().setNotice({
        kind: "error",
        message: `Automatic layout failed: ${error instanceof Error ? error.message : String(error)}`,
      });
    }
  }, [graph, relayoutRequest]);
  // A synchronous layout is never under way between two renders.
  return { done, busy: false };
}

/**
 * The node ids: a new or removed object lays the graph out again; a changed status, label or a
 * new edge does not, so the picture stays put while the user edits references.
 */
function graphShape(graph: SemanticGraph): string {
  return graph.nodes.map((n) => n.id).join("|");
}
