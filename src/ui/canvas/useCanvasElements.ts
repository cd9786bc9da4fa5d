import { useMemo, useState } from "react";
import type { SemanticGraph } from "../../engine";
import { useGwsimStore } from "../../store";
import { useCanvasView } from "./canvasViewStore";
import type { FlowEdge, FlowNode } from "./flowTypes";
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
  const [edges, setEdges] = useState<FlowEdge[]>(computed.edges);
  const [drawn, setDrawn] = useState(computed);
  if (drawn !== computed) {
    setDrawn(computed);
    setNodes((previous) => reuseUnchanged(previous, computed.nodes));
    setEdges((previous) => reuseUnchanged(previous, computed.edges));
  }
  return { nodes, edges, setNodes, shown, matches };
}
