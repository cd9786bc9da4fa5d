/**
 * Keeps connection handles a 24 × 24 px target on screen at any zoom (WCAG 2.5.8): the handle's
 * invisible hit circle (canvas.css, .gn-handle::before) is sized in flow units, so it is divided
 * by the zoom. One CSS variable on the flow's root: no node re-renders when the zoom changes.
 */
import { useStore } from "@xyflow/react";
import { useEffect } from "react";

const TARGET_PX = 24;
const MAX_FLOW_PX = 48;

export function HandleHitTarget() {
  const zoom = useStore((s) => s.transform[2]);
  const root = useStore((s) => s.domNode);
  useEffect(() => {
    // Capped below two listener rows (26 px apart), so a row's target never covers its neighbour's handle.
    root?.style.setProperty(
      "--handle-hit",
      `${Math.min(TARGET_PX / Math.max(zoom, 0.05), MAX_FLOW_PX)}px`,
    );
  }, [root, zoom]);
  return null;
}
