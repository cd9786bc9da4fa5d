/**
 * Objects keyed by strings the user wrote (header names, label keys, protocols, backend names):
 * without a prototype, so `table['constructor']`, `table['toString']` or `table['__proto__']` is
 * an ordinary missing or own key, never a function or a prototype swap.
 */
export function dict<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

/** A fixed lookup table without a prototype; looking up a key it lacks gives undefined. */
export function lookupTable<T>(
  entries: Record<string, T>,
): Readonly<Record<string, T | undefined>> {
  return Object.freeze(Object.assign(dict<T>(), entries));
}
