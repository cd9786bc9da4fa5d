/**
 * The designer canvas: the engine's semantic graph drawn with React Flow, laid out by the layered
 * layout while rendering (useAutoLayout). The component only wires bindings, each in its own module: elements (useCanvasElements),
 * drag (useNodeDrag), connect (useConnectBinding), delete (useDeleteBinding), keyboard
 * (useCanvasKeyboard) and the legible fit (useLegibleFit). Dragging remembers a node's position
 * (never in the YAML); connecting, deleting and weight edits become canvas intents applied to the
 * YAML text through the CST-preserving editor.
 */
import "@xyflow/react/dist/style.css";
import "./canvas.css";
import {
  Background,
  ConnectionMode,
  ControlButton,
  Controls,
  MiniMap,
  ReactFlow,
  ReactFlowProvider,
} from "@xyflow/react";
import { useLayoutEffect, useMemo, useRef, type KeyboardEvent } from "react";
import type { ResourceKey } from "../../engine";
import { useGwsimStore } from "../../store";
import { selectRelayoutRequest, selectStaleKeys } from "../../store/selectors";
import { Palette } from "../palette/Palette";
import { applyCanvasIntents } from "./applyCanvasIntents";
import { HandleHitTarget } from "./HandleHitTarget";
import { CanvasActionsContext, type CanvasActions } from "./canvasActions";
import { CanvasFinder, FocusBanner } from "./CanvasFinder";
import { useCanvasView } from "./canvasViewStore";
import { EdgeLooksContext, type ShellEdge } from "./edgeLooks";
import type { FlowNode } from "./flowTypes";
import { mergeStaleGraph } from "./mergeStaleGraph";
import { nodeTypes, edgeTypes } from "./nodeTypes";
import { markTimeline } from "../app/timeline";
import { useAutoLayout } from "./useAutoLayout";
import { useCanvasElements } from "./useCanvasElements";
import { useCanvasKeyboard } from "./useCanvasKeyboard";
import { useConnectBinding } from "./useConnectBinding";
import { useDeleteBinding } from "./useDeleteBinding";
import { useLegibleFit } from "./useLegibleFit";
import { useNodeDrag } from "./useNodeDrag";
import { useTraceReveal } from "./useTraceReveal";

export function GraphCanvas() {
  return (
    <ReactFlowProvider>
      <GraphCanvasInner />
    </ReactFlowProvider>
  );
}

function GraphCanvasInner() {
  const current = useGwsimStore((s) => s.analysis?.graph);
  const lastGood = useGwsimStore((s) => s.lastGoodAnalysis?.graph);
  const staleKeys = useGwsimStore(selectStaleKeys);
  const selected = useGwsimStore((s) => s.selected);
  const relayoutRequest = useGwsimStore(selectRelayoutRequest);
  const analysisError = useGwsimStore((s) => s.analysisError);
  const focusOn = useCanvasView((s) => s.focusOn);
  const filter = useCanvasView((s) => s.filter);

  const graph = useMemo(
    () => mergeStaleGraph(current, lastGood, staleKeys),
    [current, lastGood, staleKeys],
  );
  const stale = useMemo(() => new Set<string>(staleKeys), [staleKeys]);
  const { done: layoutDone, positions: autoPositions } = useAutoLayout(graph, relayoutRequest);

  const { nodes, edges, edgeLooks, setNodes, shown, matches } = useCanvasElements(
    graph,
    stale,
    autoPositions,
  );
  const { onNodesChange, onNodeDragStop } = useNodeDrag(setNodes);
  const onConnect = useConnectBinding(graph);
  const onBeforeDelete = useDeleteBinding(graph);
  const flowRef = useRef<HTMLDivElement>(null);
  const { fit, reveal } = useLegibleFit({
    nodes,
    matches,
    containerRef: flowRef,
    refitKey: `${layoutDone}|${shown ? focusOn : ""}|${JSON.stringify(filter)}`,
  });
  useTraceReveal({ graph, nodes, containerRef: flowRef });
  const keyboard = useCanvasKeyboard(nodes, reveal);
  // For bench/ui's keystroke breakdown: the commit that put a new analysis' graph on the canvas.
  useLayoutEffect(() => markTimeline("gwsim:canvas-commit"), [current]);

  const actions: CanvasActions = useMemo(
    () => ({
      setBackendWeight(edge, weight) {
        if (edge.ruleIndex === undefined || edge.backendRefIndex === undefined) return;
        applyCanvasIntents([
          {
            type: "setWeight",
            route: edge.source,
            ruleIndex: edge.ruleIndex,
            backendRefIndex: edge.backendRefIndex,
            weight,
          },
        ]);
      },
    }),
    [],
  );

  if (!graph) {
    return (
      <div className="canvas-empty" data-testid="graph-canvas" data-state="unavailable">
        {analysisError ? `Analysis failed: ${analysisError}` : "Analysing…"}
      </div>
    );
  }
  const selectedNode = graph.nodes.find((n) => n.id === selected);
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    // Escape leaves focus mode first (and keeps the inspector open).
    if (event.key === "Escape" && focusOn !== undefined && event.target === event.currentTarget) {
      event.preventDefault();
      useCanvasView.getState().setFocusOn(undefined);
      return;
    }
    keyboard.onKeyDown(event);
  };
  return (
    <CanvasActionsContext.Provider value={actions}>
      <div
        className="graph-canvas"
        data-testid="graph-canvas"
        data-state={layoutDone > 0 ? "laid-out" : "pending"}
        data-layout-seq={layoutDone}
        data-node-count={graph.nodes.length}
      >
        <Palette
          namespace={selectedNode?.namespace ?? "default"}
          selectedId={selectedNode?.id}
          gateway={
            selectedNode?.category === "gateway" && !selectedNode.ghost ? selectedNode : undefined
          }
        />
        <CanvasFinder graph={graph} matchCount={matches?.size} />
        <div
          className="graph-flow"
          id="graph-flow"
          ref={flowRef}
          tabIndex={0}
          role="application"
          aria-roledescription="graph"
          aria-label={`Graph of ${graph.nodes.length} objects. Arrow keys move between objects, Enter opens one in the inspector, F shows its neighbourhood.`}
          aria-activedescendant={keyboard.activeDescendant}
          data-testid="graph-flow"
          onFocus={(e) => e.target === e.currentTarget && keyboard.onFocus()}
          onBlur={(e) => e.target === e.currentTarget && keyboard.onBlur()}
          onKeyDown={onKeyDown}
        >
          <span className="visually-hidden" aria-live="polite" data-testid="graph-cursor-text">
            {keyboard.description}
          </span>
          <FocusBanner graph={graph} />
          {graph.nodes.length === 0 ? (
            <div className="canvas-hint">
              No Gateway API objects yet: paste YAML, open files, or add objects from the palette.
            </div>
          ) : null}
          <EdgeLooksContext.Provider value={edgeLooks}>
            <ReactFlow<FlowNode, ShellEdge>
              nodes={nodes}
              edges={edges}
              nodeTypes={nodeTypes}
              edgeTypes={edgeTypes}
              onNodesChange={onNodesChange}
              onNodeDragStop={onNodeDragStop}
              onNodeClick={selectClickedNode}
              onPaneClick={clearSelection}
              onConnect={onConnect}
              onBeforeDelete={onBeforeDelete}
              connectionMode={ConnectionMode.Loose}
              deleteKeyCode={DELETE_KEYS}
              // One tab stop for the whole graph (the wrapper above): nodes and edges are reached with the arrow keys.
              nodesFocusable={false}
              edgesFocusable={false}
              minZoom={0.1}
              maxZoom={2}
              onlyRenderVisibleElements={graph.nodes.length > RENDER_VISIBLE_ONLY_FROM}
              proOptions={PRO_OPTIONS}
            >
              <HandleHitTarget />
              <Background gap={24} size={1} />
              {/* A small picture fits on screen anyway; the minimap would only cover part of it. */}
              {graph.nodes.length > MINIMAP_MIN_NODES ? (
                <MiniMap
                  pannable
                  zoomable
                  nodeStrokeWidth={2}
                  nodeColor={miniMapColor}
                  style={{ width: 150, height: 100 }}
                />
              ) : null}
              <Controls showInteractive={false} showFitView={false}>
                <ControlButton
                  onClick={() => fit(150)}
                  title="Fit: the whole graph if it stays readable, else the selection at a readable size"
                  aria-label="Fit view"
                  data-testid="fit-view"
                >
                  <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
                    <path
                      d="M1 5V1h4M11 1h4v4M15 11v4h-4M5 15H1v-4"
                      fill="none"
                      stroke="currentColor"
                      strokeWidth="1.6"
                    />
                  </svg>
                </ControlButton>
              </Controls>
            </ReactFlow>
          </EdgeLooksContext.Provider>
        </div>
      </div>
    </CanvasActionsContext.Provider>
  );
}

const DELETE_KEYS = ["Delete", "Backspace"];
const PRO_OPTIONS = { hideAttribution: true };

// Module-level, so every prop React Flow passes down to each node stays the same object across
// renders: an inline arrow here re-rendered all of the memoized node wrappers on every analysis.
function selectClickedNode(_: unknown, n: FlowNode): void {
  if (n.type === "graphNode") useGwsimStore.getState().select(n.id as ResourceKey, "canvas");
}

function clearSelection(): void {
  useGwsimStore.getState().select(undefined, "canvas");
}
const MINIMAP_MIN_NODES = 40;
/**
 * From this many objects React Flow mounts only the nodes and edges on screen. Every analysis is
 * one or two React Flow store updates, and each runs the selectors of every mounted node and edge
 * wrapper (positions, handles, edge ends): at 300 documents, with all ~290 nodes and edges
 * mounted, that was the largest share of a keystroke's main-thread time (issue 11). Nodes carry
 * their handles, so one scrolled into view needs no measuring first; below this size the graph
 * usually fits on screen and mounting everything costs little.
 */
const RENDER_VISIBLE_ONLY_FROM = 150;

function miniMapColor(n: FlowNode): string {
  if (n.type !== "graphNode") return "transparent";
  switch (n.data.node.status) {
    case "ok":
      return "#86c49b";
    case "error":
      return "#e58a8a";
    case "warning":
      return "#e8c170";
    default:
      return "#b8bec8";
  }
}
