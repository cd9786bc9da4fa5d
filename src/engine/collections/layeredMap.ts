/**
 * A map that starts from another load's without copying it: reads fall through to the map it
 * was started from (its base) unless this one set or deleted the key since. A keystroke at
 * 100,000 documents changes one or two entries; copying the other 99,998 cost more than the rest
 * of the keystroke's loading.
 *
 * The base is never written: each map writes to its own layer. When that layer grows large, it is
 * folded with the base into a new base, which both the map handed on and the new one read from.
 */
const REMOVED: unique symbol = Symbol("removed");

/** Own entries past this many are folded into a new base when the map is handed on. */
const FOLD_AT = 1024;

export class LayeredMap<K, V> {
  private constructor(
    private base: ReadonlyMap<K, V>,
    private own: Map<K, V | typeof REMOVED>,
  ) {}

  static empty<K, V>(): LayeredMap<K, V> {
    return new LayeredMap<K, V>(new Map(), new Map());
  }

  /** A map reading as `from` reads now, which later writes to either do not reach. */
  static startingFrom<K, V>(from: LayeredMap<K, V>): LayeredMap<K, V> {
    if (from.own.size <= FOLD_AT) return new LayeredMap(from.base, new Map(from.own));
    // Its own entries become the base when it had no base to speak of (a file loaded whole):
    // nothing is copied. Otherwise the two layers are folded into one, once per FOLD_AT writes.
    let base: Map<K, V>;
    if (from.base.size === 0 && !hasRemoved(from.own)) base = from.own as Map<K, V>;
    else {
      base = new Map<K, V>();
      for (const [k, v] of from.entries()) base.set(k, v);
    }
    // `from` reads the same through the new base, and writes to a layer of its own again.
    from.base = base;
    from.own = new Map();
    return new LayeredMap(base, new Map());
  }

  get(key: K): V | undefined {
    const mine = this.own.get(key);
    if (mine !== undefined) return mine === REMOVED ? undefined : mine;
    return this.own.has(key) ? undefined : this.base.get(key);
  }

  set(key: K, value: V): void {
    this.own.set(key, value);
  }

  delete(key: K): void {
    this.own.set(key, REMOVED);
  }

  /** Every entry, the base's in its order first, then keys only this map added. */
  *entries(): Generator<[K, V]> {
    for (const [k, v] of this.base) {
      if (!this.own.has(k)) yield [k, v];
      else {
        const mine = this.own.get(k);
        if (mine !== REMOVED) yield [k, mine as V];
      }
    }
    for (const [k, v] of this.own) if (v !== REMOVED && !this.base.has(k)) yield [k, v];
  }
}

function hasRemoved<K, V>(own: ReadonlyMap<K, V | typeof REMOVED>): boolean {
  for (const v of own.values()) if (v === REMOVED) return true;
  return false;
}
