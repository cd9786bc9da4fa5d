/**
 * Request mixes: templates (saved requests or the composed one) with proportions. Shows the exact
 * traffic per rule and backendRef (also drawn as edge thickness on the graph) and can sample it.
 */
import { useState } from "react";
import type { RequestMix } from "../../engine";
import { useGwsimStore } from "../../store";
import { describeRequest, displayKey } from "../../engine/present";
import { describeBucket, formatShare } from "../../engine/present/whatIf";
import { DEFAULT_RUN_SIZE, selectSimRun } from "../../store/simulatorSlice";
import { missingGateway } from "../../store/simulatorRevalidate";
import { RunStatus } from "./RunStatus";
import { showMixTraffic, startRun } from "./simulatorClient";
import { SplitChart } from "./SplitChart";

export function MixEditor() {
  const mixes = useGwsimStore((s) => s.simMixes);
  const saved = useGwsimStore((s) => s.simSaved);
  const draft = useGwsimStore((s) => s.simDraft);
  const saveMix = useGwsimStore((s) => s.saveSimMix);
  const removeMix = useGwsimStore((s) => s.removeSimMix);
  const traffic = useGwsimStore((s) => s.simTraffic);
  const run = useGwsimStore(selectSimRun);
  const revision = useGwsimStore((s) => s.revision);
  const analysis = useGwsimStore((s) => s.analysis);
  const [openId, setOpenId] = useState<string | undefined>(undefined);
  const mix = mixes.find((m) => m.id === openId) ?? mixes[0];
  const update = (next: RequestMix) => saveMix(next);
  const newMix = () => {
    const templates =
      saved.length > 0
        ? saved.map((r) => ({ name: r.name, request: r.request, weight: 1 }))
        : [{ name: describeRequest(draft), request: draft, weight: 1 }];
    saveMix({ id: "", name: `mix ${mixes.length + 1}`, templates });
    setOpenId(undefined);
  };
  const shown = traffic && mix && traffic.mixId === mix.id ? traffic : undefined;
  const mixRun = run?.source === "mix" && run.mixId === mix?.id ? run : undefined;
  return (
    <div className="sim-mix" data-testid="sim-mix">
      <div className="sim-actions">
        <select
          aria-label="mix"
          data-testid="sim-mix-select"
          value={mix?.id ?? ""}
          onChange={(e) => setOpenId(e.target.value)}
        >
          {mixes.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </select>
        <button type="button" data-testid="sim-mix-new" onClick={newMix}>
          New mix{saved.length > 0 ? " from saved requests" : " from the composed request"}
        </button>
        {mix ? (
          <button type="button" onClick={() => removeMix(mix.id)}>
            Delete
          </button>
        ) : null}
      </div>
      {!mix ? (
        <p className="sim-empty">
          A mix is several requests with proportions (e.g. 80% browse, 15% API, 5% canary header):
          it shows the traffic every route and backend gets.
        </p>
      ) : (
        <>
          <input
            aria-label="mix name"
            className="sim-mix-name"
            value={mix.name}
            onChange={(e) => update({ ...mix, name: e.target.value })}
          />
          <table className="sim-table">
            <thead>
              <tr>
                <th>template</th>
                <th>weight</th>
                <th>request</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {mix.templates.map((t, i) => (
                <tr key={i} data-testid={`sim-mix-template-${i}`}>
                  <td>
                    <input
                      aria-label="template name"
                      value={t.name}
                      onChange={(e) =>
                        update({
                          ...mix,
                          templates: mix.templates.map((x, j) =>
                            j === i ? { ...x, name: e.target.value } : x,
                          ),
                        })
                      }
                    />
                  </td>
                  <td>
                    <input
                      aria-label="template weight"
                      className="sim-port"
                      type="number"
                      min={0}
                      value={t.weight}
                      onChange={(e) =>
                        update({
                          ...mix,
                          templates: mix.templates.map((x, j) =>
                            j === i
                              ? { ...x, weight: Math.max(0, Number(e.target.value) || 0) }
                              : x,
                          ),
                        })
                      }
                    />
                  </td>
                  <td className="sim-muted">
                    {describeRequest(t.request)}
                    {analysis && missingGateway(t.request, analysis) ? (
                      <span className="sim-gone-mark" data-testid="sim-mix-template-gone">
                        {" "}
                        · Gateway {t.request.gateway} is not in the workspace
                      </span>
                    ) : null}
                  </td>
                  <td>
                    <button
                      type="button"
                      className="sim-icon"
                      aria-label="remove template"
                      onClick={() =>
                        update({ ...mix, templates: mix.templates.filter((_, j) => j !== i) })
                      }
                    >
                      ×
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="sim-actions">
            <button
              type="button"
              onClick={() =>
                update({
                  ...mix,
                  templates: [
                    ...mix.templates,
                    { name: describeRequest(draft), request: draft, weight: 1 },
                  ],
                })
              }
            >
              + composed request
            </button>
            <button
              type="button"
              className="sim-primary"
              data-testid="sim-mix-show"
              onClick={() => void showMixTraffic(mix)}
            >
              Show traffic
            </button>
            <button
              type="button"
              data-testid="sim-mix-run"
              onClick={() => void startRun("mix", mix, DEFAULT_RUN_SIZE, 1)}
            >
              Sample {DEFAULT_RUN_SIZE.toLocaleString("en-US")}
            </button>
          </div>
          {shown ? (
            <div
              className={shown.revision === revision ? "" : "is-outdated"}
              data-testid="sim-mix-traffic"
              data-state={shown.revision === revision ? "current" : "outdated"}
            >
              <h4>Exact traffic per rule</h4>
              <ul className="sim-plain">
                {shown.traffic.rules.map((r) => (
                  <li key={`${r.route}#${r.ruleIndex}`}>
                    {formatShare(r.share)} → {displayKey(r.route)} rule {r.ruleIndex}
                  </li>
                ))}
              </ul>
              <h4>Exact traffic per backend</h4>
              <ul className="sim-plain">
                {shown.traffic.buckets.map((b) => (
                  <li key={b.bucket} data-testid={`sim-mix-bucket-${b.bucket}`}>
                    {formatShare(b.share)} → {describeBucket(b.bucket)}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          {mixRun ? (
            <RunStatus
              run={mixRun}
              revision={revision}
              onRerun={() => void startRun("mix", mix, DEFAULT_RUN_SIZE, 1)}
            />
          ) : null}
          {mixRun?.result ? (
            <SplitChart
              testId="sim-mix-split"
              expected={mixRun.result.expected.buckets}
              counts={mixRun.result.tally.buckets}
              n={mixRun.result.tally.n}
            />
          ) : null}
        </>
      )}
    </div>
  );
}
