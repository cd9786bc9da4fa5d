import { useEffect, useState } from "react";
import { useGwsimStore } from "../../store";
import type { GwsimState } from "../../store/types";

/**
 * The YAML editor (Monaco, about 1 MB gzip) is fetched and started only once the first graph is
 * on screen and laid out, so it never competes with the picture the user is waiting for; AppLayout
 * uses the same moment for the other deferred parts (the inspector, the engine's editor). It also
 * starts when there is nothing to lay out (no objects, or an analysis error the user must see in
 * the editor), and after FALLBACK_MS whatever happens.
 */
const FALLBACK_MS = 5000;
/** At most this long after the graph is drawn, even on a page that is never idle. */
const IDLE_TIMEOUT_MS = 1500;

const firstGraphShown = (s: GwsimState): boolean =>
  Object.keys(s.autoPositions).length > 0 ||
  s.analysisError !== undefined ||
  s.analysis?.graph.nodes.length === 0;

export function useEditorAfterFirstGraph(): boolean {
  const shown = useGwsimStore(firstGraphShown);
  const [ready, setReady] = useState(false);
  useEffect(() => {
    if (ready) return;
    const start = () => setReady(true);
    const fallback = setTimeout(start, FALLBACK_MS);
    if (!shown) return () => clearTimeout(fallback);
    // React Flow measures and draws the nodes in the frames after the layout lands: wait for the
    // first idle moment after two frames (a timer where requestIdleCallback is missing).
    let idle: { kind: "idle" | "timer"; id: number } | undefined;
    const hasIdleCallback = typeof window.requestIdleCallback === "function";
    let frame = requestAnimationFrame(() => {
      frame = requestAnimationFrame(() => {
        idle = hasIdleCallback
          ? { kind: "idle", id: window.requestIdleCallback(start, { timeout: IDLE_TIMEOUT_MS }) }
          : { kind: "timer", id: globalThis.setTimeout(start, 50) as unknown as number };
      });
    });
    return () => {
      clearTimeout(fallback);
      cancelAnimationFrame(frame);
      if (idle?.kind === "idle") window.cancelIdleCallback(idle.id);
      if (idle?.kind === "timer") clearTimeout(idle.id);
    };
  }, [shown, ready]);
  return ready;
}
