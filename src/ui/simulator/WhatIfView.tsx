/**
 * What-if: the current YAML against a baseline (a pinned snapshot, an imported file, or pasted
 * text): status changes a controller would write, and every saved request and mix whose outcome
 * changes. Computed in the worker; outdated results are greyed until re-run.
 */
import { useState } from "react";
import { displayKey } from "../../engine/present";
import { useGwsimStore } from "../../store";
import { isCurrent } from "../../store/simulatorSlice";
import { runWhatIf } from "./simulatorClient";

export function WhatIfView() {
  const baseline = useGwsimStore((s) => s.simBaseline);
  const setBaseline = useGwsimStore((s) => s.setSimBaseline);
  const opened = useGwsimStore((s) => s.simOpened);
  const result = useGwsimStore((s) => s.simWhatIf);
  const current = useGwsimStore((s) => isCurrent(s, s.simWhatIf?.revision));
  const savedCount = useGwsimStore((s) => s.simSaved.length + s.simMixes.length);
  const [pasting, setPasting] = useState(false);
  const [pasted, setPasted] = useState("");
  const pin = () => {
    const s = useGwsimStore.getState();
    // Named by the time it was pinned: people know when they pinned it, not an edit counter.
    const at = new Date().toLocaleTimeString("en-GB", { hour12: false });
    setBaseline({ name: `the YAML pinned at ${at}`, text: s.text });
  };
  const report = result?.report;
  const changedRequests = report?.requests.filter((r) => r.changed) ?? [];
  const changedMixes = report?.mixes.filter((m) => m.changed) ?? [];
  return (
    <div className="sim-whatif" data-testid="sim-whatif">
      <div className="sim-actions">
        <span className="sim-muted">Baseline:</span>{" "}
        <strong data-testid="sim-baseline-name">{baseline?.name ?? "none"}</strong>
        {opened ? (
          <button
            type="button"
            data-testid="sim-baseline-opened"
            title={opened.name}
            onClick={() => setBaseline(opened)}
          >
            As opened
          </button>
        ) : null}
        <button type="button" data-testid="sim-baseline-pin" onClick={pin}>
          Pin current YAML
        </button>
        <label className="sim-file">
          Import file…
          <input
            type="file"
            accept=".yaml,.yml,.json"
            data-testid="sim-baseline-file"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) void file.text().then((text) => setBaseline({ name: file.name, text }));
            }}
          />
        </label>
        <button type="button" onClick={() => setPasting((p) => !p)}>
          Paste…
        </button>
        <button
          type="button"
          className="sim-primary"
          data-testid="sim-whatif-run"
          disabled={!baseline}
          onClick={() => void runWhatIf()}
        >
          Compare with current YAML
        </button>
      </div>
      {pasting ? (
        <div className="sim-paste">
          <textarea
            aria-label="baseline YAML"
            data-testid="sim-baseline-paste"
            rows={6}
            value={pasted}
            onChange={(e) => setPasted(e.target.value)}
          />
          <button
            type="button"
            onClick={() => {
              setBaseline({ name: "pasted text", text: pasted });
              setPasting(false);
            }}
          >
            Use as baseline
          </button>
        </div>
      ) : null}
      {savedCount === 0 ? (
        <p className="sim-muted">
          Save requests (Request tab) and mixes to see how their outcome changes.
        </p>
      ) : null}
      {report ? (
        <div
          className={current ? "" : "is-outdated"}
          data-testid="sim-whatif-result"
          data-state={current ? "current" : "outdated"}
        >
          {!current ? (
            <div className="sim-outdated">
              outdated — the YAML changed{" "}
              <button type="button" onClick={() => void runWhatIf()}>
                Re-run
              </button>
            </div>
          ) : null}
          <h4>
            Requests · {changedRequests.length} of {report.requests.length} change
          </h4>
          <ul className="sim-plain" data-testid="sim-whatif-requests">
            {[...report.requests]
              .sort((a, b) => Number(b.changed) - Number(a.changed))
              .map((r) => (
                <li
                  key={r.id}
                  className={r.changed ? "is-changed" : "sim-muted"}
                  data-changed={r.changed}
                >
                  <strong>{r.name}</strong>: {r.sentence}
                </li>
              ))}
          </ul>
          {report.mixes.length > 0 ? (
            <>
              <h4>
                Mixes · {changedMixes.length} of {report.mixes.length} change
              </h4>
              <ul className="sim-plain" data-testid="sim-whatif-mixes">
                {report.mixes.map((m) => (
                  <li
                    key={m.id}
                    className={m.changed ? "is-changed" : "sim-muted"}
                    data-changed={m.changed}
                  >
                    {m.sentence}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          <h4>
            Status · {report.statusChanges.length} change
            {report.statusChanges.length === 1 ? "" : "s"}
          </h4>
          <ul className="sim-plain" data-testid="sim-whatif-status">
            {report.statusChanges.length === 0 ? (
              <li className="sim-muted">No route, listener or Gateway status changes.</li>
            ) : null}
            {report.statusChanges.map((c, i) => (
              <li key={i}>
                <button
                  type="button"
                  className="sim-link"
                  onClick={() => useGwsimStore.getState().select(c.object, "inspector")}
                >
                  {displayKey(c.object)}
                </button>{" "}
                {c.field}: <span className="sim-before">{c.before}</span> →{" "}
                <span className="sim-after">{c.after}</span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
