/**
 * Groups bursts of small changes (keystrokes, drag steps) into one undo step: the first change of
 * a burst records the state before it; later changes of the same kind within PAUSE_MS of the
 * previous one join it (time the page was busy in between does not count as a pause). Any other
 * change, or an undo/redo, ends the burst.
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

/**
 * How long the page's main thread was busy (long tasks) between two instants of the input-time
 * base. A keystroke cannot even be delivered while the page is busy, so keystrokes sent by a
 * program that waits for each to be handled (Playwright, a remote-desktop client) come out as far
 * apart as the busy spell between them: that time is the page's, never a pause of the user's.
 */
export type BusyBetween = (from: number, to: number) => number;

const NEVER_BUSY: BusyBetween = () => 0;

/**
 * The page's long tasks (PerformanceObserver "longtask", tasks over 50 ms), kept for the last
 * `keep` of them, as a BusyBetween in the input-time base. Where the browser does not report long
 * tasks (Node, tests, other engines) nothing is ever busy.
 */
export function observeLongTasks(keep = 32): BusyBetween {
  const Observer = (globalThis as { PerformanceObserver?: typeof PerformanceObserver })
    .PerformanceObserver;
  const origin = globalThis.performance?.timeOrigin;
  if (!Observer?.supportedEntryTypes?.includes("longtask") || typeof origin !== "number")
    return NEVER_BUSY;
  const spells: { start: number; end: number }[] = [];
  new Observer((list) => {
    for (const entry of list.getEntries()) {
      const start = origin + entry.startTime;
      spells.push({ start, end: start + entry.duration });
    }
    if (spells.length > keep) spells.splice(0, spells.length - keep);
  }).observe({ type: "longtask" });
  return (from, to) => busyWithin(spells, from, to);
}

/** The total time of `spells` inside [from, to]. */
export function busyWithin(
  spells: readonly { start: number; end: number }[],
  from: number,
  to: number,
): number {
  let busy = 0;
  for (const s of spells) busy += Math.max(0, Math.min(s.end, to) - Math.max(s.start, from));
  return busy;
}

export type UndoGroupKey = "typing" | "drag";

export interface UndoGrouper {
  /** Called before a change; returns true when the change starts a new undo step. */
  startsStep(key: UndoGroupKey | undefined, now: number): boolean;
  /** Ends the current burst so the next change starts a new step. */
  breakGroup(): void;
}

export function createUndoGrouper(
  pauseMs = UNDO_PAUSE_MS,
  busyBetween: BusyBetween = NEVER_BUSY,
): UndoGrouper {
  let current: { key: UndoGroupKey; at: number } | undefined;
  return {
    startsStep(key, now) {
      const paused = (at: number) => now - at - busyBetween(at, now);
      if (key !== undefined && current?.key === key && paused(current.at) < pauseMs) {
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

export function createUndoRecorder(
  now: () => number,
  pauseMs = UNDO_PAUSE_MS,
  busyBetween: BusyBetween = NEVER_BUSY,
): UndoRecorder {
  const grouper = createUndoGrouper(pauseMs, busyBetween);
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
