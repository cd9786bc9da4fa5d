import { useGwsimStore } from "../../store";
import { selectAnalysisError, selectNotice } from "../../store/selectors";
import { ShareNotice } from "../share/ShareNotice";
import { selectShareReadOnly, useShareSession } from "../share/shareSession";
import { AutosaveOwnerNotice } from "../app/AutosaveOwnerNotice";
import { selectAutosaveElsewhere, useAutosaveOwner } from "../app/autosaveOwner";

/** Messages that are not diagnostics: a failed restore or autosave, another tab autosaving, a worker failure. */
export function NoticeBar() {
  const notice = useGwsimStore(selectNotice);
  const analysisError = useGwsimStore(selectAnalysisError);
  const setNotice = useGwsimStore((s) => s.setNotice);
  const sharedReadOnly = useShareSession(selectShareReadOnly);
  const autosaveElsewhere = useAutosaveOwner(selectAutosaveElsewhere);
  if (!notice && !analysisError && !sharedReadOnly && !autosaveElsewhere) return null;
  return (
    <div className="notices">
      <ShareNotice />
      <AutosaveOwnerNotice />
      {notice && (
        <div
          className={`notice notice-${notice.kind}`}
          role={notice.kind === "error" ? "alert" : "status"}
          data-testid="notice"
        >
          <span>{notice.message}</span>
          <button
            type="button"
            className="notice-close"
            onClick={() => setNotice(undefined)}
            aria-label="Dismiss"
          >
            ×
          </button>
        </div>
      )}
      {analysisError && (
        <div className="notice notice-error" role="alert" data-testid="analysis-error">
          Analysis unavailable: {analysisError}. The graph and problems show the last successful
          analysis.
        </div>
      )}
    </div>
  );
}
