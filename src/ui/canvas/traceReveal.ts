/**
 * Where to move the view so a trace's lit path (Gateway → route → backends) is on screen: nowhere
 * when it already is; else the path fitted at a zoom no smaller than the readable floor and no
 * larger than the user's own zoom (a reveal should not blow the picture up). A path too tall or
 * wide to read whole (a Gateway far from its route) shows its decisive part, the route and its
 * backends, where the lit edge from the Gateway arrives. Pure, unit-tested.
 */
import {
  MIN_READABLE_ZOOM,
  boundsOf,
  legibleViewport,
  type Rect,
  type Viewport,
} from "./legibleViewport";

/** Screen pixels kept free around the path. */
const MARGIN = 32;

export function traceRevealViewport(input: {
  /** Every lit node: the Gateway, the route, the backends. */
  path: readonly Rect[];
  /** The route and its lit backends. */
  focus: readonly Rect[];
  view: { width: number; height: number };
  current: Viewport;
}): Viewport | undefined {
  const { view, current } = input;
  const path = boundsOf(input.path);
  if (!path || view.width <= 0 || view.height <= 0) return undefined;
  const readableWhole =
    Math.min(
      (view.width - 2 * MARGIN) / Math.max(1, path.width),
      (view.height - 2 * MARGIN) / Math.max(1, path.height),
    ) >= MIN_READABLE_ZOOM;
  const target = readableWhole ? path : (boundsOf(input.focus) ?? path);
  if (onScreen(target, view, current)) return undefined;
  return legibleViewport({
    all: target,
    view,
    padding: MARGIN,
    minZoom: MIN_READABLE_ZOOM,
    maxZoom: Math.max(current.zoom, MIN_READABLE_ZOOM),
  });
}

function onScreen(r: Rect, view: { width: number; height: number }, v: Viewport): boolean {
  const left = r.x * v.zoom + v.x;
  const top = r.y * v.zoom + v.y;
  const right = left + r.width * v.zoom;
  const bottom = top + r.height * v.zoom;
  return left >= 0 && top >= 0 && right <= view.width && bottom <= view.height;
}
