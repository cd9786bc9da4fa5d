/**
 * What changed between two analyses, as a structural delta the worker posts instead of the whole
 * Analysis (hundreds of kilobytes at 300 documents, cloned twice per keystroke), and the page's
 * side that applies it. Applying keeps every unchanged part of the previous value by identity, so
 * React Flow and the memoized node views skip the nodes a keystroke did not touch.
 *
 * Arrays of objects that carry a unique string `id` (graph nodes and edges) or `key` (objects)
 * are matched by it; other arrays by position, re-aligned over one inserted or removed element.
 * Records (status, effective policies: keyed by object) are patched key by key. The delta is plain
 * data (structured-clone safe); property names come from user manifests, so they are read with
 * Object.hasOwn and written with defineProperty, never through the prototype chain.
 *
 * Pure: no DOM, no worker API, unit-tested in Node. The invariant (applyDelta(a, diffValue(a, b))
 * deep-equals b) is a property test in analysisDelta.test.ts.
 */

export type ValueDelta = ReplaceDelta | ObjectDelta | ArrayDelta;

/** The new value, whole. */
export interface ReplaceDelta {
  t: "v";
  v: unknown;
}

/** A plain object: changed or added properties, removed ones, and the key order when it moved. */
export interface ObjectDelta {
  t: "o";
  set: [key: string, delta: ValueDelta][];
  del: string[];
  /** The new object's own keys in order, when applying set/del in place would not give it. */
  order?: string[];
}

/**
 * An array of length `n`: `copy` runs take previous elements unchanged (by identity), `set`
 * entries build the others, each from the previous element `from` (-1: none) and a delta.
 * `moved` runs take previous elements whose `line` and `endLine` moved by `by`, and `docIndex` by
 * `docs` (0 when left out), and nothing else (lines added or removed above them, a `---` typed or
 * deleted above them: at 10,000 objects, Enter in the first document moved every object's line
 * range, a new `---` every object's document, and listing each one was a megabyte per keystroke).
 */
export interface ArrayDelta {
  t: "a";
  n: number;
  copy: [index: number, from: number, count: number][];
  set: [index: number, from: number, delta: ValueDelta][];
  moved?: MovedRun[];
  /**
   * `ranked` runs take previous elements whose `rank` moved by `by` and nothing else (a route's
   * entry re-ranked in a virtual host moves every entry it passes by one place: at 10,000 routes a
   * path typed in a route without hostnames moved 180 of the catch-all host's 1,000 entries, and
   * pairing them by position sent each one's route, name and match, 43 kB per keystroke).
   */
  ranked?: [index: number, from: number, count: number, by: number][];
}

/** A `moved` run: elements [index, index + count) are previous [from, …) moved (ArrayDelta). */
export type MovedRun =
  | [index: number, from: number, count: number, by: number]
  | [index: number, from: number, count: number, by: number, docs: number];

/**
 * What the producer of `next` knows of a list of it (engine/placeOnlyRuns.ts): at
 * the positions of `runs`, the elements of `from` with at most their place moved.
 */
export type PlaceOnlyHints = (
  next: readonly unknown[],
) => { from: readonly unknown[]; runs: readonly (readonly [number, number])[] } | undefined;

/**
 * The delta from `prev` to `next`, or undefined when they are deep-equal. `hints` tells which
 * elements of a list only moved, so they are not compared key by key (the worker passes what the
 * engine recorded; the result is the same delta).
 */
export function diffValue(
  prev: unknown,
  next: unknown,
  hints?: PlaceOnlyHints,
): ValueDelta | undefined {
  if (Object.is(prev, next)) return undefined;
  if (Array.isArray(prev) && Array.isArray(next)) return diffArray(prev, next, hints);
  if (isPlainObject(prev) && isPlainObject(next)) return diffObject(prev, next, hints);
  return { t: "v", v: next };
}

/**
 * True when `a` and `b` are the same plain data (what structured clone and toEqual compare), in
 * the sense of diffValue: exactly when diffValue(a, b) is undefined (an object's key order counts).
 * It allocates nothing but the key lists, so comparing equal subtrees costs a walk, not a delta.
 */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!deepEqual(a[i], b[i])) return false;
    return true;
  }
  if (!isPlainObject(a) || !isPlainObject(b)) return false;
  const aKeys = Object.keys(a);
  const bKeys = Object.keys(b);
  if (aKeys.length !== bKeys.length) return false;
  for (let i = 0; i < aKeys.length; i++) {
    const key = aKeys[i] as string;
    if (key !== bKeys[i] || !deepEqual(a[key], b[key])) return false;
  }
  return true;
}

/** `prev` turned into the value the delta was computed for; unchanged parts keep their identity. */
export function applyDelta(prev: unknown, delta: ValueDelta | undefined): unknown {
  if (delta === undefined) return prev;
  switch (delta.t) {
    case "v":
      return delta.v;
    case "o":
      return applyObject(isPlainObject(prev) ? prev : {}, delta);
    case "a":
      return applyArray(Array.isArray(prev) ? prev : [], delta);
  }
}

// ------------------------------------------------------------------------------------- objects

type PlainObject = Record<string, unknown>;

function isPlainObject(value: unknown): value is PlainObject {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

function diffObject(
  prev: PlainObject,
  next: PlainObject,
  hints: PlaceOnlyHints | undefined,
): ObjectDelta | undefined {
  const set: ObjectDelta["set"] = [];
  const prevKeys = Object.keys(prev);
  const nextKeys = Object.keys(next);
  for (const key of nextKeys) {
    if (!Object.hasOwn(prev, key)) {
      set.push([key, { t: "v", v: next[key] }]);
      continue;
    }
    const d = diffValue(prev[key], next[key], hints);
    if (d !== undefined) set.push([key, d]);
  }
  // Most objects of a new analysis equal their previous one: nothing set, the same keys in the
  // same order. Say so before building the key order (two sets and a list per object).
  if (set.length === 0 && sameKeys(prevKeys, nextKeys)) return undefined;
  const del = prevKeys.filter((key) => !Object.hasOwn(next, key));
  const inPlace = keysAfter(prevKeys, set, del);
  const moved = !sameKeys(inPlace, nextKeys);
  if (set.length === 0 && del.length === 0 && !moved) return undefined;
  return moved ? { t: "o", set, del, order: nextKeys } : { t: "o", set, del };
}

/** The key order applyObject gives without `order`: the previous keys minus removed, then added. */
function keysAfter(prevKeys: readonly string[], set: ObjectDelta["set"], del: readonly string[]) {
  const removed = new Set(del);
  const kept = new Set(prevKeys);
  const out = prevKeys.filter((k) => !removed.has(k));
  for (const [key] of set) if (!kept.has(key)) out.push(key);
  return out;
}

function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((k, i) => k === b[i]);
}

function applyObject(prev: PlainObject, delta: ObjectDelta): PlainObject {
  const changed = new Map<string, unknown>();
  for (const [key, d] of delta.set)
    changed.set(key, applyDelta(Object.hasOwn(prev, key) ? prev[key] : undefined, d));
  const removed = new Set(delta.del);
  const order = delta.order ?? keysAfter(Object.keys(prev), delta.set, delta.del);
  const out: PlainObject = {};
  for (const key of order) {
    if (removed.has(key) && !changed.has(key)) continue;
    define(out, key, changed.has(key) ? changed.get(key) : prev[key]);
  }
  return out;
}

/** An own data property, even for a name like `__proto__` that assignment would not create. */
function define(target: PlainObject, key: string, value: unknown): void {
  if (key === "__proto__")
    Object.defineProperty(target, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  else target[key] = value;
}

// -------------------------------------------------------------------------------------- arrays

function diffArray(
  prev: readonly unknown[],
  next: readonly unknown[],
  hints: PlaceOnlyHints | undefined,
): ArrayDelta | undefined {
  const hint = prev.length === next.length && prev.length > 0 ? hints?.(next) : undefined;
  const placeOnly = hint?.from === prev ? hint.runs : undefined;
  const pairs =
    placeOnly !== undefined
      ? pairAtPositions(prev, next)
      : (pairInPlace(prev, next) ?? pairByIdentity(prev, next) ?? pairByPosition(prev, next));
  // The hinted run at or after `i` (runs ascend).
  let r = 0;
  const copy: ArrayDelta["copy"] = [];
  const set: ArrayDelta["set"] = [];
  const moved: NonNullable<ArrayDelta["moved"]> = [];
  const ranked: NonNullable<ArrayDelta["ranked"]> = [];
  let unchanged = prev.length === next.length;
  for (let i = 0; i < next.length; i++) {
    const from = pairs.from[i] ?? -1;
    const paired = from >= 0 && pairs.equal[i] !== true;
    while (placeOnly !== undefined && r < placeOnly.length && runEnd(placeOnly[r]) <= i) r++;
    const hinted = placeOnly !== undefined && (placeOnly[r]?.[0] ?? Infinity) <= i;
    const place = !paired
      ? undefined
      : hinted
        ? placeMoved(prev[from], next[i])
        : placeMovedBy(prev[from], next[i]);
    const rankBy = paired && place === undefined ? rankMovedBy(prev[from], next[i]) : 0;
    if (place !== undefined) {
      unchanged = false;
      extendRun(moved, i, from, place[0], place[1]);
      continue;
    }
    if (rankBy !== 0) {
      unchanged = false;
      extendRun(ranked, i, from, rankBy);
      continue;
    }
    const d =
      from < 0
        ? { t: "v" as const, v: next[i] }
        : pairs.equal[i] === true
          ? undefined
          : diffValue(prev[from], next[i], hints);
    if (d !== undefined) {
      set.push([i, from, d]);
      unchanged = false;
      continue;
    }
    if (from !== i) unchanged = false;
    const run = copy[copy.length - 1];
    if (run && run[0] + run[2] === i && run[1] + run[2] === from) run[2]++;
    else copy.push([i, from, 1]);
  }
  if (unchanged) return undefined;
  const delta: ArrayDelta = { t: "a", n: next.length, copy, set };
  if (moved.length > 0) delta.moved = moved;
  if (ranked.length > 0) delta.ranked = ranked;
  return delta;
}

/** Element `i`, from `from`, moved by `by` (and `docs`): the last run grown when it continues it. */
function extendRun(runs: MovedRun[], i: number, from: number, by: number, docs = 0) {
  const run = runs[runs.length - 1];
  if (
    run &&
    run[0] + run[2] === i &&
    run[1] + run[2] === from &&
    run[3] === by &&
    (run[4] ?? 0) === docs
  )
    run[2]++;
  else runs.push(docs === 0 ? [i, from, 1, by] : [i, from, 1, by, docs]);
}

/**
 * How many lines `next` lies below `prev` (negative: above) and how many documents further on,
 * when that is all that tells them apart: the same keys in the same order, the same values by
 * identity but for `line` and `endLine` (both moved by the same count) and `docIndex`, and not
 * both counts 0. Undefined otherwise.
 */
function placeMovedBy(prev: unknown, next: unknown): [number, number] | undefined {
  const place = placeMoved(prev, next);
  return place !== undefined &&
    sameApartFrom(prev as PlainObject, next as PlainObject, PLACE_FIELDS, Object.is)
    ? place
    : undefined;
}

/**
 * How many lines and documents `next` lies from `prev` (as placeMovedBy), reading only those
 * numbers: what an element known to differ only by its place (PlaceOnlyHints) needs.
 */
function placeMoved(prev: unknown, next: unknown): [number, number] | undefined {
  if (!isPlainObject(prev) || !isPlainObject(next)) return undefined;
  const { line, endLine, docIndex } = prev;
  if (typeof line !== "number" || typeof endLine !== "number") return undefined;
  const by = (next.line as number) - line;
  if (!Number.isInteger(by) || (next.endLine as number) - endLine !== by) return undefined;
  const docs = typeof docIndex === "number" ? (next.docIndex as number) - docIndex : 0;
  if (!Number.isInteger(docs) || (by === 0 && docs === 0)) return undefined;
  return [by, docs];
}

function runEnd(run: readonly [number, number] | undefined): number {
  return run === undefined ? Infinity : run[0] + run[1];
}

/**
 * How many places `next`'s `rank` lies from `prev`'s when that is all that tells them apart (the
 * other properties deep-equal, in the same order): 0 otherwise.
 */
function rankMovedBy(prev: unknown, next: unknown): number {
  if (!isPlainObject(prev) || !isPlainObject(next)) return 0;
  const rank = prev.rank;
  if (typeof rank !== "number" || typeof next.rank !== "number") return 0;
  const by = next.rank - rank;
  if (by === 0 || !Number.isInteger(by)) return 0;
  return sameApartFrom(prev, next, RANK_FIELDS, deepEqual) ? by : 0;
}

/** The same keys in the same order, each value `alike` but those of `fields`. */
function sameApartFrom(
  prev: PlainObject,
  next: PlainObject,
  fields: readonly string[],
  alike: (a: unknown, b: unknown) => boolean,
): boolean {
  const keys = Object.keys(prev);
  const nextKeys = Object.keys(next);
  if (keys.length !== nextKeys.length) return false;
  for (let k = 0; k < keys.length; k++) {
    const key = keys[k] as string;
    if (key !== nextKeys[k]) return false;
    if (!fields.includes(key) && !alike(prev[key], next[key])) return false;
  }
  return true;
}

/** `item` with each of `fields` (numbers) moved by `by`, its other properties as they were. */
function withMoved(item: unknown, fields: readonly string[], by: number): unknown {
  const moved = { ...(item as PlainObject) };
  for (const field of fields) moved[field] = (moved[field] as number) + by;
  return moved;
}

const LINE_FIELDS = ["line", "endLine"];
const PLACE_FIELDS = ["line", "endLine", "docIndex"];
const RANK_FIELDS = ["rank"];

/** The field that names each element, when every element of both arrays has a unique string one. */
const IDENTITY_FIELDS = ["id", "key"] as const;

/** For each element of `next`, the index of its previous element (-1: new), and which are known equal. */
interface Pairs {
  from: number[];
  equal: boolean[];
}

/**
 * Position by position, when the two arrays differ only by elements replaced where they sat, each
 * by one with the same id (a keystroke's revision: the engine patches its lists in place). Proven
 * by comparing references and, where they differ, the two ids: no map of every id is built (at
 * 10,000 routes the graph's 70,000 edges cost two such maps per keystroke, most of the diff).
 */
function pairInPlace(prev: readonly unknown[], next: readonly unknown[]): Pairs | undefined {
  if (prev.length !== next.length || prev.length === 0) return undefined;
  const from: number[] = [];
  const equal: boolean[] = [];
  for (let i = 0; i < next.length; i++) {
    const same = prev[i] === next[i];
    if (!same && !sameIdentity(prev[i], next[i])) return undefined;
    from.push(i);
    equal.push(same);
  }
  return { from, equal };
}

/** Position by position (same length), equal where the very element stands. */
function pairAtPositions(prev: readonly unknown[], next: readonly unknown[]): Pairs {
  const from: number[] = [];
  const equal: boolean[] = [];
  for (let i = 0; i < next.length; i++) {
    from.push(i);
    equal.push(prev[i] === next[i]);
  }
  return { from, equal };
}

/** Both plain objects named alike by the same identity field (a string `id`, else `key`). */
function sameIdentity(a: unknown, b: unknown): boolean {
  if (!isPlainObject(a) || !isPlainObject(b)) return false;
  for (const field of IDENTITY_FIELDS) {
    const had = Object.hasOwn(a, field);
    if (had !== Object.hasOwn(b, field)) return false;
    if (!had) continue;
    const name = a[field];
    return typeof name === "string" && name === b[field];
  }
  return false;
}

function pairByIdentity(prev: readonly unknown[], next: readonly unknown[]): Pairs | undefined {
  if (prev.length === 0 || next.length === 0) return undefined;
  for (const field of IDENTITY_FIELDS) {
    const before = indexBy(prev, field);
    if (before === undefined || indexBy(next, field) === undefined) continue;
    return {
      from: next.map((item) => before.get((item as PlainObject)[field] as string) ?? -1),
      equal: [],
    };
  }
  return undefined;
}

function indexBy(items: readonly unknown[], field: string): Map<string, number> | undefined {
  const index = new Map<string, number>();
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (!isPlainObject(item) || !Object.hasOwn(item, field)) return undefined;
    const name = item[field];
    if (typeof name !== "string" || index.has(name)) return undefined;
    index.set(name, i);
  }
  return index;
}

/**
 * Position by position, re-aligning when one element was inserted or removed (a new diagnostic
 * shifts the rest of the list by one: they are still copied, not re-sent).
 */
function pairByPosition(prev: readonly unknown[], next: readonly unknown[]): Pairs {
  const from: number[] = [];
  const equal: boolean[] = [];
  let j = 0;
  // Equal, or equal but for a rank moved (an element ranked in or out above it: rankMovedBy).
  const alike = (a: unknown, b: unknown): Alike =>
    deepEqual(a, b) ? "equal" : rankMovedBy(a, b) !== 0 ? "reranked" : undefined;
  for (let i = 0; i < next.length; i++) {
    const here = j < prev.length ? alike(prev[j], next[i]) : undefined;
    const skipped =
      here === undefined && j + 1 < prev.length ? alike(prev[j + 1], next[i]) : undefined;
    if (here !== undefined) {
      from.push(j++);
      equal.push(here === "equal");
    } else if (skipped !== undefined) {
      // prev[j] was removed.
      from.push(j + 1);
      equal.push(skipped === "equal");
      j += 2;
    } else if (
      j < prev.length &&
      i + 1 < next.length &&
      alike(prev[j], next[i + 1]) !== undefined
    ) {
      // next[i] was inserted: prev[j] pairs with next[i + 1].
      from.push(-1);
      equal.push(false);
    } else {
      from.push(j < prev.length ? j++ : -1);
      equal.push(false);
    }
  }
  return { from, equal };
}

type Alike = "equal" | "reranked" | undefined;

function applyArray(prev: readonly unknown[], delta: ArrayDelta): unknown[] {
  const out = new Array<unknown>(delta.n);
  for (const [index, from, count] of delta.copy)
    for (let k = 0; k < count; k++) out[index + k] = prev[from + k];
  for (const [index, from, d] of delta.set)
    out[index] = applyDelta(from >= 0 ? prev[from] : undefined, d);
  for (const [index, from, count, by, docs] of delta.moved ?? [])
    for (let k = 0; k < count; k++) {
      const moved = withMoved(prev[from + k], LINE_FIELDS, by) as PlainObject;
      if (docs !== undefined) moved.docIndex = (moved.docIndex as number) + docs;
      out[index + k] = moved;
    }
  for (const [index, from, count, by] of delta.ranked ?? [])
    for (let k = 0; k < count; k++) out[index + k] = withMoved(prev[from + k], RANK_FIELDS, by);
  return out;
}
