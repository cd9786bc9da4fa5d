import {
  useCallback,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type SetStateAction,
} from "react";
import type { SemanticGraph } from "../../engine";
import { useGwsimStore } from "../../store";
import { useCanvasView } from "./canvasViewStore";
import { EdgeLookStore, toEdgeShells, type ShellEdge } from "./edgeLooks";
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
  const [drawn] = useState(() => new DrawnElements());
  const [edgeLooks] = useState(() => new EdgeLookStore());
  // Derived while rendering (never state set during render, which made React run the canvas twice
  // per answer). Rerunning it for the same `computed` (StrictMode) gives the same objects back.
  const derived = useMemo(() => {
    const next = drawn.next(computed);
    // Edges rendered in this pass read the new looks at once; the others hear of it once committed.
    edgeLooks.publish(computed.edges);
    return next;
  }, [computed, drawn, edgeLooks]);
  // A drag moves the local copy of the nodes (useNodeDrag) until the next computed elements.
  const [dragged, setDragged] = useState<{ from: typeof computed; nodes: FlowNode[] }>();
  const nodes = dragged?.from === computed ? dragged.nodes : derived.nodes;
  const { edges } = derived;
  const latest = useRef({ computed, nodes });
  useLayoutEffect(() => {
    latest.current = { computed, nodes };
    drawn.committed(nodes, edges);
  });
  const setNodes = useCallback((next: SetStateAction<FlowNode[]>) => {
    setDragged((previous) => {
      const { computed: from, nodes: current } = latest.current;
      const base = previous?.from === from ? previous.nodes : current;
      return { from, nodes: typeof next === "function" ? next(base) : next };
    });
  }, []);
  useLayoutEffect(() => {
    edgeLooks.notifyIfChanged();
  }, [edgeLooks, derived]);
  return { nodes, edges, edgeLooks, setNodes, shown, matches };
}

/**
 * The elements last committed, so the next ones keep every unchanged node and edge object
 * (reuseUnchanged, toEdgeShells): React Flow then redraws only what changed.
 */
class DrawnElements {
  private nodes: FlowNode[] = [];
  private edges: ShellEdge[] = [];

  next(computed: { nodes: FlowNode[]; edges: FlowEdge[] }): {
    nodes: FlowNode[];
    edges: ShellEdge[];
  } {
    return {
      nodes: reuseUnchanged(this.nodes, computed.nodes),
      edges: toEdgeShells(this.edges, computed.edges),
    };
  }

  committed(nodes: FlowNode[], edges: ShellEdge[]): void {
    this.nodes = nodes;
    this.edges = edges;
  }
}
