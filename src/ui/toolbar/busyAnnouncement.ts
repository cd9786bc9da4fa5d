/**
 * What the busy indicator says to a screen reader. The visible label flips to "Analysing…" and
 * back on every keystroke (the text gets ahead of the analysis, then its answer lands, usually
 * within tens of milliseconds); a live region on it made screen readers announce both on every
 * key typed. Only a wait a person notices is worth announcing: "Analysing…" once the analysis has
 * been running for ANNOUNCE_BUSY_AFTER_MS, then "Up to date" when that analysis ends. Failures are
 * not said here: the notice bar announces them (role="alert").
 */
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

export class BusyAnnouncer {
  private pending: unknown;
  private announcedBusy = false;

  constructor(
    /** Sets the live region's text (a change is what a screen reader announces). */
    private readonly say: (text: string) => void,
    private readonly timers: Timers = GLOBAL_TIMERS,
  ) {}

  /** The indicator's state now; call it whenever it may have changed. */
  update(busy: boolean): void {
    if (busy) {
      if (this.pending !== undefined || this.announcedBusy) return;
      this.pending = this.timers.setTimeout(() => {
        this.pending = undefined;
        this.announcedBusy = true;
        this.say(BUSY_WORDS.busy);
      }, ANNOUNCE_BUSY_AFTER_MS);
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
