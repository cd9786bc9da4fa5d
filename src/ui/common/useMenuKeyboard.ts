import { useCallback, useEffect, useRef, type KeyboardEvent, type RefObject } from "react";

/**
 * The WAI-ARIA menu button pattern for a drop-down: Enter, Space or Down on the button opens the
 * menu on its first item, Up on its last; in the menu, Up/Down move (wrapping), Home/End jump,
 * a letter goes to the next item starting with it, Escape closes and gives focus back to the
 * button, Tab closes and lets focus move on. Items are [role=menuitem] elements that are not disabled.
 */
export function useMenuKeyboard(opts: {
  open: boolean;
  setOpen(open: boolean): void;
  buttonRef: RefObject<HTMLElement | null>;
  menuRef: RefObject<HTMLElement | null>;
}) {
  const { open, setOpen, buttonRef, menuRef } = opts;
  const focusOnOpen = useRef<"first" | "last">("first");

  const items = useCallback(
    () =>
      [...(menuRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])].filter(
        (el) => !(el as HTMLButtonElement).disabled,
      ),
    [menuRef],
  );

  // When the menu appears (by keyboard or pointer), focus goes into it.
  useEffect(() => {
    if (!open) return;
    const list = items();
    (focusOnOpen.current === "last" ? list[list.length - 1] : list[0])?.focus();
    focusOnOpen.current = "first";
  }, [open, items]);

  const onButtonKeyDown = useCallback(
    (e: KeyboardEvent<HTMLElement>) => {
      if (e.key === "ArrowDown" || e.key === "ArrowUp") {
        e.preventDefault();
        focusOnOpen.current = e.key === "ArrowUp" ? "last" : "first";
        if (open) {
          const list = items();
          (e.key === "ArrowUp" ? list[list.length - 1] : list[0])?.focus();
        } else setOpen(true);
      }
    },
    [open, setOpen, items],
  );

  const onMenuKeyDown = useCallback(
    (e: KeyboardEvent<HTMLElement>) => {
      const list = items();
      if (list.length === 0) return;
      const at = list.indexOf(document.activeElement as HTMLElement);
      const go = (i: number) => {
        e.preventDefault();
        list[(i + list.length) % list.length]?.focus();
      };
      switch (e.key) {
        case "ArrowDown":
          return go(at + 1);
        case "ArrowUp":
          return go(at < 0 ? list.length - 1 : at - 1);
        case "Home":
          return go(0);
        case "End":
          return go(list.length - 1);
        case "Escape":
          e.preventDefault();
          setOpen(false);
          buttonRef.current?.focus();
          return;
        case "Tab":
          setOpen(false);
          return;
        default:
          if (e.key.length === 1 && /\S/.test(e.key) && !e.ctrlKey && !e.metaKey && !e.altKey) {
            const letter = e.key.toLowerCase();
            for (let step = 1; step <= list.length; step++) {
              const i = (at + step) % list.length;
              if ((list[i]?.textContent ?? "").trim().toLowerCase().startsWith(letter))
                return go(i);
            }
          }
      }
    },
    [items, setOpen, buttonRef],
  );

  return { onButtonKeyDown, onMenuKeyDown };
}
