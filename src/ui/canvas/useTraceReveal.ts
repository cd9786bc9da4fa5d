import { useReactFlow, useStoreApi } from "@xyflow/react";
import { useEffect, useLayoutEffect, useRef, type RefObject } from "react";
import type { SemanticGraph } from "../../engine";
import { useGwsimStore } from "../../store";
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
  const sent = useGwsimStore((s) => s.simTraceSent);
  // Traces sent before the canvas mounted (a restored session) are not news.
  const handled = useRef(sent);
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

  useEffect(() => {
    if (sent !== handled.current) userMoved.current = false;
  }, [sent]);

  const ready = useGwsimStore(
    (s) =>
      s.simPath !== undefined &&
      s.simPath.revision === s.revision &&
      s.analysisRevision === s.revision,
  );
  useEffect(() => {
    if (sent === handled.current || !ready) return;
    const frame = requestAnimationFrame(() => {
      const lit = litRects(latest.current.graph, latest.current.nodes);
      // Not laid out yet: the next render (new nodes) tries again.
      if (lit === undefined) return;
      handled.current = sent;
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
    return () => cancelAnimationFrame(frame);
  }, [sent, ready, opts.nodes, flow, getViewport, setViewport]);
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
