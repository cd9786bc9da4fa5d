/**
 * What a gesture on the canvas means for the YAML, decided from the semantic graph alone:
 * dragging a listener onto a route adds a parentRef, a route onto a Service adds a backendRef,
 * deleting an edge removes the reference it stands for. Pure; canvasEdits turns intents into EditOps.
 */
import type {
  GraphEdge,
  GraphNode,
  ResourceKey,
  RouteParentExplain,
  SemanticGraph,
} from "../../engine";
import { listenerFromHandle } from "./flowTypes";
import { displayKey, namespaceOfKey } from "../../engine/present";

export type CanvasIntent =
  | { type: "attachRoute"; route: ResourceKey; parent: GraphNode; sectionName?: string }
  | {
      type: "addBackend";
      route: ResourceKey;
      service: GraphNode;
      port?: number;
      ruleIndex: number;
      ruleCount: number;
    }
  | {
      type: "setWeight";
      route: ResourceKey;
      ruleIndex: number;
      backendRefIndex: number;
      weight: number;
    }
  | { type: "removeParentRef"; route: ResourceKey; parentRefIndex: number }
  | { type: "narrowParentRef"; route: ResourceKey; parentRefIndex: number; sectionName: string }
  | { type: "removeBackendRef"; route: ResourceKey; ruleIndex: number; backendRefIndex: number }
  | { type: "removeObject"; key: ResourceKey }
  | { type: "rename"; key: ResourceKey; name: string }
  | { type: "addObject"; body: Record<string, unknown> }
  | { type: "addListener"; gateway: ResourceKey; index: number; listener: Record<string, unknown> };

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
  if (!a || !b) return { ok: false, why: "Both ends must be objects on the canvas." };
  // Users drag either way; put the route first.
  const [route, other, otherHandle] =
    a.category === "route" ? [a, b, c.targetHandle] : [b, a, c.sourceHandle];
  if (route.category !== "route" || route.ghost)
    return { ok: false, why: "Connect a route to a listener or to a Service." };
  if (other.category === "gateway" || other.category === "listenerSet") {
    const listener = listenerFromHandle(otherHandle);
    return {
      ok: true,
      intent: {
        type: "attachRoute",
        route: route.id,
        parent: other,
        ...(listener === undefined ? {} : { sectionName: listener }),
      },
    };
  }
  if (other.category === "backend" && other.kind === "Service") {
    const ruleCount = route.details.category === "route" ? route.details.ruleCount : 0;
    const port = other.details.category === "backend" ? other.details.ports[0]?.port : undefined;
    return {
      ok: true,
      // The last rule is usually the catch-all; a route without rules gets its first one.
      intent: {
        type: "addBackend",
        route: route.id,
        service: other,
        ...(port === undefined ? {} : { port }),
        ruleIndex: Math.max(0, ruleCount - 1),
        ruleCount,
      },
    };
  }
  return {
    ok: false,
    why: `A ${route.kind} connects to listeners and Services, not to a ${other.kind}.`,
  };
}

type AttachIntent = Extract<CanvasIntent, { type: "attachRoute" }>;

/**
 * What attaching a route to a parent it may already name has to write. The Gateway API CRDs
 * reject a route whose parentRefs name the same parent both with and without sectionName (or
 * port), and two identical parentRefs; so a second reference is only added when all of them
 * name a section, an existing one is narrowed or replaced after asking, or nothing is written.
 */
export type AttachPlan =
  | { type: "add"; intents: CanvasIntent[] }
  | { type: "already"; why: string }
  | { type: "ask"; question: string; intents: CanvasIntent[] };

export function planAttach(
  explain: readonly RouteParentExplain[],
  intent: AttachIntent,
): AttachPlan {
  const p = intent.parent;
  const routeNamespace = namespaceOfKey(intent.route);
  const same = explain.filter(
    (e) =>
      e.route === intent.route &&
      (e.parent !== undefined
        ? e.parent === p.id
        : (e.parentRef.kind ?? "Gateway") === p.kind &&
          e.parentRef.name === p.name &&
          (e.parentRef.namespace ?? routeNamespace) === p.namespace),
  );
  const section = intent.sectionName;
  const what = `${p.kind} ${p.namespace ? `${p.namespace}/` : ""}${p.name}`;
  const routeName = displayKey(intent.route);
  if (same.some((e) => (e.parentRef.sectionName || undefined) === section && !e.parentRef.port)) {
    return {
      type: "already",
      why: `${routeName} already names ${what}${section ? ` listener ${section}` : ""} in its parentRefs; nothing to add.`,
    };
  }
  const conflicting = same.filter(
    (e) => !!e.parentRef.sectionName !== (section !== undefined) || !!e.parentRef.port,
  );
  if (conflicting.length === 0) return { type: "add", intents: [intent] };
  const refs = conflicting.map((e) => `parentRefs[${e.parentRefIndex}]`).join(", ");
  const only = conflicting[0];
  const rule = `The API server rejects a route that names the same ${p.kind} both with and without sectionName or port.`;
  if (
    section !== undefined &&
    conflicting.length === 1 &&
    only !== undefined &&
    !only.parentRef.port
  ) {
    return {
      type: "ask",
      question: `${routeName} already attaches to every listener of ${what} (${refs}). ${rule} Narrow ${refs} to listener ${section} only?`,
      intents: [
        {
          type: "narrowParentRef",
          route: intent.route,
          parentRefIndex: only.parentRefIndex,
          sectionName: section,
        },
      ],
    };
  }
  return {
    type: "ask",
    question: `${routeName} already names ${what} in ${refs}. ${rule} Replace ${conflicting.length === 1 ? "it" : "them"} with one reference to ${section ? `listener ${section}` : `the whole ${p.kind}`}?`,
    intents: [
      intent,
      ...conflicting.map((e): CanvasIntent => ({
        type: "removeParentRef",
        route: intent.route,
        parentRefIndex: e.parentRefIndex,
      })),
    ],
  };
}

/** Deleting an edge removes the reference behind it; other edges are derived and cannot be deleted. */
export function edgeDeleteIntent(edge: GraphEdge): CanvasIntent | undefined {
  if (edge.kind === "parent" && edge.parentRefIndex !== undefined) {
    return { type: "removeParentRef", route: edge.source, parentRefIndex: edge.parentRefIndex };
  }
  if (
    edge.kind === "backend" &&
    edge.ruleIndex !== undefined &&
    edge.backendRefIndex !== undefined
  ) {
    return {
      type: "removeBackendRef",
      route: edge.source,
      ruleIndex: edge.ruleIndex,
      backendRefIndex: edge.backendRefIndex,
    };
  }
  return undefined;
}

/** Objects that reference `key` (so deleting it would leave dangling references). */
export function referrersOf(graph: SemanticGraph, key: string): GraphNode[] {
  const ids = new Set(
    graph.edges.filter((e) => e.target === key && e.kind !== "grant").map((e) => e.source),
  );
  // A class is referenced by its gateways, which are the edge targets.
  for (const e of graph.edges) if (e.kind === "class" && e.source === key) ids.add(e.target);
  ids.delete(key as ResourceKey);
  return graph.nodes.filter((n) => ids.has(n.id));
}
