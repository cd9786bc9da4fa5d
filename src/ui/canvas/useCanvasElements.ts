import { useLayoutEffect, useMemo, useState } from "react";
import type { SemanticGraph } from "../../engine";
import { useGwsimStore } from "../../store";
import { useCanvasView } from "./canvasViewStore";
import { EdgeLookStore, toEdgeShells, type ShellEdge } from "./edgeLooks";
import type { FlowNode } from "./flowTypes";
import { isFilterActive, matchingNodes, neighbourhood } from "./graphFilter";
import { LaneCache } from "./laneCache";
import { reuseUnchanged, toFlowElements, type XY } from "./toFlowElements";

/**
 * Binding: the semantic graph, positions (dragged, and the automatic layout's from useAutoLayout), selection and the canvas view (focus mode, filter,
 * keyboard cursor) → the React Flow nodes and edges. Keeps a local copy of the nodes so a drag
 * moves smoothly (useNodeDrag updates it); unchanged elements keep their object identity.
 */
export function useCanvasElements(
  graph: SemanticGraph | undefined,
  stale: ReadonlySet<string>,
  autoPositions: Readonly<Record<string, XY>>,
) {
  const positions = useGwsimStore((s) => s.positions);
  const selected = useGwsimStore((s) => s.selected);
  const { filter, focusOn, cursor } = useCanvasView();

  // Focus mode whose object left the workspace shows everything again (and says so in the banner).
  const shown = useMemo(
    () =>
      graph && focusOn && graph.nodes.some((n) => n.id === focusOn)
        ? neighbourhood(graph, focusOn)
        : undefined,
    [graph, focusOn],
  );
  const matches = useMemo(
    () => (graph && isFilterActive(filter) ? matchingNodes(graph, filter) : undefined),
    [graph, filter],
  );
  // Edge lanes stay routed while no node moves: an edit's analysis re-routes nothing.
  const [laneCache] = useState(() => new LaneCache());
  const computed = useMemo(
    () =>
      graph
        ? toFlowElements({
            graph,
            positions,
            autoPositions,
            selected,
            stale,
            shown,
            matches,
            cursor,
            laneCache,
          })
        : { nodes: [], edges: [] },
    [graph, positions, autoPositions, selected, stale, shown, matches, cursor, laneCache],
  );
  const [nodes, setNodes] = useState<FlowNode[]>(computed.nodes);
  // React Flow gets the edges' shells; what each edge shows is read from edgeLooks (edgeLooks.ts).
  const [edges, setEdges] = useState<ShellEdge[]>(() => toEdgeShells([], computed.edges));
  const [edgeLooks] = useState(() => {
    const store = new EdgeLookStore();
    store.publish(computed.edges);
    return store;
  });
  const [looksSeq, setLooksSeq] = useState(0);
  const [drawn, setDrawn] = useState(computed);
  if (drawn !== computed) {
    setDrawn(computed);
    setNodes((previous) => reuseUnchanged(previous, computed.nodes));
    setEdges((previous) => toEdgeShells(previous, computed.edges));
    // Edges rendered in this pass read the new looks at once; the others hear of it once committed.
    if (edgeLooks.publish(computed.edges)) setLooksSeq((seq) => seq + 1);
  }
  useLayoutEffect(() => {
    if (looksSeq > 0) edgeLooks.notify();
  }, [edgeLooks, looksSeq]);
  return { nodes, edges, edgeLooks, setNodes, shown, matches };
}
