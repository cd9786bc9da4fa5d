import { afterEach, describe, expect, it, vi } from "vitest";
import type { Analysis } from "../../engine";
import { resourceKey } from "../../engine/present";
import { useGwsimStore } from "../../store";
import { panelsCaughtUp, useShownAnalysis } from "./shownAnalysis";

const answer = (n: number) => ({ diagnostics: [], n }) as unknown as Analysis;

describe("shownAnalysis", () => {
  afterEach(() => void vi.useRealTimers());

  it("copies an answer after the frame (a task later here, without frames), the latest once", () => {
    vi.useFakeTimers();
    useGwsimStore.setState({ analysis: answer(1) });
    useGwsimStore.setState({ analysis: answer(2) });
    expect(useShownAnalysis.getState().analysis).not.toBe(useGwsimStore.getState().analysis);
    expect(panelsCaughtUp()).toBe(false);
    expect(vi.getTimerCount()).toBe(1);
    vi.runAllTimers();
    expect(useShownAnalysis.getState().analysis).toBe(useGwsimStore.getState().analysis);
    expect(panelsCaughtUp()).toBe(true);
  });

  it("copies an answer that moves only the revision (the same analysis object kept)", () => {
    vi.useFakeTimers();
    const same = answer(3);
    useGwsimStore.setState({ analysis: same, analysisRevision: 10 });
    vi.runAllTimers();
    useGwsimStore.setState({ analysisRevision: 11 });
    expect(panelsCaughtUp()).toBe(false);
    vi.runAllTimers();
    expect(useShownAnalysis.getState().analysisRevision).toBe(11);
    expect(panelsCaughtUp()).toBe(true);
  });

  it("schedules nothing for a change that is not an answer", () => {
    vi.useFakeTimers();
    useGwsimStore.setState({ selected: resourceKey("HTTPRoute", "a", "b") });
    expect(vi.getTimerCount()).toBe(0);
    expect(panelsCaughtUp()).toBe(true);
  });
});
