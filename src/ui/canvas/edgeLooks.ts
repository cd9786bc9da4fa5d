/**
 * React Flow's edges without what only their drawing reads. An analysis that changes an edge's
 * status or label (a keystroke breaking a backendRef) would otherwise be a new edges array for
 * React Flow, which then rebuilds its connection lookup over every edge and runs every mounted
 * edge's selectors. The edges React Flow gets ("shells") change only when an edge's ends, handles
 * or lane do; what an edge shows (status, label, stale, the semantic edge) is published in an
 * EdgeLookStore that each drawn edge reads by id, so a keystroke re-renders just the edge it
 * changed.
 */
import { createContext, useContext, useSyncExternalStore } from "react";
import type { Edge } from "@xyflow/react";
import type { FlowEdge, GraphEdgeData } from "./flowTypes";

export type ShellEdgeData = { lane?: number };
export type ShellEdge = Edge<ShellEdgeData, "status">;

/**
 * The shells for `edges`, keeping the previous shell of every edge whose ends, handles, lane and
 * deletability did not change (the previous array itself when none changed).
 */
export function toEdgeShells(
  previous: readonly ShellEdge[],
  edges: readonly FlowEdge[],
): ShellEdge[] {
  const byId = new Map<string, ShellEdge>();
  for (const shell of previous) byId.set(shell.id, shell);
  let changed = previous.length !== edges.length;
  const out = edges.map((e, i) => {
    const old = byId.get(e.id);
    if (old !== undefined && sameShell(old, e)) {
      if (previous[i] !== old) changed = true;
      return old;
    }
    changed = true;
    return shellOf(e);
  });
  return changed ? out : (previous as ShellEdge[]);
}

function shellOf(e: FlowEdge): ShellEdge {
  const lane = e.data?.lane;
  const shell: ShellEdge = {
    id: e.id,
    type: "status",
    data: lane === undefined ? {} : { lane },
    source: e.source,
    sourceHandle: e.sourceHandle ?? null,
    target: e.target,
    targetHandle: e.targetHandle ?? null,
  };
  if (e.deletable !== undefined) shell.deletable = e.deletable;
  return shell;
}

function sameShell(shell: ShellEdge, e: FlowEdge): boolean {
  return (
    shell.source === e.source &&
    shell.target === e.target &&
    shell.sourceHandle === (e.sourceHandle ?? null) &&
    shell.targetHandle === (e.targetHandle ?? null) &&
    shell.deletable === e.deletable &&
    shell.data?.lane === e.data?.lane
  );
}

/** What each edge shows, by edge id, with a subscription per drawn edge. */
export class EdgeLookStore {
  private looks = new Map<string, GraphEdgeData>();
  private readonly listeners = new Set<() => void>();

  /**
   * Takes the looks of `edges` (read at once by edges rendered from now on); true when some look
   * differs from before, and then `notify` must follow once the edges are committed.
   */
  publish(edges: readonly FlowEdge[]): boolean {
    const next = new Map<string, GraphEdgeData>();
    let changed = edges.length !== this.looks.size;
    for (const e of edges) {
      if (e.data === undefined) continue;
      next.set(e.id, e.data);
      if (this.looks.get(e.id) !== e.data) changed = true;
    }
    this.looks = next;
    if (changed) this.unheard = true;
    return changed;
  }

  /** Whether a published change has not been notified yet. */
  private unheard = false;

  notify(): void {
    this.unheard = false;
    for (const listener of this.listeners) listener();
  }

  /**
   * notify, when a change was published since the last one: called once the edges are committed,
   * it tells each change once however often the publishing render ran (StrictMode, a render React
   * threw away).
   */
  notifyIfChanged(): void {
    if (this.unheard) this.notify();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  get(id: string): GraphEdgeData | undefined {
    return this.looks.get(id);
  }
}

export const EdgeLooksContext = createContext<EdgeLookStore | undefined>(undefined);

const NO_STORE = new EdgeLookStore();

/** The look of one drawn edge; re-renders the caller only when that edge's look changes. */
export function useEdgeLook(id: string): GraphEdgeData | undefined {
  const store = useContext(EdgeLooksContext) ?? NO_STORE;
  return useSyncExternalStore(store.subscribe, () => store.get(id));
}
