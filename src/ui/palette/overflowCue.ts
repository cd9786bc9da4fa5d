/**
 * Which ends of a sideways-scrolling row hide content: a fade and a scroll button show on that
 * side. A pixel of slack absorbs sub-pixel scroll positions (zoomed pages report 0.5 px).
 */
export interface OverflowSides {
  left: boolean;
  right: boolean;
}

export function overflowSides(metrics: {
  scrollLeft: number;
  scrollWidth: number;
  clientWidth: number;
}): OverflowSides {
  const hidden = metrics.scrollWidth - metrics.clientWidth;
  if (hidden <= 1) return { left: false, right: false };
  return { left: metrics.scrollLeft > 1, right: metrics.scrollLeft < hidden - 1 };
}

/** How far one press of a scroll button moves: most of the visible width, keeping a little context. */
export function scrollStep(clientWidth: number): number {
  return Math.max(40, Math.round(clientWidth * 0.75));
}
