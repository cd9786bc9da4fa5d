/** Recent and saved requests: a click puts the request in the composer and sends it. */
import type { SimRequest } from "../../engine";
import { useGwsimStore } from "../../store";
import { describeRequest } from "../../engine/present";
import { missingGateway, revalidateRequest } from "../../store/simulatorRevalidate";
import { exportSavedAsCaseFile } from "./exportSavedCases";
import { sendRequest } from "./simulatorClient";

/** Puts a request in the composer and sends it; a Gateway that is gone is dropped, and the composer says so. */
function use(request: SimRequest) {
  const { analysis, setSimDraft } = useGwsimStore.getState();
  const checked = analysis ? revalidateRequest(request, analysis) : { request, notes: [] };
  setSimDraft(checked.request, checked.notes);
  void sendRequest(checked.request);
}

export function RequestLists() {
  const history = useGwsimStore((s) => s.simHistory);
  const saved = useGwsimStore((s) => s.simSaved);
  const remove = useGwsimStore((s) => s.removeSimRequest);
  const analysis = useGwsimStore((s) => s.analysis);
  return (
    <div className="sim-lists">
      <h4>
        Saved
        {saved.length > 0 ? (
          <button
            type="button"
            className="sim-link"
            data-testid="sim-saved-export"
            title="Download the saved requests with the outcome each gets now, as a case file for gwsim test in CI"
            onClick={() => void exportSavedAsCaseFile()}
          >
            Export as gwsim test
          </button>
        ) : null}
      </h4>
      {saved.length === 0 ? (
        <p className="sim-muted">
          Saved requests are kept with the workspace and compared in What-if.
        </p>
      ) : null}
      <ul data-testid="sim-saved">
        {saved.map((r) => (
          <li key={r.id}>
            <button
              type="button"
              className="sim-item"
              title={describeRequest(r.request)}
              onClick={() => use(r.request)}
            >
              <strong>{r.name}</strong>{" "}
              {r.name !== describeRequest(r.request) ? (
                <span className="sim-muted">{describeRequest(r.request)}</span>
              ) : null}
              {analysis && missingGateway(r.request, analysis) ? (
                <span className="sim-gone-mark" data-testid="sim-saved-gone">
                  {" "}
                  · Gateway {r.request.gateway} is not in the workspace
                </span>
              ) : null}
            </button>
            <button
              type="button"
              className="sim-icon"
              aria-label={`delete ${r.name}`}
              onClick={() => remove(r.id)}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <h4>Recent</h4>
      <ul data-testid="sim-history">
        {history.map((r) => {
          const label = describeRequest(r);
          return (
            <li key={JSON.stringify(r)}>
              <button type="button" className="sim-item" title={label} onClick={() => use(r)}>
                {label}
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
