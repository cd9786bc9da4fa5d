import { describe, expect, test } from "vitest";
import { MIN_READABLE_ZOOM, boundsOf, legibleViewport } from "./legibleViewport";

const view = { width: 800, height: 500 };

describe("legibleViewport", () => {
  test("a graph that fits at a readable zoom is fitted whole and centred", () => {
    const v = legibleViewport({ all: { x: 0, y: 0, width: 600, height: 300 }, view, padding: 20 })!;
    expect(v.zoom).toBeCloseTo(1.25); // capped: small graphs are not blown up
    const small = legibleViewport({
      all: { x: 0, y: 0, width: 760, height: 300 },
      view,
      padding: 20,
    })!;
    expect(small.zoom).toBeCloseTo(1);
    expect(small.x).toBeCloseTo(20);
  });

  test("a graph too big to read whole stays at the readable zoom, on the focus, without empty margins", () => {
    const all = { x: 0, y: 0, width: 2000, height: 1000 };
    const v = legibleViewport({
      all,
      focus: { x: 0, y: 400, width: 200, height: 100 },
      view,
      padding: 20,
    })!;
    expect(v.zoom).toBeCloseTo(MIN_READABLE_ZOOM);
    // The focus sits at the left of the graph: the graph's left edge stays at the padding.
    expect(v.x).toBeCloseTo(20);
    // Vertically centred on the focus (450 in graph units).
    expect(v.y).toBeCloseTo(250 - 450 * MIN_READABLE_ZOOM);
  });

  test("the graph's first column stays whole when the focus is on screen from the start", () => {
    // GatewayClass cards at x 0–180, the Gateways (the focus) at 500–700: centring the Gateways
    // would cut the GatewayClass cards at the left edge.
    const all = { x: 0, y: 0, width: 2000, height: 1000 };
    const focus = { x: 500, y: 0, width: 200, height: 100 };
    const v = legibleViewport({ all, focus, view, padding: 20 })!;
    expect(v.x).toBeCloseTo(20);
    expect((focus.x + focus.width) * v.zoom + v.x).toBeLessThanOrEqual(view.width - 20);
  });

  test("a focus too far right for the first column: the view starts at a column, no card cut at the left edge", () => {
    // Four columns of 180-wide cards at 0, 300, 600, 900; the selection is the last column's card.
    const cards = [0, 300, 600, 900].map((x) => ({ x, y: 0, width: 180, height: 80 }));
    const all = boundsOf(cards)!;
    const focus = cards[3]!;
    const v = legibleViewport({
      all,
      focus,
      cards,
      view: { width: 600, height: 500 },
      padding: 20,
    })!;
    expect(v.zoom).toBeCloseTo(MIN_READABLE_ZOOM);
    const left = (c: { x: number }) => c.x * v.zoom + v.x;
    // The column at 600 starts at the padding; the one at 300 is wholly off screen, not halved.
    expect(left(cards[2]!)).toBeCloseTo(20);
    expect(left(cards[1]!) + 180 * v.zoom).toBeLessThanOrEqual(0);
    expect(left(focus) + 180 * v.zoom).toBeLessThanOrEqual(600 - 20);
    // A wide card spanning x=600 (a long route) rules that start out: the next column is used.
    const wide = [...cards, { x: 450, y: 200, width: 300, height: 80 }];
    const w = legibleViewport({
      all: boundsOf(wide)!,
      focus,
      cards: wide,
      view: { width: 600, height: 500 },
      padding: 20,
    })!;
    expect(900 * w.zoom + w.x).toBeCloseTo(20);
  });

  test("a focus in the middle is centred", () => {
    const all = { x: 0, y: 0, width: 3000, height: 1000 };
    const v = legibleViewport({
      all,
      focus: { x: 1400, y: 450, width: 200, height: 100 },
      view,
      padding: 20,
    })!;
    expect(v.x).toBeCloseTo(400 - 1500 * v.zoom);
  });

  test("nothing to show or no room: no viewport", () => {
    expect(legibleViewport({ all: undefined, view })).toBeUndefined();
    expect(
      legibleViewport({
        all: { x: 0, y: 0, width: 10, height: 10 },
        view: { width: 0, height: 0 },
      }),
    ).toBeUndefined();
  });

  test("boundsOf", () => {
    expect(
      boundsOf([
        { x: 10, y: 5, width: 10, height: 10 },
        { x: -5, y: 20, width: 5, height: 5 },
      ]),
    ).toEqual({ x: -5, y: 5, width: 25, height: 20 });
    expect(boundsOf([])).toBeUndefined();
  });
});
