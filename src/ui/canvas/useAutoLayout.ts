import { useEffect, useState } from "react";
import type { SemanticGraph } from "../../engine";
import { layeredLayout } from "../../layout/layeredLayout";
import { useGwsimStore } from "../../store";

type Positions = Readonly<Record<string, { x: number; y: number }>>;

interface LaidOut {
  /** The node ids the positions were computed for (see graphShape). */
  shape: string | undefined;
  relayoutRequest: number;
  positions: Positions;
  /** How many layouts have landed: the canvas fits the view when it changes. */
  done: number;
  error?: string;
}

/**
 * Lays the graph out whenever the set of nodes changes (not on every status change) or the user
 * presses Re-layout. Objects already on the canvas keep their places unless the user asked to
 * re-layout; only new ones are placed. Returns the positions and a counter that increases each
 * time a layout lands (so the canvas can fit the view).
 *
 * The layout is computed while rendering (a state update during render, which React applies
 * before committing), not in an effect: an effect would first commit the new graph at
 * provisional positions, and at 1,000 objects that extra commit (every node mounted, measured and
 * its edges routed, then all moved) cost more than the layout itself, which takes tens of
 * milliseconds (src/layout/layeredLayout.ts). The store keeps a copy for the diagram export and
 * for starting the editor after the first graph.
 */
export function useAutoLayout(
  graph: SemanticGraph | undefined,
  relayoutRequest: number,
): { done: number; positions: Positions } {
  const [laidOut, setLaidOut] = useState<LaidOut>(() => ({
    shape: undefined,
    relayoutRequest,
    positions: useGwsimStore.getState().autoPositions,
    done: 0,
  }));
  let current = laidOut;
  if (graph) {
    const shape = graphShape(graph);
    const relayout = relayoutRequest !== laidOut.relayoutRequest;
    if (relayout || shape !== laidOut.shape) {
      current = layOut(graph, shape, relayoutRequest, laidOut, relayout);
      setLaidOut(current);
    }
  }

  useEffect(() => {
    const store = useGwsimStore.getState();
    if (current.error === undefined) {
      if (store.autoPositions !== current.positions) store.setAutoPositions(current.positions);
    } else
      store.setNotice({
        kind: "error",
        message: `Automatic layout failed: ${current.error}`,
      });
  }, [current]);
  return current;
}

function layOut(
  graph: SemanticGraph,
  shape: string,
  relayoutRequest: number,
  previous: LaidOut,
  afresh: boolean,
): LaidOut {
  const { done } = previous;
  try {
    const positions = layeredLayout(graph, afresh ? undefined : previous.positions);
    return { shape, relayoutRequest, positions, done: done + 1 };
  } catch (error: unknown) {
    // No layout landed: provisional positions (toFlowElements' columns), and the effect says why.
    const message = error instanceof Error ? error.message : String(error);
    return { shape, relayoutRequest, positions: previous.positions, done, error: message };
  }
}

/**
 * The node ids: a new or removed object lays the graph out again; a changed status, label or a
 * new edge does not, so the picture stays put while the user edits references.
 */
function graphShape(graph: SemanticGraph): string {
  return graph.nodes.map((n) => n.id).join("|");
}
