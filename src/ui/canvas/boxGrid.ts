import type { Box } from "./edgeGeometry";

/** Side of one grid cell in flow pixels: about one node wide, so a box sits in one to four cells. */
const CELL = 320;
/** A box or a query spanning more cells than this is handled by a plain scan instead. */
const MAX_CELLS = 256;

/**
 * A uniform grid over node boxes, so "which nodes are near this edge" looks at the few cells the
 * edge's region covers instead of every node: routing E edges around N nodes was E × N box tests
 * (about a million at 1,000 objects, the largest cost of drawing an imported graph). Positions
 * come from the layout or from the user's drags, so any size is handled: boxes or regions too
 * large for the grid fall back to a scan, never to a loop over millions of cells.
 */
export class BoxGrid {
  private readonly cells = new Map<string, Box[]>();
  /** Boxes too large to file in cells: checked by every query. */
  private readonly oversized: Box[] = [];

  constructor(private readonly boxes: readonly Box[]) {
    for (const box of boxes) {
      const span = cellSpan(box.left, box.top, box.right, box.bottom);
      if (!span) {
        this.oversized.push(box);
        continue;
      }
      for (let cx = span.x0; cx <= span.x1; cx++)
        for (let cy = span.y0; cy <= span.y1; cy++) {
          const key = `${cx},${cy}`;
          const list = this.cells.get(key);
          if (list) list.push(box);
          else this.cells.set(key, [box]);
        }
    }
  }

  /** Every box that may overlap the region (a superset: callers test the exact overlap). */
  near(left: number, top: number, right: number, bottom: number): readonly Box[] {
    const span = cellSpan(left, top, right, bottom);
    if (!span) return this.boxes;
    const found = new Set<Box>(this.oversized);
    for (let cx = span.x0; cx <= span.x1; cx++)
      for (let cy = span.y0; cy <= span.y1; cy++)
        for (const box of this.cells.get(`${cx},${cy}`) ?? []) found.add(box);
    return [...found];
  }
}

function cellSpan(
  left: number,
  top: number,
  right: number,
  bottom: number,
): { x0: number; y0: number; x1: number; y1: number } | undefined {
  const x0 = Math.floor(Math.min(left, right) / CELL);
  const x1 = Math.floor(Math.max(left, right) / CELL);
  const y0 = Math.floor(Math.min(top, bottom) / CELL);
  const y1 = Math.floor(Math.max(top, bottom) / CELL);
  const cells = (x1 - x0 + 1) * (y1 - y0 + 1);
  return Number.isFinite(cells) && cells <= MAX_CELLS ? { x0, y0, x1, y1 } : undefined;
}
