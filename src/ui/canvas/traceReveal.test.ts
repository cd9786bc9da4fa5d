import { describe, expect, test } from "vitest";
import { MIN_READABLE_ZOOM } from "./legibleViewport";
import { traceRevealViewport } from "./traceReveal";

const view = { width: 800, height: 400 };
const card = (x: number, y: number) => ({ x, y, width: 160, height: 60 });
/** Where a rectangle lands on screen under a viewport. */
const onScreen = (
  r: { x: number; y: number; width: number; height: number },
  v: { x: number; y: number; zoom: number },
) => ({
  left: r.x * v.zoom + v.x,
  top: r.y * v.zoom + v.y,
  right: (r.x + r.width) * v.zoom + v.x,
  bottom: (r.y + r.height) * v.zoom + v.y,
});

describe("traceRevealViewport", () => {
  test("a path already on screen does not move the view", () => {
    const rects = [card(0, 0), card(300, 0), card(600, 100)];
    expect(
      traceRevealViewport({ path: rects, focus: rects, view, current: { x: 10, y: 10, zoom: 1 } }),
    ).toBeUndefined();
  });

  test("a path below the visible area is brought on screen, whole, at the user's zoom at most", () => {
    const rects = [card(0, 900), card(300, 900), card(500, 980)];
    const target = traceRevealViewport({
      path: rects,
      focus: rects,
      view,
      current: { x: 0, y: 0, zoom: 1 },
    });
    expect(target).toBeDefined();
    expect(target!.zoom).toBeLessThanOrEqual(1);
    expect(target!.zoom).toBeGreaterThanOrEqual(MIN_READABLE_ZOOM);
    for (const r of rects) {
      const s = onScreen(r, target!);
      expect(s.left).toBeGreaterThanOrEqual(0);
      expect(s.top).toBeGreaterThanOrEqual(0);
      expect(s.right).toBeLessThanOrEqual(view.width);
      expect(s.bottom).toBeLessThanOrEqual(view.height);
    }
  });

  test("zoomed out below the readable floor, the reveal zooms in to the floor, not beyond", () => {
    const rects = [card(2000, 2000), card(2300, 2000)];
    const target = traceRevealViewport({
      path: rects,
      focus: rects,
      view,
      current: { x: 0, y: 0, zoom: 0.2 },
    });
    expect(target?.zoom).toBe(MIN_READABLE_ZOOM);
  });

  test("a Gateway too far from its route to read both: the route and its backends are shown", () => {
    const gateway = card(0, 0);
    const focus = [card(300, 2000), card(600, 1990), card(600, 2080)];
    const target = traceRevealViewport({
      path: [gateway, ...focus],
      focus,
      view,
      current: { x: 0, y: 0, zoom: 1 },
    });
    expect(target?.zoom).toBeGreaterThanOrEqual(MIN_READABLE_ZOOM);
    for (const r of focus) {
      const s = onScreen(r, target!);
      expect(s.top).toBeGreaterThanOrEqual(0);
      expect(s.bottom).toBeLessThanOrEqual(view.height);
      expect(s.left).toBeGreaterThanOrEqual(0);
      expect(s.right).toBeLessThanOrEqual(view.width);
    }
    // Already showing them: nothing moves.
    expect(
      traceRevealViewport({ path: [gateway, ...focus], focus, view, current: target! }),
    ).toBeUndefined();
  });

  test("nothing to show, or no view, moves nothing", () => {
    expect(
      traceRevealViewport({ path: [], focus: [], view, current: { x: 0, y: 0, zoom: 1 } }),
    ).toBeUndefined();
    expect(
      traceRevealViewport({
        path: [card(0, 900)],
        focus: [],
        view: { width: 0, height: 0 },
        current: { x: 0, y: 0, zoom: 1 },
      }),
    ).toBeUndefined();
  });
});
