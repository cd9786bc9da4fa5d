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

interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const GLOBAL_TIMERS: Timers = {
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface BusyAnnouncerOptions {
  timers?: Timers;
  /** How long busy must last before "Analysing…" is said. */
  afterMs?: number;
  /** "Analysing…" is already shown (the label's first render while an analysis runs). */
  saidBusy?: boolean;
}

export class BusyAnnouncer {
  private pending: unknown;
  private announcedBusy: boolean;
  private readonly timers: Timers;
  private readonly afterMs: number;

  constructor(
    /** Sets the label's or the live region's text (a change is what a screen reader announces). */
    private readonly say: (text: string) => void,
    options: BusyAnnouncerOptions = {},
  ) {
    this.timers = options.timers ?? GLOBAL_TIMERS;
    this.afterMs = options.afterMs ?? ANNOUNCE_BUSY_AFTER_MS;
    this.announcedBusy = options.saidBusy ?? false;
  }

  /** The indicator's state now; call it whenever it may have changed. */
  update(busy: boolean): void {
    if (busy) {
      if (this.pending !== undefined || this.announcedBusy) return;
      this.pending = this.timers.setTimeout(() => {
        this.pending = undefined;
        this.announcedBusy = true;
        this.say(BUSY_WORDS.busy);
      }, this.afterMs);
      return;
    }
    this.cancel();
    if (!this.announcedBusy) return;
    this.announcedBusy = false;
    this.say(BUSY_WORDS.done);
  }

  /** The indicator is gone: nothing more is said. */
  dispose(): void {
    this.cancel();
  }

  private cancel(): void {
    if (this.pending === undefined) return;
    this.timers.clearTimeout(this.pending);
    this.pending = undefined;
  }
}

/** The parts of the store the indicator follows (the app's store, or a test's). */
export interface BusySource<S> {
  getState(): S;
  subscribe(listener: (state: S) => void): () => void;
}

/**
 * Drives the label and the live region from the store, outside React: the store's listener runs
 * inside every update (the keystroke's own task included) and only starts or clears timers; the
 * component renders when a text it shows changes. Returns the disposer.
 */
export function followBusy<S>(
  source: BusySource<S>,
  isBusy: (state: S) => boolean,
  show: { label(text: string): void; announcement(text: string): void; labelSaysBusy: boolean },
  timers: Timers = GLOBAL_TIMERS,
): () => void {
  const label = new BusyAnnouncer(show.label, {
    timers,
    afterMs: SHOW_BUSY_AFTER_MS,
    saidBusy: show.labelSaysBusy,
  });
  const announcer = new BusyAnnouncer(show.announcement, { timers });
  const update = (state: S) => {
    const busy = isBusy(state);
    label.update(busy);
    announcer.update(busy);
  };
  update(source.getState());
  const unsubscribe = source.subscribe(update);
  return () => {
    unsubscribe();
    label.dispose();
    announcer.dispose();
  };
}
