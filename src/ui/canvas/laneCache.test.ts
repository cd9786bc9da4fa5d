import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  clearLane,
  curveCrossesBox,
  curvesBounds,
  laneBezier,
  mayCrossBox,
  routeLane,
  type Anchor,
  type Box,
} from "./edgeGeometry";
import { LaneCache, movedRegions } from "./laneCache";

const from: Anchor = { x: 0, y: 50, side: "right" };
const to: Anchor = { x: 600, y: 50, side: "left" };
/** A node right on the straight line between the two anchors: lane 0 is blocked. */
const blocking: Box = { id: "mid", left: 250, top: 20, right: 350, bottom: 80 };
/** The same kind of edge, far below: its lane search never looks near `blocking`. */
const farFrom: Anchor = { x: 0, y: 5050, side: "right" };
const farTo: Anchor = { x: 600, y: 5050, side: "left" };
const farBlocking: Box = { id: "far", left: 250, top: 5020, right: 350, bottom: 5080 };
const ends = ["a", "b"];

function counting() {
  let calls = 0;
  const route: typeof routeLane = (...args) => {
    calls++;
    return routeLane(...args);
  };
  return { route, calls: () => calls };
}

describe("LaneCache", () => {
  it("routes an edge once while the boxes stay put", () => {
    const router = counting();
    const cache = new LaneCache(router.route);
    cache.arrange([blocking]);
    const first = cache.clearLane(from, to, 0, () => [blocking], ends);
    expect(first).not.toBe(0);
    // The same boxes again (new objects, as each analysis builds them): nothing is routed again.
    cache.arrange([{ ...blocking }]);
    expect(cache.clearLane(from, to, 0, () => [blocking], ends)).toBe(first);
    expect(router.calls()).toBe(1);
    // Another edge, or the same one in another lane, is routed.
    cache.clearLane(from, to, 1, () => [blocking], ends);
    expect(router.calls()).toBe(2);
  });

  it("forgets only the lanes a changed box may alter, and routes those around where it is now", () => {
    const router = counting();
    const cache = new LaneCache(router.route);
    cache.arrange([blocking, farBlocking]);
    expect(cache.clearLane(from, to, 0, () => [blocking, farBlocking], ends)).not.toBe(0);
    expect(cache.clearLane(farFrom, farTo, 0, () => [blocking, farBlocking], ends)).not.toBe(0);
    expect(router.calls()).toBe(2);
    // The far node grows (a failing route gains a reason line) below the lanes the far edge tried:
    // neither edge is routed again, and the far one keeps the lane a fresh routing finds.
    const grown: Box = { ...farBlocking, bottom: 5102 };
    cache.arrange([blocking, grown]);
    expect(cache.clearLane(from, to, 0, () => [blocking, grown], ends)).not.toBe(0);
    expect(cache.clearLane(farFrom, farTo, 0, () => [blocking, grown], ends)).toBe(
      clearLane(farFrom, farTo, 0, [blocking, grown], ends),
    );
    expect(router.calls()).toBe(2);
    // It widens across the straight line the far edge tried first: that edge is routed again.
    const tall: Box = { ...grown, left: 200 };
    cache.arrange([blocking, tall]);
    expect(cache.clearLane(farFrom, farTo, 0, () => [blocking, tall], ends)).toBe(
      clearLane(farFrom, farTo, 0, [blocking, tall], ends),
    );
    expect(router.calls()).toBe(3);
    // The blocking node moves out of the way: its edge now runs straight.
    const movedAway: Box = { ...blocking, top: 2000, bottom: 2060 };
    cache.arrange([movedAway, grown]);
    expect(cache.clearLane(from, to, 0, () => [movedAway, grown], ends)).toBe(0);
    // A node removed, then added back where it was: each time the edge is routed afresh.
    cache.arrange([grown]);
    expect(cache.clearLane(from, to, 0, () => [grown], ends)).toBe(0);
    cache.arrange([blocking, grown]);
    expect(cache.clearLane(from, to, 0, () => [blocking, grown], ends)).not.toBe(0);
  });

  it("forgets an answer when a box comes into the lane it found, though not into the first lane tried", () => {
    const cache = new LaneCache();
    cache.arrange([blocking]);
    const found = cache.clearLane(from, to, 0, () => [blocking], ends);
    expect(found).not.toBe(0);
    // A small node on the found lane's curve, far from the straight line (lane 0) tried first.
    const mid = laneBezier(from, to, found);
    const inTheWay: Box = {
      id: "new",
      left: mid.labelX - 5,
      top: mid.labelY - 5,
      right: mid.labelX + 5,
      bottom: mid.labelY + 5,
    };
    const boxes = [blocking, inTheWay];
    cache.arrange(boxes);
    const now = clearLane(from, to, 0, boxes, ends);
    expect(now).not.toBe(found);
    expect(cache.clearLane(from, to, 0, () => boxes, ends)).toBe(now);
  });

  it("keys on the edge's ends: an edge whose own node is the box is not bent around it", () => {
    const cache = new LaneCache();
    cache.arrange([blocking]);
    expect(cache.clearLane(from, to, 0, () => [blocking], ends)).not.toBe(0);
    expect(cache.clearLane(from, to, 0, () => [blocking], ["mid", "b"])).toBe(0);
  });

  it("gives clearLane's answer for any sequence of arrangements and edges", () => {
    const coordinate = fc.integer({ min: -1500, max: 1500 });
    const box = fc
      .record({ x: coordinate, y: coordinate, w: fc.nat(400), h: fc.nat(300), id: fc.nat(7) })
      .map(({ x, y, w, h, id }): Box => ({
        id: `n${id}`,
        left: x,
        top: y,
        right: x + w,
        bottom: y + h,
      }));
    // Mostly one id per box (nodes moving between arrangements), sometimes a repeated id.
    const arrangement = fc.oneof(
      { weight: 4, arbitrary: fc.uniqueArray(box, { selector: (b) => b.id, maxLength: 8 }) },
      { weight: 1, arbitrary: fc.array(box, { maxLength: 8 }) },
    );
    const edge = fc.record({
      a: fc.record({ x: coordinate, y: coordinate }),
      b: fc.record({ x: coordinate, y: coordinate }),
      lane: fc.integer({ min: -2, max: 2 }),
      ends: fc.array(fc.constantFrom("n0", "n1", "n2"), { maxLength: 2 }),
    });
    fc.assert(
      fc.property(
        fc.array(arrangement, { minLength: 1, maxLength: 6 }),
        fc.array(edge, { maxLength: 6 }),
        (arrangements, edges) => {
          const cache = new LaneCache();
          // Each arrangement twice in a row (the second time answers from the cache).
          for (const boxes of arrangements.flatMap((b) => [b, b])) {
            cache.arrange(boxes);
            for (const e of edges) {
              const a: Anchor = { ...e.a, side: "right" };
              const b: Anchor = { ...e.b, side: "left" };
              expect(cache.clearLane(a, b, e.lane, () => boxes, e.ends)).toBe(
                clearLane(a, b, e.lane, boxes, e.ends),
              );
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it("a lane answer holds while the boxes leave it alone, and lapses once one may change it", () => {
    const cache = new LaneCache();
    cache.arrange([blocking, farBlocking]);
    const near = cache.laneAnswer(from, to, 0, () => [blocking, farBlocking], ends);
    const far = cache.laneAnswer(farFrom, farTo, 0, () => [blocking, farBlocking], ends);
    expect(cache.holds(near) && cache.holds(far)).toBe(true);
    // The far box moves off its edge's course: that answer lapses, the other holds.
    cache.arrange([blocking, { ...farBlocking, top: 9020, bottom: 9080 }]);
    expect(cache.holds(near)).toBe(true);
    expect(cache.holds(far)).toBe(false);
    // A repeated id: nothing can be kept, so no answer holds, nor does one given meanwhile.
    cache.arrange([blocking, blocking]);
    expect(cache.holds(near)).toBe(false);
    const uncached = cache.laneAnswer(from, to, 0, () => [blocking], ends);
    expect(cache.holds(uncached)).toBe(false);
    expect(uncached.lane).toBe(near.lane);
  });

  it("a held lane answer is clearLane's answer for the boxes now arranged", () => {
    const coordinate = fc.integer({ min: -1500, max: 1500 });
    const box = fc
      .record({ x: coordinate, y: coordinate, w: fc.nat(400), h: fc.nat(300), id: fc.nat(5) })
      .map(({ x, y, w, h, id }): Box => ({
        id: `n${id}`,
        left: x,
        top: y,
        right: x + w,
        bottom: y + h,
      }));
    const edge = fc.record({
      a: fc.record({ x: coordinate, y: coordinate }),
      b: fc.record({ x: coordinate, y: coordinate }),
      lane: fc.integer({ min: -2, max: 2 }),
    });
    fc.assert(
      fc.property(
        fc.array(fc.uniqueArray(box, { selector: (b) => b.id, maxLength: 6 }), {
          minLength: 1,
          maxLength: 6,
        }),
        fc.array(edge, { minLength: 1, maxLength: 5 }),
        (arrangements, edges) => {
          const cache = new LaneCache();
          const held = new Map<number, ReturnType<LaneCache["laneAnswer"]>>();
          for (const boxes of arrangements) {
            cache.arrange(boxes);
            edges.forEach((e, i) => {
              const a: Anchor = { ...e.a, side: "right" };
              const b: Anchor = { ...e.b, side: "left" };
              const token = held.get(i);
              if (token !== undefined && cache.holds(token))
                expect(token.lane).toBe(clearLane(a, b, e.lane, boxes, ["x"]));
              else
                held.set(
                  i,
                  cache.laneAnswer(a, b, e.lane, () => boxes, ["x"]),
                );
            });
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it("looks no further into an arrangement of the very box objects it was last given", () => {
    let idReads = 0;
    const counted = (box: Box): Box => {
      const { id, ...rest } = box;
      return Object.defineProperty({ ...rest }, "id", {
        enumerable: true,
        get: () => {
          idReads++;
          return id;
        },
      });
    };
    const boxes = [counted(blocking), counted(farBlocking)];
    const cache = new LaneCache();
    cache.arrange(boxes);
    expect(idReads).toBeGreaterThan(0);
    idReads = 0;
    // A new list of the same objects (toFlowElements builds one per analysis).
    cache.arrange([...boxes]);
    expect(idReads).toBe(0);
    expect(cache.clearLane(from, to, 0, () => [blocking], ends)).not.toBe(0);
  });

  it("keys on every end: ids that only differ in where one ends and the next begins stay apart", () => {
    const cache = new LaneCache();
    cache.arrange([{ ...blocking, id: "a b" }]);
    const own = cache.clearLane(from, to, 0, () => [{ ...blocking, id: "a b" }], ["a b", "c"]);
    const other = cache.clearLane(from, to, 0, () => [{ ...blocking, id: "a b" }], ["a", "b c"]);
    expect(own).toBe(0);
    expect(other).not.toBe(0);
  });
});

describe("curvesBounds / mayCrossBox", () => {
  it("never rules out a box that one of the curves crosses", () => {
    const coordinate = fc.double({ min: -1e5, max: 1e5, noNaN: true });
    fc.assert(
      fc.property(
        fc.record({ x: coordinate, y: coordinate }),
        fc.record({ x: coordinate, y: coordinate }),
        fc.integer({ min: -8, max: 8 }),
        fc.record({ x: coordinate, y: coordinate, w: fc.nat(2000), h: fc.nat(2000) }),
        (a, b, lane, r) => {
          const curve = laneBezier({ ...a, side: "right" }, { ...b, side: "left" }, lane);
          const box: Box = { left: r.x, top: r.y, right: r.x + r.w, bottom: r.y + r.h };
          if (curveCrossesBox(curve, box))
            expect(mayCrossBox(curvesBounds([curve]), box)).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("rules out a box far from the curves", () => {
    const bounds = curvesBounds([laneBezier(from, to, 0), laneBezier(from, to, 1)]);
    expect(mayCrossBox(bounds, farBlocking)).toBe(false);
    expect(mayCrossBox(bounds, blocking)).toBe(true);
  });

  it("gives clearLane's answer when boxes grow, shrink or shift one side at a time", () => {
    const coordinate = fc.integer({ min: -600, max: 600 });
    const box = fc
      .record({ x: coordinate, y: coordinate, w: fc.nat(300), h: fc.nat(200) })
      .map(({ x, y, w, h }) => ({ left: x, top: y, right: x + w, bottom: y + h }));
    // One side of one box moves per step (a node gains or loses a line, or is widened).
    const step = fc.record({
      index: fc.nat(5),
      side: fc.constantFrom("left", "top", "right", "bottom"),
      by: fc.integer({ min: -120, max: 120 }),
    });
    const edge = fc.record({
      a: fc.record({ x: coordinate, y: coordinate }),
      b: fc.record({ x: coordinate, y: coordinate }),
      lane: fc.integer({ min: -2, max: 2 }),
    });
    fc.assert(
      fc.property(
        fc.array(box, { minLength: 1, maxLength: 6 }),
        fc.array(step, { maxLength: 8 }),
        fc.array(edge, { minLength: 1, maxLength: 6 }),
        (start, steps, edges) => {
          let boxes: Box[] = start.map((b, i) => ({ ...b, id: `n${i}` }));
          const cache = new LaneCache();
          const check = () => {
            cache.arrange(boxes);
            for (const e of edges) {
              const a: Anchor = { ...e.a, side: "right" };
              const b: Anchor = { ...e.b, side: "left" };
              expect(cache.clearLane(a, b, e.lane, () => boxes, [])).toBe(
                clearLane(a, b, e.lane, boxes, []),
              );
            }
          };
          check();
          for (const { index, side, by } of steps) {
            const i = index % boxes.length;
            boxes = boxes.map((b, k) => (k === i ? { ...b, [side]: b[side] + by } : b));
            check();
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("movedRegions", () => {
  const node: Box = { id: "r", left: 100, top: 200, right: 300, bottom: 260 };

  it("is the strip a single moved side swept", () => {
    expect(movedRegions(node, { ...node, bottom: 279 })).toEqual([
      { left: 100, top: 260, right: 300, bottom: 279 },
    ]);
    expect(movedRegions({ ...node, bottom: 279 }, node)).toEqual([
      { left: 100, top: 260, right: 300, bottom: 279 },
    ]);
    expect(movedRegions(node, { ...node, left: 80 })).toEqual([
      { left: 80, top: 200, right: 100, bottom: 260 },
    ]);
  });

  it("is both boxes when more than one side moved or a side is not finite", () => {
    const moved = { ...node, top: 300, bottom: 360 };
    expect(movedRegions(node, moved)).toEqual([node, moved]);
    const unbounded = { ...node, bottom: Number.POSITIVE_INFINITY };
    expect(movedRegions(node, unbounded)).toEqual([node, unbounded]);
  });

  it("covers every sample whose crossing differs between the two boxes", () => {
    const side = fc.constantFrom("left", "top", "right", "bottom");
    fc.assert(
      fc.property(
        side,
        fc.integer({ min: -80, max: 80 }),
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: 150, max: 310 }),
        (s, by, x, y) => {
          const now = { ...node, [s]: node[s] + by };
          const point: Box = { left: x, top: y, right: x, bottom: y };
          const curve = laneBezier({ x, y, side: "right" }, { x, y, side: "left" });
          // A zero-length curve sits on one point: crossing it is containing the point.
          if (curveCrossesBox(curve, node) === curveCrossesBox(curve, now)) return;
          expect(movedRegions(node, now).some((r) => mayCrossBox(point, r))).toBe(true);
          expect(movedRegions(node, now).some((r) => curveCrossesBox(curve, r))).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
