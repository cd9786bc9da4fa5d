import { useCallback, useLayoutEffect, useRef, type KeyboardEvent, type RefObject } from "react";

/**
 * The WAI-ARIA toolbar pattern for a row of buttons: one tab stop (the last used button), Left
 * and Right move between the enabled buttons (wrapping), Home and End jump to the ends.
 */
export function useRovingToolbar(ref: RefObject<HTMLElement | null>) {
  const current = useRef(0);
  const buttons = useCallback(
    () =>
      [...(ref.current?.querySelectorAll<HTMLButtonElement>("button") ?? [])].filter(
        (b) => !b.disabled,
      ),
    [ref],
  );

  // After every render (buttons come and go, get enabled and disabled): exactly one tab stop.
  // Written only where it differs: a write is a DOM attribute mutation even when the value stays.
  useLayoutEffect(() => {
    const list = buttons();
    const active = Math.min(current.current, list.length - 1);
    for (const [i, b] of list.entries()) setTabIndex(b, i === active ? 0 : -1);
    for (const b of ref.current?.querySelectorAll<HTMLButtonElement>("button:disabled") ?? [])
      setTabIndex(b, -1);
  });

  return useCallback(
    (e: KeyboardEvent<HTMLElement>) => {
      const list = buttons();
      const at = list.indexOf(document.activeElement as HTMLButtonElement);
      if (at < 0) return;
      const next = new Map([
        ["ArrowRight", at + 1],
        ["ArrowLeft", at - 1],
        ["Home", 0],
        ["End", list.length - 1],
      ]).get(e.key);
      if (next === undefined) return;
      e.preventDefault();
      const i = (next + list.length) % list.length;
      for (const [j, b] of list.entries()) b.tabIndex = j === i ? 0 : -1;
      current.current = i;
      list[i]?.focus();
    },
    [buttons],
  );
}

function setTabIndex(button: HTMLButtonElement, tabIndex: number): void {
  // Compared as the attribute: a button without one reports tabIndex 0 all the same.
  if (button.getAttribute("tabindex") !== String(tabIndex)) button.tabIndex = tabIndex;
}
