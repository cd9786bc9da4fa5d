import { useEffect, useRef, useState } from 'react';
import type { SemanticGraph } from '../../engine';
import { useGwsimStore } from '../../store';
import { getEngine } from '../../worker/engineClient';

/**
 * Asks the worker for a layout whenever the set of nodes changes (not on every status change) or
 * the user presses Re-layout. Objects already on the canvas keep their places unless the user
 * asked to re-layout; only new ones are placed. Latest request wins. Returns a counter that increases
 * each time a layout lands (so the canvas can fit the view) and whether one is under way.
 */
export function useAutoLayout(graph: SemanticGraph | undefined, relayoutRequest: number): { done: number; busy: boolean } {
  const [done, setDone] = useState(0);
  const [busy, setBusy] = useState(false);
  const seq = useRef(0);
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
    const mine = ++seq.current;
    setBusy(true);
    const previous = relayout ? undefined : useGwsimStore.getState().autoPositions;
    getEngine()
      .layout(g, previous)
      .then((positions) => {
        if (mine !== seq.current) return;
        useGwsimStore.getState().setAutoPositions(positions);
        setDone((d) => d + 1);
        setBusy(false);
      })
      .catch((error: unknown) => {
        if (mine !== seq.current) return;
        setBusy(false);
        useGwsimStore.getState().setNotice({ kind: 'error', message: `Automatic layout failed: ${error instanceof Error ? error.message : String(error)}` });
      });
  }, [graph, relayoutRequest]);
  return { done, busy };
}

/**
 * The node ids: a new or removed object lays the graph out again; a changed status, label or a
 * new edge does not, so the picture stays put while the user edits references.
 */
function graphShape(graph: SemanticGraph): string {
  return graph.nodes.map((n) => n.id).join('|');
}
