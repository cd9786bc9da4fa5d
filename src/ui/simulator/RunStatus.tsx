import type { SimRunState } from "../../store/simulatorSlice";

/** Progress of a run, its outcome, and "outdated — re-run" when the YAML moved on. */
export function RunStatus({
  run,
  revision,
  onRerun,
}: {
  run: SimRunState;
  revision: number;
  onRerun(): void;
}) {
  const outdated = run.revision !== revision;
  const pct = run.total > 0 ? Math.round((run.done / run.total) * 100) : 0;
  return (
    <div
      className="sim-run-status"
      data-testid="sim-run-status"
      data-status={run.status}
      data-outdated={outdated}
    >
      {run.status === "running" ? (
        <>
          <span
            className="sim-progress"
            role="progressbar"
            aria-label="progress"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={pct}
          >
            <span style={{ width: `${pct}%` }} />
          </span>
          {run.done.toLocaleString("en-US")} / {run.total.toLocaleString("en-US")}
        </>
      ) : run.status === "error" ? (
        <span className="is-fail">Run failed: {run.error}</span>
      ) : (
        <span>
          {run.status === "cancelled" ? "Cancelled after " : ""}
          {(run.result?.tally.n ?? run.done).toLocaleString("en-US")} requests
          {run.result ? ` in ${run.result.elapsedMs} ms (seed ${run.result.seed})` : ""}
        </span>
      )}
      {outdated && run.status !== "running" ? (
        <span className="sim-outdated" data-testid="sim-run-outdated">
          outdated — the YAML changed{" "}
          <button type="button" onClick={onRerun}>
            Re-run
          </button>
        </span>
      ) : null}
    </div>
  );
}
