import {
  curveCrossesBox,
  curvesBounds,
  mayCrossBox,
  routeLane,
  type Anchor,
  type Box,
  type BoxIndex,
  type Curve,
} from "./edgeGeometry";

/** How an edge's lane is found around obstacles: edgeGeometry's routeLane (tests count its calls). */
export type LaneRouter = typeof routeLane;

/** More changed boxes than this between two arrangements (a new layout, an import): start over. */
const MAX_CHANGED_BOXES = 64;

/**
 * clearLane's answers, kept while the boxes they were routed around stay put. Every analysis
 * rebuilds the canvas's elements, and routing each edge around the nodes afresh was most of that
 * work at 300 documents, though a keystroke changes at most a node or two (a failing route grows a
 * reason line). An answer depends only on its edge (anchors, lane, ends) and on the boxes that
 * take in a sample of the curves it tried (routeLane), so a new arrangement forgets only the
 * answers a moved, resized, added or removed box crosses that way, before or after the change
 * (for a box that moved one side only, the strip that side swept: movedRegions).
 * (Bounds would not do: an edge from a gateway at the top to a route far down has a bounding box
 * over most of the canvas.)
 */
export class LaneCache {
  /** The arrangement the kept answers hold for, by node id; undefined: nothing can be kept. */
  private boxes: Map<string, Box> | undefined = new Map();
  private readonly answers = new Map<string, KnownLane>();
  /** Bumped whenever every kept answer is forgotten at once, so answers handed out lapse (holds). */
  private era = 0;
  /** The list last given to arrange. */
  private arranged: readonly Box[] = [];

  constructor(
    private readonly route: LaneRouter = routeLane,
    /** Bounds the memory when edges come and go within one arrangement. */
    private readonly maxEntries = 50_000,
  ) {}

  /** The boxes the next lanes are routed around; answers a change in them may alter are forgotten. */
  arrange(boxes: readonly Box[]): void {
    // The very box objects of last time (toFlowElements keeps one per unchanged node): nothing moved.
    if (this.boxes !== undefined && sameObjects(this.arranged, boxes)) return;
    this.arranged = boxes;
    const next = new Map<string, Box>();
    for (const box of boxes) {
      // Boxes are told apart by id; without one (or with a repeated one) nothing is kept.
      if (box.id === undefined || next.has(box.id)) {
        this.boxes = undefined;
        this.forgetAll();
        return;
      }
      next.set(box.id, box);
    }
    const previous = this.boxes;
    this.boxes = next;
    if (previous === undefined) return this.forgetAll();
    const changed: Box[] = [];
    for (const [id, box] of next) {
      const old = previous.get(id);
      if (old === undefined) changed.push(box);
      else if (old !== box && !sameBox(old, box))
        for (const region of movedRegions(old, box)) changed.push(region);
    }
    for (const [id, old] of previous) if (!next.has(id)) changed.push(old);
    if (changed.length === 0) return;
    if (changed.length > MAX_CHANGED_BOXES) return this.forgetAll();
    for (const [key, known] of this.answers)
      if (
        changed.some(
          (box) =>
            mayCrossBox(known.bounds, box) &&
            known.tried.some((curve) => curveCrossesBox(curve, box)),
        )
      ) {
        this.answers.delete(key);
        known.forgotten = true;
      }
  }

  /**
   * clearLane's answer for an edge around the arranged boxes (`obstacles` must index exactly the
   * boxes last given to arrange; it is only read when the answer is not known yet).
   */
  clearLane(
    from: Anchor,
    to: Anchor,
    lane: number,
    obstacles: () => readonly Box[] | BoxIndex,
    ends: readonly string[],
  ): number {
    return this.laneAnswer(from, to, lane, obstacles, ends).lane;
  }

  /**
   * clearLane's answer as a token a caller may keep for the same edge (same anchors, lane and
   * ends): while `holds(token)`, a later arrangement has not changed it, so the caller can skip
   * building the edge's key and looking it up (toFlowElements does, per flow edge object).
   */
  laneAnswer(
    from: Anchor,
    to: Anchor,
    lane: number,
    obstacles: () => readonly Box[] | BoxIndex,
    ends: readonly string[],
  ): LaneAnswer {
    if (this.boxes === undefined)
      return { lane: this.route(from, to, lane, obstacles(), ends).lane, era: -1 };
    const key = laneKey(from, to, lane, ends);
    const known = this.answers.get(key);
    if (known !== undefined) return known;
    const answer = this.route(from, to, lane, obstacles(), ends);
    if (this.answers.size >= this.maxEntries) this.forgetAll();
    const kept: KnownLane = {
      lane: answer.lane,
      tried: answer.tried,
      bounds: curvesBounds(answer.tried),
      era: this.era,
      forgotten: false,
    };
    this.answers.set(key, kept);
    return kept;
  }

  /** True while a token laneAnswer gave still holds for the boxes last given to arrange. */
  holds(answer: LaneAnswer): boolean {
    return answer.era === this.era && answer.forgotten === false;
  }

  private forgetAll(): void {
    this.answers.clear();
    this.era += 1;
  }
}

/** A lane clearLane found, as laneAnswer hands it out (see holds). */
export interface LaneAnswer {
  readonly lane: number;
  /** The forgetAll era it was kept in; -1: never kept (nothing could be cached). */
  readonly era: number;
  readonly forgotten?: boolean;
}

interface KnownLane {
  lane: number;
  tried: readonly Curve[];
  /** The tried curves' bounds: a changed box clear of them needs no closer look (arrange). */
  bounds: Box;
  era: number;
  /** Dropped by arrange: a changed box may alter it. */
  forgotten: boolean;
}

/**
 * One edge's cache key: its anchors, lane and ends. Built per edge on every analysis, so plain
 * concatenation rather than JSON; the ends are length-prefixed, so no id can pass for another.
 */
function laneKey(from: Anchor, to: Anchor, lane: number, ends: readonly string[]): string {
  let key = `${from.x} ${from.y} ${from.side} ${to.x} ${to.y} ${to.side} ${lane}`;
  for (const end of ends) key += ` ${end.length}:${end}`;
  return key;
}

/**
 * Where a box that moved or changed size can alter a lane: a curve sample tells the two boxes apart
 * only if it lies within the clearance of one and not of the other. When a single side moved (a
 * failing route's node grows a reason line: its bottom), every such sample is within the clearance
 * of the strip that side swept, so that strip alone is tested: far fewer kept lanes pass for a
 * small strip than for the whole node, which long edges running past it would. Otherwise both.
 */
export function movedRegions(old: Box, now: Box): Box[] {
  const sides = (["left", "top", "right", "bottom"] as const).filter(
    (s) => !Object.is(old[s], now[s]),
  );
  const side = sides[0];
  // Not finite: the strip would have no extent, so test the boxes themselves.
  if (sides.length !== 1 || side === undefined || !Number.isFinite(old[side] - now[side]))
    return [old, now];
  const from = Math.min(old[side], now[side]);
  const to = Math.max(old[side], now[side]);
  return side === "left" || side === "right"
    ? [{ left: from, top: now.top, right: to, bottom: now.bottom }]
    : [{ left: now.left, top: from, right: now.right, bottom: to }];
}

/** The same objects in the same order (a list compared by identity, element by element). */
export function sameObjects<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function sameBox(a: Box, b: Box): boolean {
  return (
    Object.is(a.left, b.left) &&
    Object.is(a.top, b.top) &&
    Object.is(a.right, b.right) &&
    Object.is(a.bottom, b.bottom)
  );
}
