import { afterEach, describe, expect, test, vi } from "vitest";

afterEach(() => {
  vi.doUnmock("./exportMenuActions");
});

describe("the Export menu's actions, loaded on first use", () => {
  test("a failed load is an error notice and runs nothing; the next click tries again", async () => {
    vi.resetModules();
    vi.doMock("./exportMenuActions", () => {
      throw new Error("net::ERR_FAILED");
    });
    const { withExportMenuActions, loadExportMenuActions } =
      await import("./exportMenuActionsOnDemand");
    const { useGwsimStore } = await import("../../store");
    const action = vi.fn();
    withExportMenuActions(action);
    await vi.waitFor(() =>
      expect(useGwsimStore.getState().notice).toMatchObject({
        kind: "error",
        message: expect.stringMatching(/^Could not load the code of the Export menu: ./),
      }),
    );
    expect(action).not.toHaveBeenCalled();
    vi.doUnmock("./exportMenuActions");
    expect(typeof (await loadExportMenuActions()).copyShareLink).toBe("function");
  });

  test("once loaded, the action runs with the module", async () => {
    vi.resetModules();
    const { withExportMenuActions } = await import("./exportMenuActionsOnDemand");
    const seen = await new Promise<string[]>((resolve) =>
      withExportMenuActions((m) => resolve(Object.keys(m).sort())),
    );
    expect(seen).toEqual([
      "copyShareLink",
      "downloadAsFolders",
      "downloadCleaned",
      "downloadDiagram",
    ]);
  });
});
