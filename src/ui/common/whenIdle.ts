/**
 * Runs `callback` once the main thread is idle (requestIdleCallback), at most `maxDelayMs` later;
 * where requestIdleCallback is missing, after `fallbackMs`. Returns a cancel. Work a keystroke
 * does not need on screen (the edit journal, the inspector's forms) goes here, so it neither
 * delays the worker's answer nor the frame that shows it.
 */
export function whenIdle(callback: () => void, maxDelayMs: number, fallbackMs: number): () => void {
  if (typeof requestIdleCallback === "function") {
    const id = requestIdleCallback(callback, { timeout: maxDelayMs });
    return () => cancelIdleCallback(id);
  }
  const timer = setTimeout(callback, fallbackMs);
  return () => clearTimeout(timer);
}
