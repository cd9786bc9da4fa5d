/**
 * Where a file's text changed between two loads: the longest common prefix and suffix of the old
 * and new text leave one edited range, which a keystroke, a paste or a deleted document all are.
 * The loader re-reads only the documents around that range (loadManifests.ts); every document
 * wholly before or after it is the same text, so its parse and objects are reused.
 *
 * The comparison runs on blocks (string equality of slices compares memory, with no per-character
 * JavaScript loop). Blocks double while they match, so a 100 MB workspace edited in its middle
 * takes a few dozen comparisons, not tens of thousands; the block that differs is halved until
 * the difference is within a short run, which is then walked character by character.
 */

export interface EditedRange {
  /** Characters the texts share at the start. */
  prefix: number;
  /** Characters the texts share at the end, not overlapping the prefix in either text. */
  suffix: number;
}

/** The first block compared: a keystroke near the start of a small file costs one comparison. */
const FIRST_BLOCK = 4096;
/** Blocks stop doubling here: the block holding the edit is halved again, so its size is paid. */
const MAX_BLOCK = 1 << 20;
/** A differing run this short is walked character by character. */
const WALK = 64;

export function editedRange(before: string, after: string): EditedRange {
  const limit = Math.min(before.length, after.length);
  const prefix = commonRun(limit, (at, size) => {
    return before.slice(at, at + size) === after.slice(at, at + size);
  });
  // The suffix may not reach into the prefix of either text (an inserted copy of a neighbour).
  const suffix = commonRun(limit - prefix, (at, size) => {
    const b = before.length - at;
    const a = after.length - at;
    return before.slice(b - size, b) === after.slice(a - size, a);
  });
  return { prefix, suffix };
}

/**
 * How many leading positions (at most `limit`) two texts share, given `same(at, size)`: whether
 * the `size` positions from `at` (counted from the texts' start, or from their end) are equal.
 */
function commonRun(limit: number, same: (at: number, size: number) => boolean): number {
  let at = 0;
  let block = FIRST_BLOCK;
  while (at < limit) {
    let size = Math.min(block, limit - at);
    if (same(at, size)) {
      at += size;
      if (block < MAX_BLOCK) block *= 2;
      continue;
    }
    // The first difference lies in [at, at + size): keep the half that holds it.
    while (size > WALK) {
      const half = size >> 1;
      if (same(at, half)) {
        at += half;
        size -= half;
      } else size = half;
    }
    while (size > 0 && same(at, 1)) {
      at++;
      size--;
    }
    return at;
  }
  return limit;
}
