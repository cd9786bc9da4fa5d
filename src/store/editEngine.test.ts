/**
 * The engine's editor is not in the page's first JavaScript (editEngine.ts). This file does not
 * import editEngineModule, so each test starts with the editor not loaded, as the page does.
 */
import { describe, expect, test } from "vitest";
import { applyCanvasEdits } from "./canvasEdits";
import { loadedEditEngine, loadEditEngine } from "./editEngine";
import { createGwsimStore, useGwsimStore } from "./index";
import { EDITOR_LOADING_NOTICE } from "./slices/documentSlice";

const ROUTE = `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: web
  namespace: shop
spec:
  rules:
    - backendRefs:
        - name: web
          port: 80
          weight: 1
`;
const setWeight = (weight: number) =>
  ({
    op: "setBackendWeight",
    target: { kind: "HTTPRoute", namespace: "shop", name: "web" },
    ruleIndex: 0,
    backendIndex: 0,
    weight,
  }) as const;

describe("the lazily loaded editor", () => {
  test("canvas edits asked for before it arrives are applied once it has, in order", async () => {
    expect(loadedEditEngine()).toBeUndefined();
    useGwsimStore.getState().replaceWorkspace(ROUTE, "file");
    applyCanvasEdits([setWeight(5)], "canvas");
    applyCanvasEdits([setWeight(7)], "canvas");
    // Nothing is lost and nothing is applied out of order: the text waits for the editor.
    expect(useGwsimStore.getState().text).toBe(ROUTE);
    await loadEditEngine();
    await Promise.resolve();
    expect(useGwsimStore.getState().text).toBe(ROUTE.replace("weight: 1", "weight: 7"));
    // Two edits, two undo steps.
    useGwsimStore.getState().undo();
    expect(useGwsimStore.getState().text).toBe(ROUTE.replace("weight: 1", "weight: 5"));
    // Once loaded, an edit applies at once.
    applyCanvasEdits([setWeight(9)], "canvas");
    expect(useGwsimStore.getState().text).toBe(ROUTE.replace("weight: 1", "weight: 9"));
  });

  test("the store refuses a synchronous edit visibly when the editor is missing, then applies it", async () => {
    const { registerEditEngine } = await import("./editEngine");
    const loaded = loadedEditEngine();
    // Simulate a page where no lazy panel brought the editor yet.
    registerEditEngine(undefined as never);
    try {
      const store = createGwsimStore({ initialText: ROUTE });
      const result = store.getState().applyEdits([setWeight(3)], "inspector");
      expect(result.failed).toHaveLength(1);
      expect(result.failed[0]?.reason).toMatch(/still loading/);
      expect(store.getState().text).toBe(ROUTE);
      expect(store.getState().notice).toMatchObject({ message: EDITOR_LOADING_NOTICE });
    } finally {
      if (loaded) registerEditEngine(loaded);
    }
    const store = createGwsimStore({ initialText: ROUTE });
    const result = store.getState().applyEdits([setWeight(3)], "inspector");
    expect(result.failed).toEqual([]);
    expect(store.getState().text).toContain("weight: 3");
  });
});
