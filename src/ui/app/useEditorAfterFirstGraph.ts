import { useEffect, useState } from 'react';
import { useGwsimStore } from '../../store';
import type { GwsimState } from '../../store/types';

/**
 * The YAML editor (Monaco, about 1 MB gzip) is fetched and started only once the first graph is
 * on screen and laid out, so it never competes with the picture the user is waiting for. It also
 * starts when there is nothing to lay out (no objects, or an analysis error the user must see in
 * the editor), and after FALLBACK_MS whatever happens.
 */
const FALLBACK_MS = 5000;

const firstGraphShown = (s: GwsimState): boolean =>
  Object.keys(s.autoPositions).length > 0 || s.analysisError !== undefined || s.analysis?.graph.nodes.length === 0;

export function useEditorAfterFirstGraph(): boolean {
  const shown = useGwsimStore(firstGraphShown);
  const [ready, setReady] = useState(false);
  useEffect(() => {
    if (ready) return;
    // After the frame that paints the graph: the editor's start-up then delays nothing visible.
    const start = () => setReady(true);
    const fallback = setTimeout(start, FALLBACK_MS);
    if (!shown) return () => clearTimeout(fallback);
    let idle: number | undefined;
    const frame = requestAnimationFrame(() => {
      idle = window.setTimeout(start, 0);
    });
    return () => {
      clearTimeout(fallback);
      cancelAnimationFrame(frame);
      if (idle !== undefined) clearTimeout(idle);
    };
  }, [shown, ready]);
  return ready;
}
