/**
 * "Fit" that prefers legibility: fit the whole graph when that keeps node text readable;
 * otherwise show the part the user cares about at the smallest readable zoom and let them pan.
 * Pure (no React Flow), so the rule is unit-tested.
 */

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

/**
 * The smallest zoom at which node text stays readable: the node name (12.5 px) and body rows
 * (11.5 px) stay at about 10 px on screen. Below that, the default fit pans instead.
 */
export const MIN_READABLE_ZOOM = 0.85;
/** Never blow a small graph up beyond this on fit: cards would look like buttons. */
export const MAX_FIT_ZOOM = 1.25;

export interface LegibleFitInput {
  /** Bounds of everything that could be shown. */
  all: Rect | undefined;
  /** Bounds of the part the user cares about (selection, matches, entry points); defaults to `all`. */
  focus?: Rect | undefined;
  /** The cards: when the graph's start cannot be shown with the focus, the view starts at a column. */
  cards?: readonly Rect[];
  view: { width: number; height: number };
  /** Screen pixels kept free on each side. */
  padding?: number;
  minZoom?: number;
  maxZoom?: number;
}

export function legibleViewport(input: LegibleFitInput): Viewport | undefined {
  const { all, view } = input;
  if (!all || view.width <= 0 || view.height <= 0) return undefined;
  const pad = input.padding ?? 24;
  const minZoom = input.minZoom ?? MIN_READABLE_ZOOM;
  const maxZoom = input.maxZoom ?? MAX_FIT_ZOOM;
  const fitAll = zoomToFit(all, view, pad);
  if (fitAll >= minZoom) return centredOn(all, view, Math.min(fitAll, maxZoom));
  // Too big to read whole: the smallest readable zoom (the most context), on the focus.
  const focus = input.focus ?? all;
  const zoom = minZoom;
  const centred = centredOn(focus, view, zoom);
  // The graph reads from its first column (GatewayClass, Gateway, route, backend): when the focus
  // is whole on screen with that column at the padding, show it rather than cut it in half.
  // Otherwise the view starts at the first column left of the focus from which the focus is whole,
  // a gap no card spans, so no card is cut in half at the left edge.
  const lo = focus.x + focus.width - (view.width - 2 * pad) / zoom;
  const start = lo <= all.x ? all.x : columnStart(input.cards ?? [], lo, focus.x);
  // Do not waste the screen on empty space beyond the graph's edges when the graph overflows,
  // except right of the last column when the view starts at a column (a card cut in half at the
  // left edge reads worse than space at the right).
  return {
    zoom,
    x:
      start === undefined
        ? clampOffset(centred.x, all.x, all.width, view.width, zoom, pad)
        : pad - start * zoom,
    y: clampOffset(centred.y, all.y, all.height, view.height, zoom, pad),
  };
}

/**
 * The leftmost card edge in [lo, hi] that no card spans (a column's start), or undefined. One sort
 * and one sweep: a fit may run on tens of thousands of cards.
 */
function columnStart(cards: readonly Rect[], lo: number, hi: number): number | undefined {
  // Swept left to right, `right` is the furthest right edge of the cards met so far; the first
  // card at an x sees only cards starting left of it, so it alone decides whether x is spanned.
  let right = -Infinity;
  for (const c of [...cards].sort((a, b) => a.x - b.x)) {
    if (c.x >= lo && c.x <= hi && right <= c.x) return c.x;
    right = Math.max(right, c.x + c.width);
  }
  return undefined;
}

function zoomToFit(r: Rect, view: { width: number; height: number }, pad: number): number {
  const w = Math.max(1, r.width);
  const h = Math.max(1, r.height);
  return Math.min((view.width - 2 * pad) / w, (view.height - 2 * pad) / h);
}

function centredOn(r: Rect, view: { width: number; height: number }, zoom: number): Viewport {
  return {
    zoom,
    x: view.width / 2 - (r.x + r.width / 2) * zoom,
    y: view.height / 2 - (r.y + r.height / 2) * zoom,
  };
}

/** Screen offset such that the graph's [start, start+size] covers the view where it can. */
function clampOffset(
  offset: number,
  start: number,
  size: number,
  viewSize: number,
  zoom: number,
  pad: number,
): number {
  const scaled = size * zoom;
  if (scaled + 2 * pad <= viewSize) return viewSize / 2 - (start + size / 2) * zoom;
  const max = pad - start * zoom; // graph's first pixel at the padding
  const min = viewSize - pad - (start + size) * zoom; // graph's last pixel at the far padding
  return clamp(offset, min, max);
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, v));
}

/** The bounding box of some rectangles, or undefined for none. */
export function boundsOf(rects: Iterable<Rect>): Rect | undefined {
  let left = Infinity;
  let top = Infinity;
  let right = -Infinity;
  let bottom = -Infinity;
  for (const r of rects) {
    left = Math.min(left, r.x);
    top = Math.min(top, r.y);
    right = Math.max(right, r.x + r.width);
    bottom = Math.max(bottom, r.y + r.height);
  }
  return left === Infinity
    ? undefined
    : { x: left, y: top, width: right - left, height: bottom - top };
}
