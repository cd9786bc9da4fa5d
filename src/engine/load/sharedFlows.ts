/**
 * One value per one-line flow collection within a load, found before the collection is read.
 * Workspaces repeat the same `{name: backend-a, port: 8080}` in thousands of rules: read afresh
 * each time, each is an object of its own (56 bytes, more for a list) kept for the whole analysis
 * and copied by every garbage collection it survives. Loaded values are only read, never changed
 * (parseCache.test.ts freezes them and analyses again), so one value can serve them all.
 *
 * The key is the rest of the line from the opening bracket: the quick reader (quickParse.ts) reads
 * a collection from its own characters alone (not its column or what comes before it), so the same
 * line text gives the same value and the same end, and a repeat costs a hash and a comparison
 * instead of a read. Keying on the line, not on the collection, is what lets the lookup come
 * first: the collection's end is known only after reading it (last session's version hashed after
 * reading, and paid a hash and a copy of the text for every collection that never repeats).
 *
 * Like scalarAt's table: direct-mapped (a slot holds the last line hashed to it, so the table is
 * bounded and one-off lines only evict each other), compared in place against the text it was
 * read from (neither a hit nor a miss allocates), and emptied when a load ends (forgetFlows) so it
 * keeps no text or value alive.
 */

const FLOW_SLOTS = 4096;
/** Longer lines are rarely repeated; comparing them would cost more than it saves. */
const MAX_LINE_LENGTH = 256;

/** Per slot: the text a collection was read from, where, its line's and its own length. */
const slotTexts: (string | undefined)[] = new Array<string | undefined>(FLOW_SLOTS).fill(undefined);
const slotStarts = new Int32Array(FLOW_SLOTS);
const slotLineLengths = new Int32Array(FLOW_SLOTS);
const slotFlowLengths = new Int32Array(FLOW_SLOTS);
/** An upper bound of the collection's nesting: its count of opening brackets. */
const slotOpenings = new Int32Array(FLOW_SLOTS);
const slotValues: unknown[] = new Array<unknown>(FLOW_SLOTS).fill(undefined);

/** The slot the last findFlow hashed to (-1: the line is too long to share). */
let lastSlot = -1;
let lastLineLength = 0;

/** Where the flow collection found by the last successful findFlow ends (after its bracket). */
export let foundFlowEnd = 0;

/**
 * The value of the flow collection at `text[start]` if a collection on a line of the same text was
 * read in this load, and could be read again at a nesting of at most `maxNesting` levels (deeper
 * ones are the reader's to give up on). `undefined` when none was: read it, then rememberFlow.
 */
export function findFlow(text: string, start: number, maxNesting: number): unknown {
  let lineEnd = text.indexOf("\n", start);
  if (lineEnd < 0) lineEnd = text.length;
  const length = lineEnd - start;
  if (length > MAX_LINE_LENGTH) {
    lastSlot = -1;
    return undefined;
  }
  let h = 0x811c9dc5;
  for (let i = start; i < lineEnd; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  const slot = (h ^ (h >>> 15)) & (FLOW_SLOTS - 1);
  lastSlot = slot;
  lastLineLength = length;
  const known = slotTexts[slot];
  if (
    known === undefined ||
    slotLineLengths[slot] !== length ||
    (slotOpenings[slot] as number) > maxNesting ||
    !sameRange(text, start, known, slotStarts[slot] as number, length)
  )
    return undefined;
  foundFlowEnd = start + (slotFlowLengths[slot] as number);
  return slotValues[slot];
}

/** Keeps the collection just read at `text[start, end)` for the line the last findFlow hashed. */
export function rememberFlow(text: string, start: number, end: number, value: unknown): void {
  const slot = lastSlot;
  if (slot < 0) return;
  let openings = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 91 || c === 123) openings++;
  }
  slotTexts[slot] = text;
  slotStarts[slot] = start;
  slotLineLengths[slot] = lastLineLength;
  slotFlowLengths[slot] = end - start;
  slotOpenings[slot] = openings;
  slotValues[slot] = value;
}

/**
 * Whether `a` from `aStart` and `b` from `bStart` hold the same `length` characters. A loop: for
 * strings this short it is several times faster than slicing or startsWith.
 */
function sameRange(a: string, aStart: number, b: string, bStart: number, length: number): boolean {
  for (let i = 0; i < length; i++)
    if (a.charCodeAt(aStart + i) !== b.charCodeAt(bStart + i)) return false;
  return true;
}

/** Empties the table: it holds the loaded texts, and its values belong to the load. */
export function forgetFlows(): void {
  slotTexts.fill(undefined);
  slotValues.fill(undefined);
  lastSlot = -1;
}
