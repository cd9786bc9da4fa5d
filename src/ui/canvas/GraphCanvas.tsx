/**
 * The designer canvas: the engine's semantic graph drawn with React Flow, laid out by elkjs in the
 * worker. Dragging remembers a node's position (never in the YAML); connecting, deleting and weight
 * edits become canvas intents that are applied to the YAML text through the CST-preserving editor.
 */
import '@xyflow/react/dist/style.css';
import './canvas.css';
import {
  Background,
  ConnectionMode,
  Controls,
  MiniMap,
  ReactFlow,
  ReactFlowProvider,
  applyNodeChanges,
  useReactFlow,
  type Connection,
  type NodeChange,
  type OnBeforeDelete,
} from '@xyflow/react';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { GraphEdge, ResourceKey } from '../../engine';
import { useGwsimStore } from '../../store';
import { selectRelayoutRequest, selectStaleKeys } from '../../store/selectors';
import { Palette } from '../palette/Palette';
import { applyCanvasIntents } from './applyCanvasIntents';
import { HandleHitTarget } from './HandleHitTarget';
import { CanvasActionsContext, type CanvasActions } from './canvasActions';
import { connectionToIntent, edgeDeleteIntent, planAttach, referrersOf, type CanvasIntent } from './canvasIntents';
import type { FlowEdge, FlowNode } from './flowTypes';
import { mergeStaleGraph } from './mergeStaleGraph';
import { nodeTypes, edgeTypes } from './nodeTypes';
import { reuseUnchanged, toFlowElements } from './toFlowElements';
import { useAutoLayout } from './useAutoLayout';

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
  const positions = useGwsimStore((s) => s.positions);
  const autoPositions = useGwsimStore((s) => s.autoPositions);
  const selected = useGwsimStore((s) => s.selected);
  const relayoutRequest = useGwsimStore(selectRelayoutRequest);
  const analysisError = useGwsimStore((s) => s.analysisError);
  const objects = useGwsimStore((s) => s.analysis?.objects);

  const graph = useMemo(() => mergeStaleGraph(current, lastGood, staleKeys), [current, lastGood, staleKeys]);
  const stale = useMemo(() => new Set<string>(staleKeys), [staleKeys]);
  const { done: layoutDone, busy: layingOut } = useAutoLayout(graph, relayoutRequest);

  const computed = useMemo(
    () => (graph ? toFlowElements({ graph, positions, autoPositions, selected, stale }) : { nodes: [], edges: [] }),
    [graph, positions, autoPositions, selected, stale],
  );
  // Local copy so a drag moves smoothly; the store learns the position when the drag ends.
  const [nodes, setNodes] = useState<FlowNode[]>(computed.nodes);
  const [edges, setEdges] = useState<FlowEdge[]>(computed.edges);
  const [shown, setShown] = useState(computed);
  if (shown !== computed) {
    setShown(computed);
    setNodes((previous) => reuseUnchanged(previous, computed.nodes));
    setEdges((previous) => reuseUnchanged(previous, computed.edges));
  }

  const { fitView } = useReactFlow();
  useEffect(() => {
    if (layoutDone > 0) void fitView({ padding: 0.08, duration: 0 });
  }, [layoutDone, fitView]);
  // The inspector opening or closing changes the canvas width: fit the picture to the new size.
  const inspectorOpen = selected !== undefined;
  // The simulator panel opening or closing changes the canvas height the same way.
  const simOpen = useGwsimStore((s) => s.simOpen);
  useEffect(() => {
    const frame = requestAnimationFrame(() => void fitView({ padding: 0.08, duration: 150 }));
    return () => cancelAnimationFrame(frame);
  }, [inspectorOpen, simOpen, fitView]);

  const onNodesChange = useCallback((changes: NodeChange<FlowNode>[]) => {
    const moves = changes.filter((c) => c.type === 'position' || c.type === 'dimensions');
    if (moves.length > 0) setNodes((ns) => applyNodeChanges(moves, ns));
    for (const c of changes) {
      if (c.type === 'position' && c.dragging === false && c.position) {
        useGwsimStore.getState().setPosition(c.id as ResourceKey, { x: Math.round(c.position.x), y: Math.round(c.position.y) });
      }
    }
  }, []);

  const onNodeDragStop = useCallback((_: unknown, node: FlowNode) => {
    useGwsimStore.getState().setPosition(node.id as ResourceKey, { x: Math.round(node.position.x), y: Math.round(node.position.y) });
  }, []);

  const onConnect = useCallback(
    (c: Connection) => {
      if (!graph) return;
      const result = connectionToIntent(graph, c);
      if (!result.ok) return useGwsimStore.getState().setNotice({ kind: 'info', message: result.why });
      if (result.intent.type !== 'attachRoute') return applyCanvasIntents([result.intent]);
      // A route may already name this parent: write only what the API server would accept.
      const plan = planAttach(useGwsimStore.getState().analysis?.explain ?? [], result.intent);
      if (plan.type === 'already') useGwsimStore.getState().setNotice({ kind: 'info', message: plan.why });
      else if (plan.type === 'add' || window.confirm(plan.question)) applyCanvasIntents(plan.intents);
    },
    [graph],
  );

  const onBeforeDelete: OnBeforeDelete<FlowNode, FlowEdge> = useCallback(
    async ({ nodes: delNodes, edges: delEdges }) => {
      if (!graph) return false;
      const intents: CanvasIntent[] = [];
      const removed = new Set<string>();
      for (const n of delNodes) {
        if (n.type !== 'graphNode' || n.data.node.ghost) continue;
        const referrers = referrersOf(graph, n.id).filter((r) => !delNodes.some((d) => d.id === r.id));
        if (referrers.length > 0) {
          const names = referrers.map((r) => `${r.kind} ${r.name}`).join(', ');
          if (!window.confirm(`Delete ${n.data.node.kind} ${n.data.node.name}? It is referenced by ${names}; those references will dangle.`)) return false;
        }
        intents.push({ type: 'removeObject', key: n.id as ResourceKey });
        removed.add(n.id);
      }
      // React Flow adds the edges of a deleted node; those references stay in the YAML (and show
      // as "not in input" ghosts), so only edges deleted on their own become edits.
      const edgeIntents = delEdges
        .map((e) => e.data?.edge)
        .filter((e): e is GraphEdge => e !== undefined && !removed.has(e.source) && !removed.has(e.target))
        .map(edgeDeleteIntent)
        .filter((i): i is CanvasIntent => i !== undefined);
      applyCanvasIntents(dedupeIntents([...edgeIntents, ...intents]));
      // The YAML changes; the analysis redraws the graph. React Flow must not remove anything itself.
      return false;
    },
    [graph],
  );

  const actions: CanvasActions = useMemo(
    () => ({
      setBackendWeight(edge, weight) {
        if (edge.ruleIndex === undefined || edge.backendRefIndex === undefined) return;
        applyCanvasIntents([{ type: 'setWeight', route: edge.source, ruleIndex: edge.ruleIndex, backendRefIndex: edge.backendRefIndex, weight }]);
      },
    }),
    [],
  );

  if (!graph) {
    return (
      <div className="canvas-empty" data-testid="graph-canvas" data-state="unavailable">
        {analysisError ? `Analysis failed: ${analysisError}` : 'Analysing…'}
      </div>
    );
  }
  return (
    <CanvasActionsContext.Provider value={actions}>
      <div className="graph-canvas" data-testid="graph-canvas" data-state={layoutDone > 0 ? 'laid-out' : 'pending'}
        data-layout-seq={layoutDone}
        data-node-count={graph.nodes.length}
      >
        <Palette objects={objects ?? NO_OBJECTS} selected={graph.nodes.find((n) => n.id === selected)} />
        <div className="graph-flow">
          {layingOut ? (
            <div className="canvas-busy" data-testid="graph-layout-busy">
              Laying out {graph.nodes.length} objects…
            </div>
          ) : null}
        {graph.nodes.length === 0 ? (
          <div className="canvas-hint">No Gateway API objects yet: paste YAML, open files, or add objects from the palette.</div>
        ) : null}
        <ReactFlow<FlowNode, FlowEdge>
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          onNodesChange={onNodesChange}
          onNodeDragStop={onNodeDragStop}
          onNodeClick={(_, n) => n.type === 'graphNode' && useGwsimStore.getState().select(n.id as ResourceKey, 'canvas')}
          onPaneClick={() => useGwsimStore.getState().select(undefined, 'canvas')}
          onConnect={onConnect}
          onBeforeDelete={onBeforeDelete}
          connectionMode={ConnectionMode.Loose}
          deleteKeyCode={['Delete', 'Backspace']}
          minZoom={0.1}
          maxZoom={2}
          onlyRenderVisibleElements={graph.nodes.length > 300}
          fitView
          proOptions={{ hideAttribution: true }}
        >
          <HandleHitTarget />
          <Background gap={24} size={1} />
          {/* A small picture fits on screen anyway; the minimap would only cover part of it. */}
          {graph.nodes.length > MINIMAP_MIN_NODES ? (
            <MiniMap pannable zoomable nodeStrokeWidth={2} nodeColor={miniMapColor} style={{ width: 150, height: 100 }} />
          ) : null}
          <Controls showInteractive={false} />
        </ReactFlow>
        </div>
      </div>
    </CanvasActionsContext.Provider>
  );
}

const NO_OBJECTS: never[] = [];
const MINIMAP_MIN_NODES = 40;

function miniMapColor(n: FlowNode): string {
  if (n.type !== 'graphNode') return 'transparent';
  switch (n.data.node.status) {
    case 'ok':
      return '#86c49b';
    case 'error':
      return '#e58a8a';
    case 'warning':
      return '#e8c170';
    default:
      return '#b8bec8';
  }
}

function dedupeIntents(intents: CanvasIntent[]): CanvasIntent[] {
  const seen = new Set<string>();
  return intents.filter((i) => {
    const k = JSON.stringify(i);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
