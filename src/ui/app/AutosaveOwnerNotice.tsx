import { useAutosaveOwner } from "./autosaveOwner";

const MESSAGE = {
  "other-tab":
    "This workspace is open in another tab, which autosaves it. Edits in this tab are not saved, so neither tab overwrites the other.",
  "taken-over":
    "Another tab took over autosaving this workspace. Edits in this tab are no longer saved; its text stays here until you close it.",
} as const;

/** Tells a tab that does not autosave why, and lets the user make it the one that does. */
export function AutosaveOwnerNotice() {
  const { role, takeOver } = useAutosaveOwner();
  if ((role !== "other-tab" && role !== "taken-over") || !takeOver) return null;
  return (
    <div
      className="notice notice-warning share-notice"
      role="alert"
      data-testid="autosave-owner-notice"
      data-role={role}
    >
      <button
        type="button"
        className="tb-button"
        data-testid="autosave-take-over"
        onClick={takeOver}
      >
        Autosave this tab instead
      </button>
      <span>
        {MESSAGE[role]} Choosing “Autosave this tab instead” saves this tab’s text over the other’s;
        Save as… keeps it under a name.
      </span>
    </div>
  );
}
