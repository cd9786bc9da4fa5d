/**
 * `target.push(...items)` passes every item as a call argument, and engines cap the arguments of
 * one call (about 120,000 in V8's Node, fewer in a browser worker): 150,000 documents or list items
 * would overflow the stack. A loop has no such limit. Lint forbids the spread form in src/ and cli/.
 */
export function appendAll<T>(target: T[], items: Iterable<T>): T[] {
  // An indexed loop over a list: for…of allocates an iterator result per item until the engine
  // optimizes the caller, and most callers run once per analysis over thousands of items.
  if (Array.isArray(items)) {
    const list = items as readonly T[];
    for (let i = 0; i < list.length; i++) target.push(list[i] as T);
  } else for (const item of items) target.push(item);
  return target;
}
