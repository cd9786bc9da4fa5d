import { useReactFlow, useStoreApi } from "@xyflow/react";
import { useCallback, useEffect, useLayoutEffect, useRef, type RefObject } from "react";
import { useGwsimStore } from "../../store";
import type { FlowNode, GraphFlowNode } from "./flowTypes";
import { boundsOf, legibleViewport, type Rect } from "./legibleViewport";

/**
 * Binding: the canvas' "fit". Fits the whole picture when its text stays readable, else shows the
 * part the user cares about (the selection, else the search matches, else the Gateways where
 * traffic enters) at the smallest readable zoom. Refits when a layout lands, when focus mode or
 * the filter changes, and when the canvas is resized (a panel opened, closed or dragged); a
 * selection made elsewhere (problems, editor) is panned into view if it is off screen.
 */
export function useLegibleFit(opts: {
  nodes: readonly FlowNode[];
  matches: ReadonlySet<string> | undefined;
  containerRef: RefObject<HTMLElement | null>;
  /** Changes whenever the picture should be fitted again (layout landed, focus mode, filter). */
  refitKey: string;
}) {
  const { setViewport, getViewport } = useReactFlow();
  const store = useStoreApi();
  // The callbacks read the latest nodes without being recreated on every render.
  const latest = useRef(opts);
  useLayoutEffect(() => {
    latest.current = opts;
  });

  const fit = useCallback(
    (duration = 0) => {
      const { nodes, matches } = latest.current;
      const { width, height } = store.getState();
      const cards = nodes.filter((n): n is GraphFlowNode => n.type === "graphNode" && !n.hidden);
      const rects = cards.map(rectOf);
      const all = boundsOf(rects);
      const selected = useGwsimStore.getState().selected;
      const focus =
        boundsOf(cards.filter((n) => n.id === selected).map(rectOf)) ??
        (matches ? boundsOf(cards.filter((n) => matches.has(n.id)).map(rectOf)) : undefined) ??
        boundsOf(cards.filter((n) => n.data.node.category === "gateway").map(rectOf));
      // The fit is made for the canvas right of the zoom buttons, then shifted there: a card
      // fitted under them could be neither read nor clicked (the click would zoom).
      const viewport = legibleViewport({
        all,
        focus,
        cards: rects,
        view: { width: width - ZOOM_BUTTONS_INSET, height },
      });
      if (viewport)
        void setViewport({ ...viewport, x: viewport.x + ZOOM_BUTTONS_INSET }, { duration });
    },
    [setViewport, store],
  );

  useEffect(() => {
    // After React Flow has measured the new nodes.
    const frame = requestAnimationFrame(() => fit());
    return () => cancelAnimationFrame(frame);
  }, [opts.refitKey, fit]);

  // A resize (panels opened, closed or dragged; window resized) refits once it settles.
  useEffect(() => {
    const el = opts.containerRef.current;
    if (!el || typeof ResizeObserver === "undefined") return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let last = { w: el.clientWidth, h: el.clientHeight };
    const observer = new ResizeObserver(() => {
      const now = { w: el.clientWidth, h: el.clientHeight };
      if (Math.abs(now.w - last.w) < 24 && Math.abs(now.h - last.h) < 24) return;
      last = now;
      clearTimeout(timer);
      timer = setTimeout(() => fit(150), 120);
    });
    observer.observe(el);
    return () => {
      clearTimeout(timer);
      observer.disconnect();
    };
  }, [opts.containerRef, fit]);

  /** Pans (never zooms) so a node is on screen; does nothing when it already is. */
  const reveal = useCallback(
    (id: string, duration = 150) => {
      const node = latest.current.nodes.find((n) => n.id === id);
      if (!node || node.hidden) return;
      const r = rectOf(node);
      const { width, height } = store.getState();
      const v = getViewport();
      const left = r.x * v.zoom + v.x;
      const top = r.y * v.zoom + v.y;
      const right = left + r.width * v.zoom;
      const bottom = top + r.height * v.zoom;
      const margin = 24;
      let dx = 0;
      let dy = 0;
      if (left < margin) dx = margin - left;
      else if (right > width - margin) dx = Math.max(width - margin - right, margin - left);
      if (top < margin) dy = margin - top;
      else if (bottom > height - margin) dy = Math.max(height - margin - bottom, margin - top);
      if (dx !== 0 || dy !== 0)
        void setViewport({ x: v.x + dx, y: v.y + dy, zoom: v.zoom }, { duration });
    },
    [getViewport, setViewport, store],
  );

  const selected = useGwsimStore((s) => s.selected);
  useEffect(() => {
    if (selected === undefined) return;
    const frame = requestAnimationFrame(() => reveal(selected));
    return () => cancelAnimationFrame(frame);
  }, [selected, reveal]);

  return { fit, reveal };
}

/** React Flow's zoom buttons end 42 px from the canvas' left edge; the fit pads 24 of them. */
const ZOOM_BUTTONS_INSET = 26;

function rectOf(n: FlowNode): Rect {
  return { x: n.position.x, y: n.position.y, width: n.width ?? 0, height: n.height ?? 0 };
}
