/**
 * `target.push(...items)` passes every item as a call argument, and engines cap the arguments of
 * one call (about 120,000 in V8's Node, fewer in a browser worker): 150,000 documents or list items
 * would overflow the stack. A loop has no such limit. Lint forbids the spread form in src/ and cli/.
 */
export function appendAll<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}
