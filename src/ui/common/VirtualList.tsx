/**
 * A list that renders only the rows in view (plus a margin), for lists that can hold tens of
 * thousands of entries (20,000 diagnostics would otherwise be 160,000 DOM elements and seconds of
 * main-thread work). Rows have one fixed height. Keyboard: the rows are buttons; Arrow keys, Page
 * Up/Down, Home and End move focus through the whole list, scrolling unrendered rows into view.
 */
import { useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode } from "react";

export interface VirtualListProps<T> {
  items: readonly T[];
  rowHeight: number;
  keyOf: (item: T) => string;
  /** Renders one row's focusable element (a button); it receives the row's index for focus moves. */
  renderRow: (item: T, index: number) => ReactNode;
  className?: string;
  /** Rows rendered above and below the visible ones. */
  overscan?: number;
  "aria-label"?: string;
}

export function VirtualList<T>({
  items,
  rowHeight,
  keyOf,
  renderRow,
  className,
  overscan = 8,
  ...aria
}: VirtualListProps<T>) {
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(0);
  const pendingFocus = useRef<number | undefined>(undefined);

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    setViewport(el.clientHeight);
    const observer = new ResizeObserver(() => setViewport(el.clientHeight));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  // A focus move to a row that was not rendered yet completes once it is.
  useLayoutEffect(() => {
    const index = pendingFocus.current;
    if (index === undefined) return;
    const row = rowButton(scroller.current, index);
    if (row) {
      pendingFocus.current = undefined;
      row.focus();
    }
  });

  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(items.length, Math.ceil((scrollTop + viewport) / rowHeight) + overscan);

  const moveFocus = (event: KeyboardEvent<HTMLDivElement>) => {
    const at = (event.target as HTMLElement).closest<HTMLElement>("[data-row-index]")?.dataset
      .rowIndex;
    if (at === undefined) return;
    const page = Math.max(1, Math.floor(viewport / rowHeight) - 1);
    const steps: Record<string, number> = {
      ArrowDown: 1,
      ArrowUp: -1,
      PageDown: page,
      PageUp: -page,
    };
    const current = Number(at);
    const next =
      event.key === "Home"
        ? 0
        : event.key === "End"
          ? items.length - 1
          : steps[event.key] !== undefined
            ? current + steps[event.key]!
            : undefined;
    if (next === undefined) return;
    event.preventDefault();
    const target = Math.min(items.length - 1, Math.max(0, next));
    const el = scroller.current!;
    const top = target * rowHeight;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (top + rowHeight > el.scrollTop + el.clientHeight)
      el.scrollTop = top + rowHeight - el.clientHeight;
    setScrollTop(el.scrollTop);
    pendingFocus.current = target;
    // Already rendered: focus now (the layout effect handles rows that appear with the scroll).
    rowButton(el, target)?.focus();
  };

  const rows: ReactNode[] = [];
  for (let i = first; i < last; i++) {
    const item = items[i]!;
    rows.push(
      <li
        key={keyOf(item)}
        data-row-index={i}
        style={{ position: "absolute", top: i * rowHeight, height: rowHeight, left: 0, right: 0 }}
      >
        {renderRow(item, i)}
      </li>,
    );
  }
  return (
    <div
      ref={scroller}
      className={`virtual-list ${className ?? ""}`}
      onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
      onKeyDown={moveFocus}
      data-testid="virtual-list"
      data-rows={items.length}
    >
      <ul
        style={{
          position: "relative",
          height: items.length * rowHeight,
          margin: 0,
          padding: 0,
          listStyle: "none",
        }}
        aria-label={aria["aria-label"]}
      >
        {rows}
      </ul>
    </div>
  );
}

function rowButton(scroller: HTMLElement | null, index: number): HTMLElement | null | undefined {
  return scroller?.querySelector<HTMLElement>(`[data-row-index="${index}"] button`);
}
