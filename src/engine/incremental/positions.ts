/**
 * Where a key's items sit in a list (or a table) of a revision, found when first asked and handed
 * on to the next revision's list when the edit kept the layout (same keys at the same positions;
 * only some items replaced). A keystroke reads only its own items' positions: typing in one route
 * finds them once, then every later revision reads them from what was handed on.
 *
 * A key's positions are found by walking the list once, not by indexing every item up front:
 * indexing a list of 100,000 items costs about a hundred walks (a map entry and an array per key),
 * and a keystroke asks for one or two keys per list. Only when one revision's list is asked for
 * many keys (a route re-ranked among many others) is every item indexed, once.
 *
 * The positions are kept beside the list (a WeakMap keyed by the list, so they live as long as
 * it), never in it: lists of an Analysis are plain data that crosses the worker boundary.
 */
export interface KeyedLookup<C extends object, V> {
  /** What `key` finds in `container` (found on first ask, then kept). */
  find(container: C, key: string): V;
  /**
   * Hands what is known for `from` on to `to`, which has the same key at every position (the
   * caller replaced items in place, each by one with the same key).
   */
  carry(from: C, to: C): void;
}

export type PositionIndex<T> = KeyedLookup<readonly T[], readonly number[]>;

/** Walks of one container (for distinct keys) before every item of it is indexed instead. */
const WALKS_BEFORE_INDEXING = 8;

interface Known<V> {
  /** What was found so far, by key (keys with no item map to the lookup's `none`). */
  byKey: Map<string, V>;
  /** Every key of the container is in byKey. */
  complete: boolean;
  /** Walks made for this container (not counting those of the ones it was handed on from). */
  walks: number;
}

/**
 * `walk` finds one key's value by reading the whole container; `indexAll` every key's at once;
 * `none` is what a key with no item finds.
 */
export function keyedLookup<C extends object, V>(
  walk: (container: C, key: string) => V,
  indexAll: (container: C) => Map<string, V>,
  none: V,
): KeyedLookup<C, V> {
  const known = new WeakMap<C, Known<V>>();
  return {
    find(container, key) {
      let k = known.get(container);
      if (k === undefined) {
        k = { byKey: new Map(), complete: false, walks: 0 };
        known.set(container, k);
      }
      const found = k.byKey.get(key);
      if (found !== undefined || k.complete) return found ?? none;
      if (++k.walks > WALKS_BEFORE_INDEXING) {
        k.byKey = indexAll(container);
        k.complete = true;
        return k.byKey.get(key) ?? none;
      }
      const value = walk(container, key);
      k.byKey.set(key, value);
      return value;
    },
    carry(from, to) {
      const k = known.get(from);
      if (k === undefined || from === to) return;
      // A complete index is shared as it is; a few keys' findings are copied, so the walks the
      // next revision makes are counted afresh.
      known.set(to, k.complete ? k : { byKey: new Map(k.byKey), complete: false, walks: 0 });
    },
  };
}

const NONE: readonly number[] = [];

/** `keyOf` gives an item's key, or undefined for an item no one looks up. */
export function positionIndex<T>(keyOf: (item: T) => string | undefined): PositionIndex<T> {
  return keyedLookup<readonly T[], readonly number[]>(
    (list, key) => {
      const at: number[] = [];
      for (let i = 0; i < list.length; i++) if (keyOf(list[i] as T) === key) at.push(i);
      return at.length === 0 ? NONE : at;
    },
    (list) => {
      const byKey = new Map<string, number[]>();
      for (let i = 0; i < list.length; i++) {
        const key = keyOf(list[i] as T);
        if (key === undefined) continue;
        const at = byKey.get(key);
        if (at === undefined) byKey.set(key, [i]);
        else at.push(i);
      }
      return byKey;
    },
    NONE,
  );
}

/** The positions of `key` in `list`, or none. */
export function positionsOf<T>(
  index: PositionIndex<T>,
  list: readonly T[],
  key: string,
): readonly number[] {
  return index.find(list, key);
}
