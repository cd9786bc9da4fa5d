/**
 * Work a keystroke's answer does not need in the frame that shows it goes in a task after that
 * frame is painted. The answer's squiggles and graph are drawn in the next frame; whatever else
 * changes the DOM in the answer's task (the Problems rows, the finder's options, the inspector,
 * the busy label) is laid out and painted in that same frame, from the document root
 * (bench/ui/README.md, keystroke round 12). Moved here, it is shown one frame later.
 */

/**
 * Runs `callback` in a task after the next frame is painted: animation frame callbacks run just
 * before a frame's style, layout and paint, and a task posted from one runs once that frame is
 * done. A hidden page paints no frames, so there it waits until the page is shown again, before
 * anyone sees the page.
 */
export function afterNextPaint(callback: () => void): void {
  if (typeof requestAnimationFrame === "function")
    requestAnimationFrame(() => setTimeout(callback));
  else setTimeout(callback);
}
