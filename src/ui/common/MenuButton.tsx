import { useCallback, useId, useRef, useState, type ReactNode } from "react";
import { useDismiss } from "./useDismiss";
import { useMenuKeyboard } from "./useMenuKeyboard";

export interface MenuItem {
  id: string;
  label: ReactNode;
  onSelect(): void;
}

/** A toolbar button with a drop-down list (WAI-ARIA menu button); closes on selection, Escape or an outside click. */
export function MenuButton({
  label,
  items,
  testId,
}: {
  label: string;
  items: readonly MenuItem[];
  testId: string;
}) {
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  const menuId = useId();
  const close = useCallback(() => setOpen(false), []);
  useDismiss(ref, open, close);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLUListElement>(null);
  const keys = useMenuKeyboard({ open, setOpen, buttonRef, menuRef });
  return (
    <div className="menu" ref={ref}>
      <button
        type="button"
        className="tb-button"
        aria-haspopup="menu"
        aria-expanded={open}
        // Only while the list exists: aria-controls must name an element that is in the DOM.
        aria-controls={open ? menuId : undefined}
        data-testid={testId}
        ref={buttonRef}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={keys.onButtonKeyDown}
      >
        {label}{" "}
        <span className="caret" aria-hidden="true">
          ▾
        </span>
      </button>
      {open && (
        <ul
          className="menu-list"
          role="menu"
          id={menuId}
          ref={menuRef}
          aria-label={label}
          onKeyDown={keys.onMenuKeyDown}
        >
          {items.map((item) => (
            <li key={item.id} role="none">
              <button
                type="button"
                role="menuitem"
                tabIndex={-1}
                className="menu-item"
                data-testid={`${testId}-${item.id}`}
                onClick={() => {
                  setOpen(false);
                  buttonRef.current?.focus();
                  item.onSelect();
                }}
              >
                {item.label}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
