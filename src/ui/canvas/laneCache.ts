import { clearLane, type Anchor, type Box, type BoxIndex } from "./edgeGeometry";

/** How an edge's lane is found around obstacles: edgeGeometry's clearLane (tests count its calls). */
export type LaneRouter = typeof clearLane;

/**
 * clearLane's answers kept for one arrangement of node boxes. An analysis after a keystroke moves
 * no node (the layout keeps positions across edits), so the canvas need not route every edge
 * around the nodes again: at 300 documents that routing was most of the time spent turning an
 * analysis into React Flow elements. A moved, resized, added or removed box is a new arrangement
 * and forgets every lane; an edge's answer is kept under its two anchors, its lane and its ends,
 * everything else clearLane reads.
 */
export class LaneCache {
  private arrangement: string | undefined;
  private readonly lanes = new Map<string, number>();

  constructor(
    private readonly route: LaneRouter = clearLane,
    /** Bounds the memory when edges come and go within one arrangement. */
    private readonly maxEntries = 50_000,
  ) {}

  /** The boxes the next lanes are routed around; any other arrangement than the last forgets all. */
  arrange(boxes: readonly Box[]): void {
    const arrangement = JSON.stringify(
      boxes.map((b) => [b.id ?? null, b.left, b.top, b.right, b.bottom]),
    );
    if (arrangement === this.arrangement) return;
    this.arrangement = arrangement;
    this.lanes.clear();
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
    const key = JSON.stringify([from.x, from.y, from.side, to.x, to.y, to.side, lane, ends]);
    const known = this.lanes.get(key);
    if (known !== undefined) return known;
    const clear = this.route(from, to, lane, obstacles(), ends);
    if (this.lanes.size >= this.maxEntries) this.lanes.clear();
    this.lanes.set(key, clear);
    return clear;
  }
}
