import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BoxGrid } from "./boxGrid";
import { clearLane, type Box } from "./edgeGeometry";

const coordinate = fc.integer({ min: -5000, max: 5000 });
const box = fc
  .record({
    x: coordinate,
    y: coordinate,
    w: fc.integer({ min: 0, max: 600 }),
    h: fc.integer({ min: 0, max: 400 }),
  })
  .map(({ x, y, w, h }): Box => ({ left: x, top: y, right: x + w, bottom: y + h }));
const overlaps = (b: Box, l: number, t: number, r: number, bo: number) =>
  b.right >= l && b.left <= r && b.bottom >= t && b.top <= bo;

describe("BoxGrid", () => {
  it("finds every box that overlaps a region (a superset of the exact answer)", () => {
    fc.assert(
      fc.property(fc.array(box, { maxLength: 60 }), box, (boxes, region) => {
        const near = new Set(
          new BoxGrid(boxes).near(region.left, region.top, region.right, region.bottom),
        );
        for (const b of boxes)
          if (overlaps(b, region.left, region.top, region.right, region.bottom))
            expect(near.has(b)).toBe(true);
      }),
    );
  });

  it("looks only at the cells a small region covers", () => {
    const far: Box = { left: 10_000, top: 10_000, right: 10_100, bottom: 10_060 };
    const here: Box = { left: 0, top: 0, right: 100, bottom: 60 };
    expect(new BoxGrid([here, far]).near(-10, -10, 50, 50)).toEqual([here]);
  });

  it("answers for boxes and regions too large for the grid (a node dragged far away)", () => {
    const huge: Box = { left: -1e12, top: 0, right: 1e12, bottom: 10 };
    const small: Box = { left: 5, top: 5, right: 20, bottom: 20 };
    const grid = new BoxGrid([small, huge]);
    expect(new Set(grid.near(0, 0, 30, 30))).toEqual(new Set([small, huge]));
    expect(new Set(grid.near(-1e15, -1e15, 1e15, 1e15))).toEqual(new Set([small, huge]));
    expect(new Set(grid.near(Number.NaN, 0, 1, 1))).toEqual(new Set([small, huge]));
  });

  it("routes edges around nodes exactly as a scan of every node does", () => {
    const anchor = fc.record({ x: coordinate, y: coordinate });
    fc.assert(
      fc.property(
        fc.array(box, { maxLength: 40 }),
        anchor,
        anchor,
        fc.integer({ min: -2, max: 2 }),
        (boxes, from, to, lane) => {
          const a = { ...from, side: "right" as const };
          const b = { ...to, side: "left" as const };
          expect(clearLane(a, b, lane, new BoxGrid(boxes))).toBe(clearLane(a, b, lane, boxes));
        },
      ),
    );
  });
});
