/**
 * The page of text Monaco keeps in its hidden textarea. Monaco types through a textarea and, on
 * every cursor move, writes into it the `accessibilityPageSize` lines around the cursor (trimmed to
 * 500 characters each side): at its default that is ~50 lines of YAML, which Chromium rebuilds as
 * ~150 nodes inside the textarea and lays out at once, in the keystroke's own task, before the
 * answer from the engine worker can be handled. Only a screen reader reads that text (Monaco's
 * own "off" mode writes none), so while Monaco is not screen-reader optimized the page is the
 * cursor's line; once it is (the user turned the mode on), Monaco's default applies again.
 */
import type { Disposable } from "./editorPorts";

export interface ScreenReaderPort {
  /** True when Monaco runs screen-reader optimized (its resolved accessibility support is on). */
  screenReaderOptimized(): boolean;
  onScreenReaderChange(listener: () => void): Disposable;
  setAccessibilityPageSize(lines: number): void;
}

/** Monaco's default page: what a screen reader gets, as without this binding. */
export const SCREEN_READER_PAGE_LINES = 500;
/** Without a screen reader: the cursor's line only. */
export const TYPING_PAGE_LINES = 1;

export function pageLinesFor(screenReaderOptimized: boolean): number {
  return screenReaderOptimized ? SCREEN_READER_PAGE_LINES : TYPING_PAGE_LINES;
}

export function bindScreenReaderPage(port: ScreenReaderPort): Disposable {
  let applied: number | undefined;
  const apply = () => {
    const lines = pageLinesFor(port.screenReaderOptimized());
    if (lines === applied) return;
    applied = lines;
    port.setAccessibilityPageSize(lines);
  };
  apply();
  return port.onScreenReaderChange(apply);
}
