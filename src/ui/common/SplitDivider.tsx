import { useCallback, type KeyboardEvent, type PointerEvent, type RefObject } from "react";

interface Props {
  containerRef: RefObject<HTMLElement | null>;
  ratio: number;
  onChange(ratio: number): void;
}

/** A vertical divider: drag with the pointer, or focus it and use the arrow keys. */
export function SplitDivider({ containerRef, ratio, onChange }: Props) {
  const onPointerDown = useCallback(
    (event: PointerEvent<HTMLDivElement>) => {
      const container = containerRef.current;
      if (!container) return;
      event.preventDefault();
      const target = event.currentTarget;
      target.setPointerCapture(event.pointerId);
      const rect = container.getBoundingClientRect();
      const move = (e: globalThis.PointerEvent) => onChange((e.clientX - rect.left) / rect.width);
      const up = () => {
        target.removeEventListener("pointermove", move);
        target.removeEventListener("pointerup", up);
        document.body.classList.remove("is-resizing");
      };
      document.body.classList.add("is-resizing");
      target.addEventListener("pointermove", move);
      target.addEventListener("pointerup", up);
    },
    [containerRef, onChange],
  );
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === "ArrowLeft") onChange(ratio - 0.02);
    else if (event.key === "ArrowRight") onChange(ratio + 0.02);
  };
  return (
    <div
      className="split-divider"
      role="separator"
      aria-orientation="vertical"
      aria-label="Resize graph and YAML panes"
      aria-valuenow={Math.round(ratio * 100)}
      aria-valuemin={15}
      aria-valuemax={85}
      tabIndex={0}
      data-testid="split-divider"
      onPointerDown={onPointerDown}
      onKeyDown={onKeyDown}
    />
  );
}
