import { describe, expect, test } from "vitest";
import {
  bindScreenReaderPage,
  pageLinesFor,
  SCREEN_READER_PAGE_LINES,
  TYPING_PAGE_LINES,
  type ScreenReaderPort,
} from "./screenReaderPage";

function fakePort(optimized: boolean) {
  const state = { optimized, sizes: [] as number[], listeners: [] as (() => void)[] };
  const port: ScreenReaderPort = {
    screenReaderOptimized: () => state.optimized,
    onScreenReaderChange(listener) {
      state.listeners.push(listener);
      return { dispose: () => state.listeners.splice(state.listeners.indexOf(listener), 1) };
    },
    setAccessibilityPageSize: (lines) => state.sizes.push(lines),
  };
  const toggle = (on: boolean) => {
    state.optimized = on;
    for (const l of [...state.listeners]) l();
  };
  return { port, state, toggle };
}

describe("screen reader page", () => {
  test("one line while typing without a screen reader, Monaco's default with one", () => {
    expect(pageLinesFor(false)).toBe(TYPING_PAGE_LINES);
    expect(TYPING_PAGE_LINES).toBe(1);
    expect(pageLinesFor(true)).toBe(SCREEN_READER_PAGE_LINES);
    expect(SCREEN_READER_PAGE_LINES).toBe(500);
  });

  test("follows the screen reader mode as it is turned on and off", () => {
    const { port, state, toggle } = fakePort(false);
    const binding = bindScreenReaderPage(port);
    expect(state.sizes).toEqual([1]);
    toggle(true);
    expect(state.sizes).toEqual([1, 500]);
    // Other configuration changes reach the listener too: nothing is set again for them.
    toggle(true);
    expect(state.sizes).toEqual([1, 500]);
    toggle(false);
    expect(state.sizes).toEqual([1, 500, 1]);
    binding.dispose();
    expect(state.listeners).toHaveLength(0);
    toggle(true);
    expect(state.sizes).toEqual([1, 500, 1]);
  });

  test("a screen reader already on keeps Monaco's page", () => {
    const { port, state } = fakePort(true);
    bindScreenReaderPage(port).dispose();
    expect(state.sizes).toEqual([500]);
  });
});
