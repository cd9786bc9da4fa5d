/**
 * A copy of a store's state that follows it after the frame that paints a change (afterPaint.ts):
 * views that read it show each change one frame later, without rendering in the task that made
 * it. Only the changes `follows` picks schedule a copy, so a view must read through it only the
 * fields `follows` compares (the rest of the copy is as old as the last followed change). Pure
 * (the scheduler is passed in), so it is unit-tested without a browser.
 */
export interface ReadableStore<S> {
  getState(): S;
  subscribe(listener: (state: S, previous: S) => void): () => void;
}

export interface FollowedState<S> {
  /** The copy views show: the store's state as of the last copy. */
  getState(): S;
  subscribe(listener: () => void): () => void;
  /** True when no followed change of the store waits to be copied. */
  caughtUp(): boolean;
}

export function followAfterPaint<S>(
  store: ReadableStore<S>,
  follows: (state: S, previous: S) => boolean,
  schedule: (copy: () => void) => () => void,
): FollowedState<S> {
  let shown = store.getState();
  let pending = false;
  const listeners = new Set<() => void>();
  const copy = () => {
    pending = false;
    const latest = store.getState();
    if (!follows(latest, shown)) return;
    shown = latest;
    for (const listener of listeners) listener();
  };
  store.subscribe((state, previous) => {
    if (pending || !follows(state, previous)) return;
    pending = true;
    schedule(copy);
  });
  return {
    getState: () => shown,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    caughtUp: () => !follows(store.getState(), shown),
  };
}
