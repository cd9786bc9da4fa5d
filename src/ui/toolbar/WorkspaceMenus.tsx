/**
 * The toolbar's named-workspace controls: "Save as…" (a dialog asking for a name) and "Open saved ▾"
 * (the saved workspaces with their dates, each to open or delete, and a way to start empty).
 */
import "./workspaces.css";
import { lazy, Suspense, useCallback, useEffect, useRef, useState } from "react";
import { useGwsimStore } from "../../store";
import { PanelLoading } from "../common/PanelLoading";
import { useDismiss } from "../common/useDismiss";
import { useMenuKeyboard } from "../common/useMenuKeyboard";
import { formatSavedAt } from "../app/formatSavedAt";
import { withNamedWorkspaces } from "../app/namedWorkspacesOnDemand";
import type { NamedWorkspaceSummary } from "../app/namedWorkspaceStorage";
import { selectShareReadOnly, useShareSession } from "../share/shareSession";

// The save dialog loads when opened.
const SaveAsDialog = lazy(() =>
  import("./SaveAsDialog").then((m) => ({ default: m.SaveAsDialog })),
);

const READ_ONLY_HINT = "Opened from a share link: choose Edit or Keep my workspace first.";

function useSavedList(): {
  list: NamedWorkspaceSummary[] | undefined;
  error: string | undefined;
  refresh(): Promise<void>;
} {
  const [list, setList] = useState<NamedWorkspaceSummary[] | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const refresh = useCallback(
    () =>
      // The list's code comes with the named-workspace actions (on demand, like them).
      withNamedWorkspaces(
        (m) =>
          m.listNamedWorkspaces().then(
            (l) => {
              setList(l);
              setError(undefined);
            },
            (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
          ),
        undefined,
      ),
    [],
  );
  return { list, error, refresh };
}

export function WorkspaceMenus() {
  const readOnly = useShareSession(selectShareReadOnly);
  const saved = useSavedList();
  const [saving, setSaving] = useState(false);
  const [lastName, setLastName] = useState("");
  return (
    <>
      <SavedMenu saved={saved} readOnly={readOnly} />
      <button
        type="button"
        className="tb-button"
        data-testid="save-as"
        disabled={readOnly}
        title={readOnly ? READ_ONLY_HINT : "Keep this workspace in the browser under a name"}
        onClick={() => void saved.refresh().then(() => setSaving(true))}
      >
        Save as…
      </button>
      {saving ? (
        <Suspense fallback={<PanelLoading what="the save dialog" inline />}>
          <SaveAsDialog
            existing={saved.list ?? []}
            initialName={lastName}
            onClose={() => setSaving(false)}
            onSave={(name) => {
              setSaving(false);
              setLastName(name);
              void withNamedWorkspaces((m) => m.saveWorkspaceAs(name), false).then(() =>
                saved.refresh(),
              );
            }}
          />
        </Suspense>
      ) : null}
    </>
  );
}

function SavedMenu({
  saved,
  readOnly,
}: {
  saved: ReturnType<typeof useSavedList>;
  readOnly: boolean;
}) {
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  const { refresh } = saved;
  useEffect(() => {
    if (open) void refresh();
  }, [open, refresh]);
  const close = useCallback(() => setOpen(false), []);
  useDismiss(ref, open, close);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const keys = useMenuKeyboard({ open, setOpen, buttonRef, menuRef });
  const text = useGwsimStore((s) => s.text);
  return (
    <div className="menu" ref={ref}>
      <button
        type="button"
        className="tb-button"
        aria-haspopup="menu"
        aria-expanded={open}
        data-testid="open-saved"
        ref={buttonRef}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={keys.onButtonKeyDown}
      >
        Open saved{" "}
        <span className="caret" aria-hidden="true">
          ▾
        </span>
      </button>
      {open ? (
        <div
          className="menu-list ws-list"
          role="menu"
          aria-label="Open saved"
          data-testid="saved-list"
          ref={menuRef}
          onKeyDown={keys.onMenuKeyDown}
        >
          <div className="ws-list-head">Saved in this browser</div>
          {saved.error ? (
            <div className="ws-empty ws-hint--error">
              Could not read the saved workspaces: {saved.error}
            </div>
          ) : null}
          {saved.list?.length === 0 ? (
            <div className="ws-empty" data-testid="saved-empty">
              Nothing saved yet. Use Save as… to keep this workspace under a name.
            </div>
          ) : null}
          {saved.list?.map((w) => (
            <div
              key={w.name}
              className="ws-row"
              role="none"
              data-testid="saved-item"
              data-name={w.name}
            >
              <button
                type="button"
                role="menuitem"
                tabIndex={-1}
                className="menu-item ws-open"
                disabled={readOnly}
                title={readOnly ? READ_ONLY_HINT : `Open “${w.name}”`}
                onClick={() => {
                  setOpen(false);
                  void withNamedWorkspaces((m) => m.openNamedWorkspace(w.name), undefined);
                }}
              >
                <span className="ws-name">
                  {w.name}
                  {w.text === text ? <span className="ws-current"> · on screen</span> : null}
                </span>
                <span className="ws-meta">
                  {formatSavedAt(w.savedAt)} · {w.lines} lines
                </span>
              </button>
              <button
                type="button"
                className="ws-delete"
                aria-label={`Delete ${w.name}`}
                title={`Delete “${w.name}”`}
                data-testid="saved-delete"
                onClick={() =>
                  void withNamedWorkspaces((m) => m.deleteWorkspaceNamed(w.name), false).then(
                    (deleted) => (deleted ? refresh() : undefined),
                  )
                }
              >
                ×
              </button>
            </div>
          ))}
          <div className="ws-list-foot">
            <button
              type="button"
              role="menuitem"
              tabIndex={-1}
              className="menu-item"
              data-testid="start-empty"
              disabled={readOnly}
              onClick={() => {
                setOpen(false);
                void withNamedWorkspaces((m) => m.startEmptyWorkspace(), undefined);
              }}
            >
              Start an empty workspace
            </button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
