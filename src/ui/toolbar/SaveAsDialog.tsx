import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { checkWorkspaceName, formatSavedAt } from "../app/namedWorkspaces";
import type { NamedWorkspaceSummary } from "../app/namedWorkspaceStorage";

/**
 * "Save as…": a modal asking for a name. Typing an existing name says which saved workspace would
 * be replaced (and when it was saved) and turns the button into "Replace".
 */
export function SaveAsDialog(props: {
  existing: readonly NamedWorkspaceSummary[];
  initialName: string;
  onSave(name: string): void;
  onClose(): void;
}) {
  const { existing, initialName, onSave, onClose } = props;
  const ref = useRef<HTMLDialogElement>(null);
  const [name, setName] = useState(initialName);
  const [touched, setTouched] = useState(false);
  const inputId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  const check = checkWorkspaceName(name);
  const replaces = check.ok ? existing.find((w) => w.name === check.name) : undefined;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (check.ok) onSave(check.name);
  };
  return (
    <dialog
      ref={ref}
      className="ws-dialog"
      data-testid="save-as-dialog"
      aria-labelledby={`${inputId}-title`}
      onCancel={onClose}
      onClose={onClose}
    >
      <form onSubmit={submit}>
        <h2 id={`${inputId}-title`} className="ws-dialog-title">
          Save workspace as
        </h2>
        <label htmlFor={inputId} className="ws-label">
          Name
        </label>
        <input
          id={inputId}
          className="ws-input"
          data-testid="save-as-name"
          autoFocus
          value={name}
          placeholder="e.g. payments gateway, option B"
          maxLength={200}
          onChange={(e) => setName(e.target.value)}
        />
        {touched && !check.ok ? (
          <p className="ws-hint ws-hint--error" role="alert">
            {check.why}
          </p>
        ) : replaces ? (
          <p className="ws-hint ws-hint--warning" data-testid="save-as-replaces">
            Replaces the saved workspace “{replaces.name}” from {formatSavedAt(replaces.savedAt)}.
          </p>
        ) : (
          <p className="ws-hint">
            Kept in this browser only (IndexedDB) with the graph positions and simulator requests.
            Nothing is uploaded.
          </p>
        )}
        <div className="ws-dialog-buttons">
          <button type="button" className="tb-button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="tb-button ws-primary" data-testid="save-as-confirm">
            {replaces ? "Replace" : "Save"}
          </button>
        </div>
      </form>
    </dialog>
  );
}
