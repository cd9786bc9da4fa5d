/**
 * Where each key's items sit in a list of a revision, found once and handed on to the next
 * revision's list when the edit kept the layout (same keys at the same positions; only some items
 * replaced). Without it an edit at 10,000 routes walked every route, node, edge and finding to
 * find the few it replaces; with it, an edit reads only its own items' positions.
 *
 * The positions are kept beside the list (a WeakMap keyed by the list, so they live as long as
 * it), never in it: lists of an Analysis are plain data that crosses the worker boundary.
 */
export interface PositionIndex<T> {
  /** Positions of every key's items in `list`, in list order (built on first use, then kept). */
  of(list: readonly T[]): ReadonlyMap<string, readonly number[]>;
  /**
   * Hands the positions known for `from` on to `to`, a list with the same key at every position
   * (the caller replaced items in place, each by one with the same key).
   */
  carry(from: readonly T[], to: readonly T[]): void;
}

const NONE: readonly number[] = [];

/** `keyOf` gives an item's key, or undefined for an item no one looks up. */
export function positionIndex<T>(keyOf: (item: T) => string | undefined): PositionIndex<T> {
  const known = new WeakMap<readonly T[], Map<string, number[]>>();
  return {
    of(list) {
      let positions = known.get(list);
      if (positions === undefined) {
        positions = new Map();
        for (let i = 0; i < list.length; i++) {
          const key = keyOf(list[i] as T);
          if (key === undefined) continue;
          const at = positions.get(key);
          if (at === undefined) positions.set(key, [i]);
          else at.push(i);
        }
        known.set(list, positions);
      }
      return positions;
    },
    carry(from, to) {
      const positions = known.get(from);
      if (positions !== undefined && from !== to) known.set(to, positions);
    },
  };
}

/** The positions of `key` in `list`, or none. */
export function positionsOf<T>(
  index: PositionIndex<T>,
  list: readonly T[],
  key: string,
): readonly number[] {
  return index.of(list).get(key) ?? NONE;
}
