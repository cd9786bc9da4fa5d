/**
 * What the incremental pass knows about a list it carried to new lines, told to the worker's
 * delta (worker/analysisDelta.ts) so it need not prove it again. Enter at the top of 10,000
 * documents gives every later object a new summary at new lines (shiftLocations.ts); the delta
 * proved each one moved and nothing else by comparing their keys and values, a tenth of the
 * keystroke. Here the pass that built them says which positions hold the same object's summary,
 * at most moved (line, endLine, docIndex), and the delta reads only those three numbers there.
 *
 * Kept beside the list (a WeakMap keyed by it, living as long as it), never in it: lists of an
 * Analysis are plain data that crosses the worker boundary. Its own small module: the worker's
 * first chunk reads it without the incremental pass (loaded on demand).
 */

/** Positions [start, start + count) of `next` hold `from`'s objects with at most their place moved. */
export interface PlaceOnlyRuns {
  from: readonly unknown[];
  runs: readonly (readonly [start: number, count: number])[];
}

const known = new WeakMap<readonly unknown[], PlaceOnlyRuns>();

/**
 * Says that `next` is `from` position for position (the same length), and that at the positions
 * of `runs` it holds the same objects but for their place: no other property differs, by value.
 */
export function recordPlaceOnlyRuns(next: readonly unknown[], hint: PlaceOnlyRuns): void {
  if (hint.runs.length > 0 && next.length === hint.from.length) known.set(next, hint);
}

/** What was recorded for `next`, if anything. */
export function placeOnlyRunsOf(next: readonly unknown[]): PlaceOnlyRuns | undefined {
  return known.get(next);
}
