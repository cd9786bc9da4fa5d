import { useCallback, useEffect, useState, type RefObject } from "react";
import { overflowSides, scrollStep, type OverflowSides } from "./overflowCue";

const NONE: OverflowSides = { left: false, right: false };

/**
 * Binding: which sides of a sideways-scrolling row hide content (updated on scroll and resize),
 * and a scroll by one step towards a side, smooth unless the user prefers reduced motion.
 */
export function useOverflowCue(ref: RefObject<HTMLElement | null>) {
  const [sides, setSides] = useState<OverflowSides>(NONE);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const update = () => {
      const next = overflowSides(el);
      setSides((prev) => (prev.left === next.left && prev.right === next.right ? prev : next));
    };
    update();
    el.addEventListener("scroll", update, { passive: true });
    const observer = typeof ResizeObserver === "undefined" ? undefined : new ResizeObserver(update);
    observer?.observe(el);
    // The row's content changes size too (a button enabled, a label longer): watch its items.
    for (const child of el.children) observer?.observe(child);
    return () => {
      el.removeEventListener("scroll", update);
      observer?.disconnect();
    };
  }, [ref]);

  const scroll = useCallback(
    (direction: -1 | 1) => {
      const el = ref.current;
      if (!el) return;
      const reduced = window.matchMedia?.("(prefers-reduced-motion: reduce)").matches ?? false;
      el.scrollBy({
        left: direction * scrollStep(el.clientWidth),
        behavior: reduced ? "auto" : "smooth",
      });
    },
    [ref],
  );
  return { sides, scroll };
}
