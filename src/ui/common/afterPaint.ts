/**
 * Work a keystroke's answer does not need in the frame that shows it goes in a task after that
 * frame is painted. The answer's squiggles and graph are drawn in the next frame; whatever else
 * changes the DOM in the answer's task (the Problems rows, the finder's options, the inspector,
 * the busy label) is laid out and painted in that same frame, from the document root
 * (bench/ui/README.md, keystroke round 12). Moved here, it is shown one frame later.
 */
import { useEffect, useState } from "react";

/** How long a hidden page, which paints no frames, waits before running the callback anyway. */
const HIDDEN_PAGE_MS = 100;

/** Runs `callback` in a task after the next frame is painted (at most ~100 ms later); returns a cancel. */
export function afterNextPaint(callback: () => void): () => void {
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    cancel();
    callback();
  };
  // Animation frame callbacks run just before the frame's style, layout and paint; a task posted
  // from one runs once that frame is done.
  let task: ReturnType<typeof setTimeout> | undefined;
  const frame =
    typeof requestAnimationFrame === "function"
      ? requestAnimationFrame(() => (task = setTimeout(run, 0)))
      : undefined;
  const fallback = setTimeout(run, frame === undefined ? 0 : HIDDEN_PAGE_MS);
  function cancel() {
    if (frame !== undefined) cancelAnimationFrame(frame);
    if (task !== undefined) clearTimeout(task);
    clearTimeout(fallback);
  }
  return () => {
    done = true;
    cancel();
  };
}

/** `value` as of the last frame painted: a change shows one frame after the render that made it. */
export function useValueAfterPaint<T>(value: T): T {
  const [shown, setShown] = useState(value);
  useEffect(() => {
    if (Object.is(value, shown)) return;
    return afterNextPaint(() => setShown(() => value));
  }, [value, shown]);
  return shown;
}
