/**
 * A map of revision n with a few values replaced, for revision n+1, without copying it: a
 * keystroke at 10,000 objects should not copy 10,000 entries. Reads see the replacements; the
 * keys and their order are the base's (a replacement never adds a key). Revision n's map is
 * never changed.
 *
 * Each revision layers its replacements over the same base; when they grow past FLATTEN_AT, the
 * map is copied once into a plain Map, so lookups stay two map reads at most.
 */
const FLATTEN_AT = 64;

export class ReplacedMap<K, V> implements ReadonlyMap<K, V> {
  private constructor(
    private readonly base: ReadonlyMap<K, V>,
    private readonly replaced: ReadonlyMap<K, V>,
  ) {}

  /**
   * `map` with `replacements` (each key already in `map`) read in place of its values. Keys not
   * in `map` are ignored: the caller replaces objects, it never adds any.
   */
  static of<K, V>(map: ReadonlyMap<K, V>, replacements: ReadonlyMap<K, V>): ReadonlyMap<K, V> {
    const base = map instanceof ReplacedMap ? (map.base as ReadonlyMap<K, V>) : map;
    const replaced = new Map<K, V>(map instanceof ReplacedMap ? map.replaced : []);
    for (const [k, v] of replacements) if (base.has(k)) replaced.set(k, v);
    if (replaced.size > FLATTEN_AT) {
      const flat = new Map(base);
      for (const [k, v] of replaced) flat.set(k, v);
      return flat;
    }
    return new ReplacedMap(base, replaced);
  }

  get size(): number {
    return this.base.size;
  }
  get(key: K): V | undefined {
    return this.replaced.has(key) ? this.replaced.get(key) : this.base.get(key);
  }
  has(key: K): boolean {
    return this.base.has(key);
  }
  forEach(fn: (value: V, key: K, map: ReadonlyMap<K, V>) => void, thisArg?: unknown): void {
    for (const [k, v] of this.entries()) fn.call(thisArg, v, k, this);
  }
  *entries(): MapIterator<[K, V]> {
    for (const [k, v] of this.base)
      yield [k, this.replaced.has(k) ? (this.replaced.get(k) as V) : v];
  }
  keys(): MapIterator<K> {
    return this.base.keys();
  }
  *values(): MapIterator<V> {
    for (const [, v] of this.entries()) yield v;
  }
  [Symbol.iterator](): MapIterator<[K, V]> {
    return this.entries();
  }
}
