/**
 * The index of revision n with the objects an edit replaced swapped in (same keys, kinds,
 * namespaces): what the incremental pass resolves revision n+1 against.
 *
 * Two ways, by how many were replaced. A keystroke inside a few objects patches the lists where
 * those objects sit (found by key through positions.ts) and layers the key map (ReplacedMap), so
 * nothing of size n is built but one memory copy per list. Lines added or removed replace every
 * object after the edit (each moved to its new lines): at 10,000 objects, looking each one up by
 * key and layering 10,000 replacements (then flattening them) cost more than building the lists
 * and the key map again, so past BULK_AT replacements each list is mapped once, every object
 * swapped by identity.
 */
import type { ResourceKey } from "../api/keys";
import type { ResourceIndex } from "../resolve/indexResources";
import type { Manifest } from "../types";
import { positionIndex, positionsOf } from "./positions";
import { ReplacedMap } from "./replacedMap";

/** Replacements past which the lists and the key map are built again (ReplacedMap flattens too). */
const BULK_AT = 64;

/** Where each key's manifests sit in a list of the index (carried from revision to revision). */
export const manifestPositions = positionIndex<Manifest>((m) => m.key);

/**
 * The objects an edit replaced, by position in revision n's load (`before`) and the new one
 * (`after`): each position of `at` (ascending, distinct) holds a new self of the same key there.
 */
export interface Replacements {
  before: readonly Manifest[];
  after: readonly Manifest[];
  at: readonly number[];
}

export function patchIndex(index: ResourceIndex, replacements: Replacements): ResourceIndex {
  if (replacements.at.length > BULK_AT)
    return swappedInPlace(index, replacements) ?? swappedIndex(index, replacedMap(replacements));
  return patchedIndex(index, replacedMap(replacements));
}

/** Each replaced object of revision n with its new self. */
function replacedMap({ before, after, at }: Replacements): Map<Manifest, Manifest> {
  const replaced = new Map<Manifest, Manifest>();
  for (const i of at) replaced.set(before[i] as Manifest, after[i] as Manifest);
  return replaced;
}

/** A few objects replaced: their lists patched where they sit, the key map layered. */
function patchedIndex(
  index: ResourceIndex,
  replaced: ReadonlyMap<Manifest, Manifest>,
): ResourceIndex {
  const byKeyReplaced = new Map<ResourceKey, Manifest>();
  const kinds = new Set<string>();
  for (const m of replaced.values()) {
    byKeyReplaced.set(m.key, m);
    kinds.add(m.kind);
  }
  const byKind = new Map(index.byKind);
  for (const kind of kinds) {
    const list = index.byKind.get(kind);
    if (list !== undefined) byKind.set(kind, patchList(list, replaced));
  }
  // The world index reads kinds, namespaces and Certificates: a route edited in place leaves it.
  return {
    ...index,
    manifests: patchList(index.manifests, replaced),
    byKey: ReplacedMap.of(index.byKey, byKeyReplaced),
    byKind,
  };
}

/** `list` with each replaced manifest swapped for its new self, found by key. */
function patchList(
  list: readonly Manifest[],
  replaced: ReadonlyMap<Manifest, Manifest>,
): readonly Manifest[] {
  const out = list.slice();
  for (const [before, after] of replaced)
    for (const i of positionsOf(manifestPositions, list, before.key))
      if (out[i] === before) out[i] = after;
  manifestPositions.carry(list, out);
  return out;
}

/** The index with every list and the key map built again, each object swapped by identity. */
function swappedIndex(
  index: ResourceIndex,
  replaced: ReadonlyMap<Manifest, Manifest>,
): ResourceIndex {
  const swap = (m: Manifest): Manifest => replaced.get(m) ?? m;
  // A list none of whose objects was replaced is kept (what is keyed by it stands: backendTlsReach).
  const swapList = (list: readonly Manifest[]): readonly Manifest[] => {
    let out: Manifest[] | undefined;
    for (let i = 0; i < list.length; i++) {
      const m = list[i] as Manifest;
      const after = replaced.get(m);
      if (after === undefined) continue;
      out ??= list.slice();
      out[i] = after;
    }
    if (out === undefined) return list;
    // Same keys at the same positions: what was found in `list` holds for `out`.
    manifestPositions.carry(list, out);
    return out;
  };
  const byKind = new Map<string, readonly Manifest[]>();
  for (const [kind, list] of index.byKind) byKind.set(kind, swapList(list));
  const byKey = new Map<ResourceKey, Manifest>();
  for (const [key, m] of index.byKey) byKey.set(key, swap(m));
  return { ...index, manifests: swapList(index.manifests), byKey, byKind };
}

/**
 * The index with the replacements swapped in by position, when its object list is revision n's
 * load one for one (no duplicate key dropped, so the key map holds each object under its key, in
 * list order); undefined otherwise. Each kind's list is revision n's list in load order, so one
 * walk beside the ascending positions finds every replaced object in it.
 */
export function swappedInPlace(
  index: ResourceIndex,
  { before, after, at }: Replacements,
): ResourceIndex | undefined {
  const list = index.manifests;
  if (list.length !== before.length || index.byKey.size !== list.length) return undefined;
  for (let i = 0; i < list.length; i++) if (list[i] !== before[i]) return undefined;
  const manifests = list.slice();
  for (const i of at) manifests[i] = after[i] as Manifest;
  const byKind = new Map<string, readonly Manifest[]>();
  for (const [kind, ofKind] of index.byKind) {
    const swapped = swappedInKind(kind, ofKind, before, after, at);
    if (swapped === undefined) return undefined;
    byKind.set(kind, swapped);
  }
  // Same keys at the same positions: what was found in `list` holds for `manifests`.
  manifestPositions.carry(list, manifests);
  const byKey = new Map<ResourceKey, Manifest>();
  for (const m of manifests) byKey.set(m.key, m);
  return { ...index, manifests, byKey, byKind };
}

/**
 * A kind's list with its replaced objects swapped in (the very list when none was), or undefined
 * when one is not found in it in load order (the caller then swaps by identity).
 */
function swappedInKind(
  kind: string,
  list: readonly Manifest[],
  before: readonly Manifest[],
  after: readonly Manifest[],
  at: readonly number[],
): readonly Manifest[] | undefined {
  let out: Manifest[] | undefined;
  let k = 0;
  for (const i of at) {
    const was = before[i] as Manifest;
    if (was.kind !== kind) continue;
    while (k < list.length && list[k] !== was) k++;
    if (k === list.length) return undefined;
    out ??= list.slice();
    out[k++] = after[i] as Manifest;
  }
  if (out === undefined) return list;
  manifestPositions.carry(list, out);
  return out;
}
