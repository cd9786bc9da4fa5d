/**
 * A bottom panel (Simulator, Platform) with a separator above it: drag it, or focus it and use
 * the arrow, Page, Home and End keys (WAI-ARIA window splitter). The panel collapses with its own
 * header toggle; the separator is shown (and focusable) only while the panel is open (CSS :has,
 * since each panel keeps its open state itself). Heights persist per browser.
 */
import {
  useCallback,
  useEffect,
  useRef,
  useState,
  type CSSProperties,
  type KeyboardEvent,
  type PointerEvent,
  type ReactNode,
} from "react";
import {
  MIN_PANEL_HEIGHT,
  clampPanelHeight,
  heightAfterKey,
  type DockedPanelId,
} from "./panelSizes";
import { usePanelSizes } from "./usePanelSizes";

export function DockedPanel({
  id,
  label,
  children,
}: {
  id: DockedPanelId;
  label: string;
  children: ReactNode;
}) {
  const height = usePanelSizes((s) => s.sizes[id]);
  const ref = useRef<HTMLDivElement>(null);
  // What the layout actually gives the panel may be less (the graph keeps its minimum height).
  const [shown, setShown] = useState(height);
  const [max, setMax] = useState(height);

  /** Pins every open panel at its rendered height, then gives this one `h`. */
  const commit = useCallback(
    (h: number) => {
      const patch: Partial<Record<DockedPanelId, number>> = {};
      for (const el of document.querySelectorAll<HTMLElement>(".docked-panel[data-panel]")) {
        const panel = el.querySelector<HTMLElement>(":scope > section.is-open");
        const other = el.dataset.panel as DockedPanelId;
        if (panel && other !== id) patch[other] = Math.round(panel.getBoundingClientRect().height);
      }
      patch[id] = h;
      usePanelSizes.getState().set(patch);
    },
    [id],
  );

  useEffect(() => {
    const el = ref.current;
    const main = document.querySelector<HTMLElement>(".app-main");
    if (!el || typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(() => {
      const panel = el.querySelector<HTMLElement>(":scope > section");
      if (!panel) return;
      const h = Math.round(panel.getBoundingClientRect().height);
      setShown(h);
      setMax(Math.round(h + spareAbove(main)));
    });
    observer.observe(el);
    if (main) observer.observe(main);
    return () => observer.disconnect();
  }, []);

  /** The panel's height as laid out right now (read from the DOM: key repeats outrun the observer). */
  const renderedHeight = useCallback(() => {
    const panel = ref.current?.querySelector<HTMLElement>(":scope > section.is-open");
    return panel ? Math.round(panel.getBoundingClientRect().height) : shown;
  }, [shown]);

  /** The most this panel may take: its height now plus what the graph can still give up. */
  const maxHeight = useCallback(
    () => renderedHeight() + spareAbove(document.querySelector<HTMLElement>(".app-main")),
    [renderedHeight],
  );

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    event.preventDefault();
    const target = event.currentTarget;
    target.setPointerCapture(event.pointerId);
    const startY = event.clientY;
    const start = renderedHeight();
    const max = maxHeight();
    const move = (e: globalThis.PointerEvent) => {
      commit(clampPanelHeight(start + (startY - e.clientY), max));
    };
    const up = () => {
      target.removeEventListener("pointermove", move);
      target.removeEventListener("pointerup", up);
      document.body.classList.remove("is-resizing-rows");
    };
    document.body.classList.add("is-resizing-rows");
    target.addEventListener("pointermove", move);
    target.addEventListener("pointerup", up);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const next = heightAfterKey(event.key, renderedHeight(), maxHeight());
    if (next === undefined) return;
    event.preventDefault();
    commit(next);
  };

  return (
    <div
      className="docked-panel"
      data-panel={id}
      ref={ref}
      style={{ "--panel-height": `${height}px` } as CSSProperties}
      data-testid={`docked-${id}`}
    >
      <div
        className="panel-separator"
        role="separator"
        aria-orientation="horizontal"
        aria-label={`Resize the ${label} panel`}
        aria-valuenow={shown}
        aria-valuemin={MIN_PANEL_HEIGHT}
        aria-valuemax={Math.max(MIN_PANEL_HEIGHT, max)}
        aria-valuetext={`${label} panel ${shown} pixels high`}
        tabIndex={0}
        data-testid={`${id}-separator`}
        onPointerDown={onPointerDown}
        onKeyDown={onKeyDown}
      />
      {children}
    </div>
  );
}

/** How much height the graph row can still give up before it reaches its minimum. */
function spareAbove(main: HTMLElement | null): number {
  if (!main) return 0;
  const minMain = parseFloat(getComputedStyle(main).minHeight) || 0;
  return Math.max(0, main.getBoundingClientRect().height - minMain);
}
