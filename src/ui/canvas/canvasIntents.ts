/**
 * What a gesture on the canvas means for the YAML, decided from the semantic graph alone:
 * dragging a listener onto a route adds a parentRef, a route onto a Service adds a backendRef,
 * deleting an edge removes the reference it stands for. Pure; canvasEdits turns intents into EditOps.
 */
import type { GraphEdge, GraphNode, ResourceKey, SemanticGraph } from '../../engine';
import { listenerFromHandle } from './flowTypes';

export type CanvasIntent =
  | { type: 'attachRoute'; route: ResourceKey; parent: GraphNode; sectionName?: string }
  | { type: 'addBackend'; route: ResourceKey; service: GraphNode; port?: number; ruleIndex: number; ruleCount: number }
  | { type: 'setWeight'; route: ResourceKey; ruleIndex: number; backendRefIndex: number; weight: number }
  | { type: 'removeParentRef'; route: ResourceKey; parentRefIndex: number }
  | { type: 'removeBackendRef'; route: ResourceKey; ruleIndex: number; backendRefIndex: number }
  | { type: 'removeObject'; key: ResourceKey }
  | { type: 'rename'; key: ResourceKey; name: string }
  | { type: 'addObject'; body: Record<string, unknown> }
  | { type: 'addListener'; gateway: ResourceKey; index: number; listener: Record<string, unknown> };

export interface ConnectionLike {
  source: string;
  target: string;
  sourceHandle?: string | null;
  targetHandle?: string | null;
}

export type IntentResult = { ok: true; intent: CanvasIntent } | { ok: false; why: string };

export function connectionToIntent(graph: SemanticGraph, c: ConnectionLike): IntentResult {
  const a = graph.nodes.find((n) => n.id === c.source);
  const b = graph.nodes.find((n) => n.id === c.target);
  if (!a || !b) return { ok: false, why: 'Both ends must be objects on the canvas.' };
  // Users drag either way; put the route first.
  const [route, other, otherHandle] = a.category === 'route' ? [a, b, c.targetHandle] : [b, a, c.sourceHandle];
  if (route.category !== 'route' || route.ghost) return { ok: false, why: 'Connect a route to a listener or to a Service.' };
  if (other.category === 'gateway' || other.category === 'listenerSet') {
    const listener = listenerFromHandle(otherHandle);
    return {
      ok: true,
      intent: { type: 'attachRoute', route: route.id, parent: other, ...(listener === undefined ? {} : { sectionName: listener }) },
    };
  }
  if (other.category === 'backend' && other.kind === 'Service') {
    const ruleCount = route.details.category === 'route' ? route.details.ruleCount : 0;
    const port = other.details.category === 'backend' ? other.details.ports[0]?.port : undefined;
    return {
      ok: true,
      // The last rule is usually the catch-all; a route without rules gets its first one.
      intent: { type: 'addBackend', route: route.id, service: other, ...(port === undefined ? {} : { port }), ruleIndex: Math.max(0, ruleCount - 1), ruleCount },
    };
  }
  return { ok: false, why: `A ${route.kind} connects to listeners and Services, not to a ${other.kind}.` };
}

/** Deleting an edge removes the reference behind it; other edges are derived and cannot be deleted. */
export function edgeDeleteIntent(edge: GraphEdge): CanvasIntent | undefined {
  if (edge.kind === 'parent' && edge.parentRefIndex !== undefined) {
    return { type: 'removeParentRef', route: edge.source, parentRefIndex: edge.parentRefIndex };
  }
  if (edge.kind === 'backend' && edge.ruleIndex !== undefined && edge.backendRefIndex !== undefined) {
    return { type: 'removeBackendRef', route: edge.source, ruleIndex: edge.ruleIndex, backendRefIndex: edge.backendRefIndex };
  }
  return undefined;
}

/** Objects that reference `key` (so deleting it would leave dangling references). */
export function referrersOf(graph: SemanticGraph, key: string): GraphNode[] {
  const ids = new Set(graph.edges.filter((e) => e.target === key && e.kind !== 'grant').map((e) => e.source));
  // A class is referenced by its gateways, which are the edge targets.
  for (const e of graph.edges) if (e.kind === 'class' && e.source === key) ids.add(e.target);
  ids.delete(key as ResourceKey);
  return graph.nodes.filter((n) => ids.has(n.id));
}
