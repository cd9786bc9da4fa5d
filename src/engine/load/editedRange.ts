/**
 * Where a file's text changed between two loads: the longest common prefix and suffix of the old
 * and new text leave one edited range, which a keystroke, a paste or a deleted document all are.
 * The loader re-reads only the documents around that range (loadManifests.ts); every document
 * wholly before or after it is the same text, so its parse and objects are reused.
 *
 * The comparison runs on blocks (string equality of slices compares memory, with no per-character
 * JavaScript loop), then per character inside the first differing block.
 */

export interface EditedRange {
  /** Characters the texts share at the start. */
  prefix: number;
  /** Characters the texts share at the end, not overlapping the prefix in either text. */
  suffix: number;
}

const BLOCK = 4096;

export function editedRange(before: string, after: string): EditedRange {
  const limit = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix < limit) {
    const size = Math.min(BLOCK, limit - prefix);
    if (before.slice(prefix, prefix + size) === after.slice(prefix, prefix + size)) {
      prefix += size;
      continue;
    }
    while (before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
    break;
  }
  // The suffix may not reach into the prefix of either text (an inserted copy of a neighbour).
  const room = limit - prefix;
  let suffix = 0;
  while (suffix < room) {
    const size = Math.min(BLOCK, room - suffix);
    const b = before.length - suffix;
    const a = after.length - suffix;
    if (before.slice(b - size, b) === after.slice(a - size, a)) {
      suffix += size;
      continue;
    }
    while (
      suffix < room &&
      before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)
    )
      suffix++;
    break;
  }
  return { prefix, suffix };
}
