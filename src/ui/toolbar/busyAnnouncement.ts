/**
 * What the busy indicator shows and says. Busy flips on every keystroke (the text gets ahead of
 * the analysis, then its answer lands, usually within tens of milliseconds), and neither flip is
 * worth anyone's time:
 * - the visible label turns to "Analysing…" only once the analysis has run SHOW_BUSY_AFTER_MS
 *   (shorter waits would be a flicker nobody can read), and back to "Up to date" when it ends. A
 *   keystroke analysed in time therefore renders nothing: the store's update in the keydown task
 *   only starts a timer, with no React render there (bench/ui README round 12);
 * - a live region on the label made screen readers announce both words on every key typed, so a
 *   separate one says "Analysing…" once the analysis has run ANNOUNCE_BUSY_AFTER_MS, then
 *   "Up to date" when that analysis ends. Failures are not said here: the notice bar announces
 *   them (role="alert").
 */
export const SHOW_BUSY_AFTER_MS = 200;
export const ANNOUNCE_BUSY_AFTER_MS = 1000;

export const BUSY_WORDS = { busy: "Analysing…", done: "Up to date" } as const;

export interface BusyAnnouncer {
  /** The indicator's state now; call it whenever it may have changed. */
  update(busy: boolean): void;
  /** The indicator is gone: no pending "Analysing…". */
  dispose(): void;
}

/** A closure, not a class: the page's initial bundle pays for every byte (fields minify worse). */
export function createBusyAnnouncer(
  /** Sets the label's or the live region's text (a change is what a screen reader announces). */
  say: (text: string) => void,
  /** How long busy must last before "Analysing…" is said. */
  afterMs = ANNOUNCE_BUSY_AFTER_MS,
  /** Whether "Analysing…" is already said (the label shows it from the start). */
  announcedBusy = false,
): BusyAnnouncer {
  let pending: ReturnType<typeof setTimeout> | undefined;
  const dispose = () => {
    clearTimeout(pending);
    pending = undefined;
  };
  return {
    update(busy) {
      if (busy) {
        if (pending !== undefined || announcedBusy) return;
        pending = setTimeout(() => {
          pending = undefined;
          announcedBusy = true;
          say(BUSY_WORDS.busy);
        }, afterMs);
        return;
      }
      dispose();
      if (!announcedBusy) return;
      announcedBusy = false;
      say(BUSY_WORDS.done);
    },
    dispose,
  };
}

/** The parts of the store the indicator follows (the app's store, or a test's). */
export interface BusySource<S> {
  getState(): S;
  subscribe(listener: (state: S) => void): () => void;
}

/**
 * Drives the label and the live region from the store, outside React: the store's listener runs
 * inside every update (the keystroke's own task included) and only starts or clears timers; the
 * component renders when a text it shows changes. A label mounted while an analysis runs says
 * Analysing… at once (the app's first analysis). Returns the disposer.
 */
export function followBusy<S>(
  source: BusySource<S>,
  isBusy: (state: S) => boolean,
  say: { label(text: string): void; announcement(text: string): void },
): () => void {
  const busyNow = isBusy(source.getState());
  if (busyNow) say.label(BUSY_WORDS.busy);
  const label = createBusyAnnouncer(say.label, SHOW_BUSY_AFTER_MS, busyNow);
  const announcer = createBusyAnnouncer(say.announcement);
  const update = (state: S) => {
    const busy = isBusy(state);
    label.update(busy);
    announcer.update(busy);
  };
  announcer.update(busyNow);
  const unsubscribe = source.subscribe(update);
  return () => {
    unsubscribe();
    label.dispose();
    announcer.dispose();
  };
}
