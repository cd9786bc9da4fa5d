import { useShareSession } from "./shareSession";

/**
 * The bar shown while a shared workspace is read-only: Edit it, or go back to one's own. The
 * buttons come first because Monaco's read-only hint pops up over the right of the bar.
 */
export function ShareNotice() {
  const { readOnly, edit, keepMine } = useShareSession();
  if (!readOnly) return null;
  return (
    <div className="notice notice-info share-notice" role="status" data-testid="share-notice">
      <button type="button" className="tb-button" data-testid="share-edit" onClick={edit}>
        Edit
      </button>
      <button type="button" className="tb-button" data-testid="share-keep-mine" onClick={keepMine}>
        Keep my workspace
      </button>
      <span>
        Opened from a share link — read-only until you choose Edit. Your own saved workspace is
        untouched.
      </span>
    </div>
  );
}
