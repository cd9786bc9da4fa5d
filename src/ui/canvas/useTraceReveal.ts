import { useReactFlow, useStoreApi } from "@xyflow/react";
import { useCallback, useEffect, useLayoutEffect, useRef, type RefObject } from "react";
import type { SemanticGraph } from "../../engine";
import { useGwsimStore, type GwsimState } from "../../store";
import { selectSimEdgeOnPath } from "../../store/simulatorSelectors";
import type { FlowNode } from "./flowTypes";
import type { Rect } from "./legibleViewport";
import { traceRevealViewport } from "./traceReveal";

/** Long enough to follow, short enough not to be in the way. */
const REVEAL_MS = 300;

/**
 * Binding: when the user sends a trace, bring its lit path (Gateway → route → backends) into view
 * once the graph shows the revision it was computed for. Only for a trace the user sent (a re-run
 * after an edit never moves the view), not when the path is already on screen, and not when the
 * user has panned, zoomed or clicked in the canvas between sending and the path being ready.
 */
export function useTraceReveal(opts: {
  graph: SemanticGraph | undefined;
  nodes: readonly FlowNode[];
  containerRef: RefObject<HTMLElement | null>;
}) {
  const { setViewport, getViewport } = useReactFlow();
  const flow = useStoreApi();
  // Traces sent before the canvas mounted (a restored session) are not news.
  const handled = useRef(useGwsimStore.getState().simTraceSent);
  const userMoved = useRef(false);
  const latest = useRef(opts);
  useLayoutEffect(() => {
    latest.current = opts;
  });

  // Any pointer, wheel or key input in the canvas is the user taking the view over.
  useEffect(() => {
    const el = opts.containerRef.current;
    if (!el) return;
    const mark = () => {
      userMoved.current = true;
    };
    const events = ["pointerdown", "wheel", "keydown"] as const;
    for (const e of events) el.addEventListener(e, mark, { capture: true, passive: true });
    return () => {
      for (const e of events) el.removeEventListener(e, mark, { capture: true });
    };
  }, [opts.containerRef]);

  // Reads the store when it runs instead of subscribing the canvas to it: a keystroke (new
  // revision, re-run trace) must not re-render the canvas for this.
  const frame = useRef<number | undefined>(undefined);
  const attempt = useCallback(() => {
    if (!pathReady(useGwsimStore.getState(), handled.current)) return;
    if (frame.current !== undefined) cancelAnimationFrame(frame.current);
    // After React Flow has drawn the nodes of this revision.
    frame.current = requestAnimationFrame(() => {
      frame.current = undefined;
      const state = useGwsimStore.getState();
      if (!pathReady(state, handled.current)) return;
      const lit = litRects(latest.current.graph, latest.current.nodes);
      // Not laid out yet: the next nodes (attempted below) try again.
      if (lit === undefined) return;
      handled.current = state.simTraceSent;
      // Hidden by focus mode or the filter: nothing to show without undoing the user's choice.
      if (userMoved.current || lit.path.length === 0) return;
      const { width, height } = flow.getState();
      const target = traceRevealViewport({
        ...lit,
        view: { width, height },
        current: getViewport(),
      });
      if (target) void setViewport(target, { duration: prefersReducedMotion() ? 0 : REVEAL_MS });
    });
  }, [flow, getViewport, setViewport]);

  useEffect(() => {
    const unsubscribe = useGwsimStore.subscribe((s, p) => {
      if (s.simTraceSent !== p.simTraceSent) userMoved.current = false;
      if (
        s.simTraceSent !== p.simTraceSent ||
        s.simPath !== p.simPath ||
        s.analysisRevision !== p.analysisRevision
      )
        attempt();
    });
    return () => {
      unsubscribe();
      if (frame.current !== undefined) cancelAnimationFrame(frame.current);
    };
  }, [attempt]);
  useEffect(attempt, [opts.nodes, attempt]);
}

/** A sent trace not yet revealed, whose path is for the revision the graph shows. */
function pathReady(s: GwsimState, handled: number): boolean {
  return (
    s.simTraceSent !== handled &&
    s.simPath !== undefined &&
    s.simPath.revision === s.revision &&
    s.analysisRevision === s.revision
  );
}

/**
 * Rectangles of the shown nodes on the lit path (`focus`: the route and its backends); undefined
 * while one of them has no size yet.
 */
function litRects(
  graph: SemanticGraph | undefined,
  nodes: readonly FlowNode[],
): { path: Rect[]; focus: Rect[] } | undefined {
  const state = useGwsimStore.getState();
  const sim = state.simPath;
  if (!graph || !sim) return undefined;
  const focusIds = new Set<string>([sim.route]);
  for (const edge of graph.edges)
    if (edge.kind === "backend" && selectSimEdgeOnPath(edge)(state)) focusIds.add(edge.target);
  const path: Rect[] = [];
  const focus: Rect[] = [];
  for (const node of nodes) {
    const inFocus = focusIds.has(node.id);
    if ((!inFocus && node.id !== sim.gateway) || node.hidden) continue;
    if (!node.width || !node.height) return undefined;
    const rect = { x: node.position.x, y: node.position.y, width: node.width, height: node.height };
    path.push(rect);
    if (inFocus) focus.push(rect);
  }
  return { path, focus };
}

function prefersReducedMotion(): boolean {
  return (
    typeof window !== "undefined" &&
    typeof window.matchMedia === "function" &&
    window.matchMedia("(prefers-reduced-motion: reduce)").matches
  );
}
