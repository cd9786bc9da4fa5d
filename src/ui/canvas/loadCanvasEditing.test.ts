import { afterEach, describe, expect, test, vi } from "vitest";

/** loadCanvasEditing.ts and the store evaluated afresh, with canvasEditing.ts failing to load or not. */
async function fresh(failing: boolean) {
  vi.resetModules();
  if (failing)
    vi.doMock("./canvasEditing", () => {
      throw new Error("net::ERR_FAILED");
    });
  const loader = await import("./loadCanvasEditing");
  const { useGwsimStore } = await import("../../store");
  return { ...loader, useGwsimStore };
}

afterEach(() => {
  vi.doUnmock("./canvasEditing");
});

describe("the canvas's editing code, loaded on first use", () => {
  test("a failed load is an error notice and edits nothing; the next gesture tries again", async () => {
    const { withCanvasEditing, loadCanvasEditing, useGwsimStore } = await fresh(true);
    const edit = vi.fn();
    withCanvasEditing(edit);
    await vi.waitFor(() =>
      expect(useGwsimStore.getState().notice?.message).toMatch(
        /^Could not load the canvas's editing code: ./,
      ),
    );
    expect(useGwsimStore.getState().notice?.kind).toBe("error");
    expect(edit).not.toHaveBeenCalled();
    vi.doUnmock("./canvasEditing");
    const editing = await loadCanvasEditing();
    expect(typeof editing.planConnection).toBe("function");
  });

  test("once loaded, gestures are planned at once, in order", async () => {
    const { withCanvasEditing, loadCanvasEditing } = await fresh(false);
    const order: number[] = [];
    withCanvasEditing(() => order.push(1));
    withCanvasEditing(() => order.push(2));
    await loadCanvasEditing();
    await Promise.resolve();
    expect(order).toEqual([1, 2]);
    withCanvasEditing(() => order.push(3));
    expect(order).toEqual([1, 2, 3]);
  });
});
