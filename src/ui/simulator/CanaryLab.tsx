/**
 * Canary lab: n seeded samples of the composed request, routed in the worker in chunks with
 * progress and cancel; observed vs expected share per backend (unresolved "none" → 500 included).
 */
import { useState } from "react";
import type { RequestMix } from "../../engine";
import { useGwsimStore } from "../../store";
import { describeRequest } from "../../engine/present";
import {
  DEFAULT_RUN_SIZE,
  MAX_RUN,
  selectSimDraft,
  selectSimRun,
} from "../../store/simulatorSlice";
import { cancelRun, startRun } from "./simulatorClient";
import { RunStatus } from "./RunStatus";
import { SplitChart } from "./SplitChart";

export function CanaryLab() {
  const draft = useGwsimStore(selectSimDraft);
  const run = useGwsimStore(selectSimRun);
  const revision = useGwsimStore((s) => s.revision);
  const [n, setN] = useState(DEFAULT_RUN_SIZE);
  const [seed, setSeed] = useState(1);
  const mix: RequestMix = {
    id: "composer",
    name: describeRequest(draft),
    templates: [{ name: describeRequest(draft), request: draft, weight: 1 }],
  };
  const mine = run?.source === "canary" ? run : undefined;
  const result = mine?.result;
  return (
    <div className="sim-lab" data-testid="sim-canary">
      <div className="sim-actions">
        <span className="sim-muted">Request</span>{" "}
        <code data-testid="sim-canary-request">{describeRequest(draft)}</code>
      </div>
      <div className="sim-actions">
        <label>
          Requests{" "}
          <input
            type="number"
            data-testid="sim-run-n"
            min={1}
            max={MAX_RUN}
            step={1000}
            value={n}
            onChange={(e) => setN(Math.min(MAX_RUN, Math.max(1, Number(e.target.value) || 1)))}
          />
        </label>
        <label>
          Seed{" "}
          <input
            type="number"
            data-testid="sim-run-seed"
            className="sim-port"
            value={seed}
            onChange={(e) => setSeed(Number(e.target.value) || 0)}
          />
        </label>
        {mine?.status === "running" ? (
          <button type="button" data-testid="sim-run-cancel" onClick={() => void cancelRun()}>
            Cancel
          </button>
        ) : (
          <button
            type="button"
            className="sim-primary"
            data-testid="sim-run"
            onClick={() => void startRun("canary", mix, n, seed)}
          >
            Run {n.toLocaleString("en-US")} requests
          </button>
        )}
      </div>
      {mine ? (
        <RunStatus
          run={mine}
          revision={revision}
          onRerun={() => void startRun("canary", mix, n, seed)}
        />
      ) : null}
      {result ? (
        <div className={mine.revision === revision ? "" : "is-outdated"}>
          <SplitChart
            testId="sim-split"
            expected={result.expected.buckets}
            counts={result.tally.buckets}
            n={result.tally.n}
          />
        </div>
      ) : (
        <p className="sim-empty">
          Runs the request above many times with seeded random backend picks, and sets what each
          backend received against the exact shares from the weights.
        </p>
      )}
    </div>
  );
}
