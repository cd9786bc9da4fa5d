/**
 * Groups bursts of small changes (keystrokes, drag steps) into one undo step: the first change of
 * a burst records the state before it; later changes of the same kind within PAUSE_MS of the
 * previous one join it. Any other change, or an undo/redo, ends the burst.
 */
export const UNDO_PAUSE_MS = 700;

/**
 * When the user acted: the input event being handled (a keystroke's change is applied inside its
 * keydown/input handler), else now. Keystrokes that queued behind a long task (an analysis landing
 * mid-burst on a loaded machine) are handled late, but were typed close together: timed by their
 * handling they would split one typed burst into several undo steps.
 */
export function inputTime(
  current: { timeStamp?: unknown } | undefined = (globalThis as { event?: { timeStamp?: unknown } })
    .event,
  origin: number | undefined = globalThis.performance?.timeOrigin,
  wallClock: () => number = Date.now,
): number {
  const stamp = current?.timeStamp;
  if (typeof stamp === "number" && stamp > 0 && typeof origin === "number") return origin + stamp;
  return wallClock();
}

export type UndoGroupKey = "typing" | "drag";

export interface UndoGrouper {
  /** Called before a change; returns true when the change starts a new undo step. */
  startsStep(key: UndoGroupKey | undefined, now: number): boolean;
  /** Ends the current burst so the next change starts a new step. */
  breakGroup(): void;
}

export function createUndoGrouper(pauseMs = UNDO_PAUSE_MS): UndoGrouper {
  let current: { key: UndoGroupKey; at: number } | undefined;
  return {
    startsStep(key, now) {
      if (key !== undefined && current?.key === key && now - current.at < pauseMs) {
        current.at = now;
        return false;
      }
      current = key === undefined ? undefined : { key, at: now };
      return true;
    },
    breakGroup() {
      current = undefined;
    },
  };
}

/**
 * The grouper bound to the store: a change runs `within` its group, and zundo's handleSet asks
 * `startsStep()` during that same set() whether to record the state before it.
 */
export interface UndoRecorder {
  within<T>(key: UndoGroupKey | undefined, change: () => T): T;
  startsStep(): boolean;
  breakGroup(): void;
}

export function createUndoRecorder(now: () => number, pauseMs = UNDO_PAUSE_MS): UndoRecorder {
  const grouper = createUndoGrouper(pauseMs);
  let pending: UndoGroupKey | undefined;
  return {
    within(key, change) {
      pending = key;
      try {
        return change();
      } finally {
        pending = undefined;
      }
    },
    startsStep: () => grouper.startsStep(pending, now()),
    breakGroup: () => grouper.breakGroup(),
  };
}
