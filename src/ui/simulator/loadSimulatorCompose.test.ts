import { afterEach, describe, expect, test, vi } from "vitest";

afterEach(() => {
  vi.doUnmock("../../store/simulatorCompose");
});

describe("the simulator panel's composing, loaded on first use", () => {
  test("a failed load is an error notice and leaves the composer alone; the next use tries again", async () => {
    vi.resetModules();
    vi.doMock("../../store/simulatorCompose", () => {
      throw new Error("net::ERR_FAILED");
    });
    const { composeOnDemand, loadSimulatorCompose } = await import("./loadSimulatorCompose");
    const { useGwsimStore } = await import("../../store");
    const draft = useGwsimStore.getState().simDraft;
    expect(await composeOnDemand("Gateway/infra/shared")).toBe(false);
    expect(useGwsimStore.getState().notice).toMatchObject({
      kind: "error",
      message: expect.stringMatching(/^Could not load the simulator's code: ./),
    });
    expect(useGwsimStore.getState().simDraft).toBe(draft);
    vi.doUnmock("../../store/simulatorCompose");
    expect(typeof (await loadSimulatorCompose()).composeFromObject).toBe("function");
  });

  test("once loaded, it composes from the object (nothing to compose without an analysis)", async () => {
    vi.resetModules();
    const { composeOnDemand } = await import("./loadSimulatorCompose");
    expect(await composeOnDemand("Gateway/infra/shared")).toBe(false);
  });
});
