/**
 * Follows a value that changes often (the workspace text, once per keystroke) and shows it only
 * when the main thread is idle: one show per burst of changes, always of the latest value. Pure
 * (the scheduler is passed in), so it is unit-tested without a browser.
 */
export class IdleFollower<T> {
  private latest: T;
  /** Cancels the show waiting for an idle moment; undefined when none waits. */
  private cancelPending: (() => void) | undefined;

  constructor(
    /** The value shown now. */
    private shown: T,
    /** Runs `show` when idle; returns a cancel. */
    private readonly whenIdle: (show: () => void) => () => void,
    /** Shows a new value (a render). */
    private readonly show: (value: T) => void,
  ) {
    this.latest = shown;
  }

  /** The value now; shown at the next idle moment unless it is the one shown already. */
  follow(value: T): void {
    this.latest = value;
    if (Object.is(value, this.shown)) {
      this.cancel();
      return;
    }
    this.cancelPending ??= this.whenIdle(() => {
      this.cancelPending = undefined;
      this.shown = this.latest;
      this.show(this.latest);
    });
  }

  dispose(): void {
    this.cancel();
  }

  private cancel(): void {
    this.cancelPending?.();
    this.cancelPending = undefined;
  }
}
