/** Recent and saved requests: a click puts the request in the composer and sends it. */
import type { SimRequest } from '../../engine';
import { useGwsimStore } from '../../store';
import { describeRequest } from '../../store/simulatorSlice';
import { sendRequest } from './simulatorClient';

function use(request: SimRequest) {
  useGwsimStore.getState().setSimDraft(request);
  void sendRequest(request);
}

export function RequestLists() {
  const history = useGwsimStore((s) => s.simHistory);
  const saved = useGwsimStore((s) => s.simSaved);
  const remove = useGwsimStore((s) => s.removeSimRequest);
  return (
    <div className="sim-lists">
      <h4>Saved</h4>
      {saved.length === 0 ? <p className="sim-muted">Saved requests are kept with the workspace and compared in What-if.</p> : null}
      <ul data-testid="sim-saved">
        {saved.map((r) => (
          <li key={r.id}>
            <button type="button" className="sim-item" title={describeRequest(r.request)} onClick={() => use(r.request)}>
              <strong>{r.name}</strong> {r.name !== describeRequest(r.request) ? <span className="sim-muted">{describeRequest(r.request)}</span> : null}
            </button>
            <button type="button" className="sim-icon" aria-label={`delete ${r.name}`} onClick={() => remove(r.id)}>
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
