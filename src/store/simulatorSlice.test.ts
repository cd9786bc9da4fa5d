import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { analyze, type GraphEdge } from "../engine";
import { simulatorApi } from "../worker/simulatorApi";
import { createGwsimStore } from "./index";
import {
  MAX_HISTORY,
  selectSimEdgeOnPath,
  selectSimNodeOnPath,
  selectSimEdgeTraffic,
  selectSimTraceIsCurrent,
  selectSimulatorWorkspace,
} from "./simulatorSlice";
import { applySimRolloutStep, composeFromObject } from "./simulatorCompose";
// The page loads the engine's editor lazily (editEngine.ts); these tests edit synchronously.
import "./editEngineModule";

const example = readFileSync(
  new URL("../../fixtures/examples/shared-gateway-two-teams.yaml", import.meta.url),
  "utf8",
);
const sources = [{ name: "workspace.yaml", text: example }];
const shop = { scheme: "http" as const, host: "shop.example.com", path: "/" };

function loaded() {
  const store = createGwsimStore({ initialText: "x" });
  store.getState().setText(example, "example");
  const revision = store.getState().revision;
  store.getState().setAnalysis(revision, analyze(sources));
  return { store, revision };
}

function edge(partial: Partial<Omit<GraphEdge, "target">> & { target?: string }): GraphEdge {
  return {
    id: "e",
    kind: "backend",
    source: "HTTPRoute/team-b/shop",
    target: "Service/team-b/shop-v1",
    status: "ok",
    ...partial,
  } as GraphEdge;
}

describe("simulatorSlice", () => {
  test("a trace for the current revision lights its listener, route and weighted backends; a text change makes it outdated", () => {
    const { store, revision } = loaded();
    store.getState().setSimTrace(simulatorApi.simTrace(revision, sources, shop));
    const s = store.getState();
    expect(selectSimTraceIsCurrent(s)).toBe(true);
    expect(
      selectSimEdgeOnPath(
        edge({ kind: "parent", target: "Gateway/infra/shared", targetListener: "http" }),
      )(s),
    ).toBe(true);
    expect(
      selectSimEdgeOnPath(
        edge({ kind: "parent", target: "Gateway/infra/shared", targetListener: "https" }),
      )(s),
    ).toBe(false);
    expect(selectSimEdgeOnPath(edge({ ruleIndex: 1, backendRefIndex: 0 }))(s)).toBe(true);
    expect(
      selectSimEdgeOnPath(
        edge({ ruleIndex: 1, backendRefIndex: 1, target: "Service/team-b/shop-v2" }),
      )(s),
    ).toBe(true);
    expect(
      selectSimEdgeOnPath(
        edge({ ruleIndex: 0, backendRefIndex: 0, target: "Service/team-b/shop-v2" }),
      )(s),
    ).toBe(false);
    expect(selectSimNodeOnPath("Service/team-b/shop-v1")(s)).toBe(true);
    expect(selectSimNodeOnPath("HTTPRoute/team-a/store")(s)).toBe(false);

    store.getState().setText(`${example}\n# edited\n`, "editor");
    const after = store.getState();
    expect(selectSimTraceIsCurrent(after)).toBe(false);
    expect(selectSimEdgeOnPath(edge({ ruleIndex: 1, backendRefIndex: 0 }))(after)).toBe(false);
    expect(selectSimNodeOnPath("HTTPRoute/team-b/shop")(after)).toBe(false);
  });

  test("the history keeps the most recent distinct requests first, at most MAX_HISTORY", () => {
    const { store, revision } = loaded();
    for (let i = 0; i < MAX_HISTORY + 5; i++)
      store
        .getState()
        .setSimTrace(simulatorApi.simTrace(revision, sources, { ...shop, path: `/p${i}` }));
    store
      .getState()
      .setSimTrace(simulatorApi.simTrace(revision, sources, { ...shop, path: "/p23" }));
    const history = store.getState().simHistory;
    expect(history).toHaveLength(MAX_HISTORY);
    expect(history[0]?.path).toBe("/p23");
    expect(history[1]?.path).toBe("/p24");
    expect(history.filter((r) => r.path === "/p23")).toHaveLength(1);
  });

  test("saved requests and mixes make up the autosaved part, and restore replaces them", () => {
    const { store } = loaded();
    store.getState().setSimDraft(shop);
    store.getState().saveSimRequest("");
    store.getState().saveSimRequest("canary", { ...shop, headers: { "x-canary": "true" } });
    store
      .getState()
      .saveSimMix({ id: "", name: "browse", templates: [{ name: "a", request: shop, weight: 1 }] });
    const saved = selectSimulatorWorkspace(store.getState());
    expect(saved.requests.map((r) => r.name)).toEqual(["GET shop.example.com/", "canary"]);
    expect(saved.mixes[0]?.id).toMatch(/^mix-/);
    expect(selectSimulatorWorkspace(store.getState())).toBe(saved);
    store.getState().saveSimMix({ ...saved.mixes[0]!, name: "renamed" });
    expect(store.getState().simMixes.map((m) => m.name)).toEqual(["renamed"]);
    store.getState().removeSimRequest(saved.requests[0]!.id);
    expect(store.getState().simSaved.map((r) => r.name)).toEqual(["canary"]);
    const other = createGwsimStore();
    other.getState().restoreSimulator(structuredClone(selectSimulatorWorkspace(store.getState())));
    expect(other.getState().simSaved).toEqual(store.getState().simSaved);
    expect(other.getState().simMixes).toEqual(store.getState().simMixes);
  });

  test("a trace the user sends counts; a re-run that follows the YAML does not (the canvas pans only for the first)", () => {
    const { store, revision } = loaded();
    expect(store.getState().simTraceSent).toBe(0);
    store.getState().setSimTrace(simulatorApi.simTrace(revision, sources, shop));
    expect(store.getState().simTraceSent).toBe(1);
    store.getState().setSimTrace(simulatorApi.simTrace(revision, sources, shop), { recent: false });
    expect(store.getState().simTraceSent).toBe(1);
    expect(store.getState().simPath).toBeDefined();
  });

  test("Recent is part of the saved simulator: restore brings a workspace its own Recent, or none", () => {
    const { store, revision } = loaded();
    store
      .getState()
      .setSimTrace(simulatorApi.simTrace(revision, sources, { ...shop, path: "/mine" }));
    const saved = structuredClone(selectSimulatorWorkspace(store.getState()));
    expect(saved.history?.map((r) => r.path)).toEqual(["/mine"]);
    store
      .getState()
      .setSimTrace(simulatorApi.simTrace(revision, sources, { ...shop, path: "/later" }));
    store.getState().restoreSimulator(saved);
    expect(store.getState().simHistory.map((r) => r.path)).toEqual(["/mine"]);
    store.getState().restoreSimulator({ requests: [], mixes: [] });
    expect(store.getState().simHistory).toEqual([]);
    store.getState().restoreSimulator({
      requests: [],
      mixes: [],
      history: [{ scheme: "http" }, { nope: 1 } as never],
    });
    expect(store.getState().simHistory).toEqual([{ scheme: "http" }]);
  });

  test("mix traffic shows on backend edges only while it is for the current revision", () => {
    const { store, revision } = loaded();
    const mix = { id: "m", name: "m", templates: [{ name: "a", request: shop, weight: 1 }] };
    store.getState().setSimTraffic({
      revision,
      mixId: "m",
      traffic: simulatorApi.simMixTraffic(revision, sources, mix).traffic,
    });
    expect(
      selectSimEdgeTraffic(edge({ ruleIndex: 1, backendRefIndex: 1 }))(store.getState()),
    ).toBeCloseTo(0.1, 10);
    expect(
      selectSimEdgeTraffic(edge({ ruleIndex: 0, backendRefIndex: 0 }))(store.getState()),
    ).toBeUndefined();
    store.getState().setText("", "editor");
    expect(
      selectSimEdgeTraffic(edge({ ruleIndex: 1, backendRefIndex: 1 }))(store.getState()),
    ).toBeUndefined();
  });

  test("simulator state is not part of undo", () => {
    const { store } = loaded();
    const past = store.temporal.getState().pastStates.length;
    store.getState().setSimOpen(true);
    store.getState().setSimDraft(shop);
    expect(store.temporal.getState().pastStates.length).toBe(past);
  });

  test("composeFromObject fills the composer from a route rule or a Gateway listener", () => {
    const { store } = loaded();
    expect(composeFromObject(store, "HTTPRoute/team-a/store", 1)).toBe(true);
    expect(store.getState().simDraft).toMatchObject({
      host: "store.example.com",
      path: "/static",
      gateway: "infra/shared",
      port: 80,
    });
    expect(composeFromObject(store, "Gateway/infra/shared")).toBe(true);
    expect(store.getState().simDraft).toMatchObject({
      host: "www.example.com",
      port: 80,
      path: "/",
    });
    expect(composeFromObject(store, "HTTPRoute/x/none")).toBe(false);
  });

  test("a rollout step writes only the weight lines that change, as one undo step", () => {
    const { store } = loaded();
    store.getState().setSimRollout({
      route: "HTTPRoute/team-b/shop",
      ruleIndex: 1,
      backendIndex: 1,
      steps: [10, 30, 100],
      current: -1,
    });
    const before = store.getState().text;
    expect(applySimRolloutStep(store, 0)?.changedLines).toEqual([]);
    expect(store.getState().text).toBe(before);
    const result = applySimRolloutStep(store, 2);
    expect(result?.failed).toEqual([]);
    const a = before.split("\n");
    const b = store.getState().text.split("\n");
    expect(b).toHaveLength(a.length);
    expect(a.flatMap((line, i) => (line === b[i] ? [] : [`${line} -> ${b[i]}`]))).toEqual([
      "          weight: 90 ->           weight: 0",
      "          weight: 10 ->           weight: 100",
    ]);
    expect(store.getState().simRollout?.current).toBe(2);
    store.getState().undo();
    expect(store.getState().text).toBe(before);
  });

  test("restoring ignores malformed saved entries instead of trusting storage", () => {
    const store = createGwsimStore();
    store.getState().restoreSimulator({
      requests: [
        { id: "a", name: "ok", request: shop },
        { id: "b", name: "bad" } as never,
        null as never,
      ],
      mixes: [{ id: "m", name: "bad mix", templates: [{ name: "t", weight: "x" }] } as never],
    });
    expect(store.getState().simSaved.map((r) => r.id)).toEqual(["a"]);
    expect(store.getState().simMixes).toEqual([]);
  });
});
