/**
 * A 30-bit string hash for the router's path indexes. Probing a Map with slices of the request
 * path would allocate a string per probe and hash it again; hashing the path once, left to right,
 * yields the hash of every "/"-bounded prefix on the way. Collisions are harmless: every hit is
 * verified against the candidate's own path value. The hash is kept to 30 bits so it is always a
 * small integer (Smi) in V8: a full 32-bit value would be boxed as a heap number on every probe.
 */
const OFFSET = 0x811c9dc5 | 0;
const PRIME = 0x01000193;
const SMI_MASK = 0x3fffffff;

export function hashPath(s: string): number {
  let h = OFFSET;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), PRIME);
  return h & SMI_MASK;
}

/**
 * The hashes one request path needs, computed in a single pass and kept in reusable typed arrays
 * so the fast path allocates nothing: `full` is hashPath(path) (for Exact candidates); `hashes`
 * and `lengths` hold the element-wise prefixes, SHORTEST first, so probe from `count - 1` down
 * for longest first: "" (the prefix of "/"), the path up to each "/" after the first character,
 * then the whole path when it does not end in "/".
 */
export class PathProbes {
  hashes = new Int32Array(64);
  lengths = new Int32Array(64);
  count = 0;
  full = 0;

  /**
   * compute() for a raw request path, in the same pass that checks it needs no further work: it
   * starts with "/" and holds no "?", "#", "%", "//" or "/." (no query or fragment to split off,
   * nothing normalizePath would change). Returns false, with the probes unset, when it does: the
   * caller splits and normalizes, then calls compute().
   */
  scan(raw: string): boolean {
    return raw.charCodeAt(0) === 47 && this.hash(raw, true);
  }

  compute(path: string): void {
    this.hash(path, false);
  }

  private hash(path: string, strict: boolean): boolean {
    const length = path.length;
    if (this.hashes.length < length + 2) {
      this.hashes = new Int32Array(length + 2);
      this.lengths = new Int32Array(length + 2);
    }
    const hashes = this.hashes;
    const lengths = this.lengths;
    let h = OFFSET;
    hashes[0] = OFFSET & SMI_MASK;
    lengths[0] = 0;
    let n = 1;
    let previous = 0;
    for (let i = 0; i < length; i++) {
      const c = path.charCodeAt(i);
      if (c === 47) {
        if (strict && previous === 47) return false; // "//"
        if (i > 0) {
          lengths[n] = i;
          hashes[n++] = h & SMI_MASK;
        }
      } else if (strict && (c === 63 || c === 35 || c === 37 || (c === 46 && previous === 47))) {
        return false; // "?", "#", "%", "/."
      }
      previous = c;
      h = Math.imul(h ^ c, PRIME);
    }
    this.full = h & SMI_MASK;
    if (length > 0 && previous !== 47) {
      lengths[n] = length;
      hashes[n++] = this.full;
    }
    this.count = n;
    return true;
  }
}
