/**
 * The simulator runs asked to stop (simCancel), by run id (unique per page). Kept apart from the
 * simulator, which the worker loads on first use: a cancel is recorded even while the simulator
 * is still loading, and the run hears it at its next chunk boundary.
 */
const cancelled = new Set<string>();

export function cancelSimRun(runId: string): void {
  cancelled.add(runId);
}

export function isSimRunCancelled(runId: string): boolean {
  return cancelled.has(runId);
}

/** Forgets a cancel: before a run with this id starts, and when it has finished. */
export function forgetSimRunCancel(runId: string): void {
  cancelled.delete(runId);
}
