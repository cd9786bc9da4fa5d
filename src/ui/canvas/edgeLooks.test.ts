import { describe, expect, test } from "vitest";
import type { GraphEdge } from "../../engine";
import { EdgeLookStore, toEdgeShells } from "./edgeLooks";
import type { FlowEdge } from "./flowTypes";

const semantic = (id: string, status: GraphEdge["status"]): GraphEdge =>
  ({ id, kind: "backend", source: "r", target: "s", status }) as unknown as GraphEdge;

const edge = (id: string, status: GraphEdge["status"] = "ok", lane?: number): FlowEdge => ({
  id,
  type: "status",
  source: "r",
  sourceHandle: "out",
  target: `s-${id}`,
  targetHandle: "in",
  deletable: true,
  data: {
    edge: semantic(id, status),
    status,
    stale: false,
    ...(lane === undefined ? {} : { lane }),
  },
});

describe("toEdgeShells", () => {
  test("edges whose status or label changed keep their shells, and the array with them", () => {
    const first = toEdgeShells([], [edge("a"), edge("b")]);
    const next = toEdgeShells(first, [edge("a", "error"), edge("b")]);
    expect(next).toBe(first);
  });

  test("a shell carries the ends, handles, lane and deletability, not the look", () => {
    const [shell] = toEdgeShells([], [edge("a", "error", 2)]);
    expect(shell).toEqual({
      id: "a",
      type: "status",
      data: { lane: 2 },
      source: "r",
      sourceHandle: "out",
      target: "s-a",
      targetHandle: "in",
      deletable: true,
    });
  });

  test("a moved lane or end gives that edge a new shell; the others keep theirs", () => {
    const first = toEdgeShells([], [edge("a"), edge("b")]);
    const next = toEdgeShells(first, [edge("a", "ok", 1), edge("b")]);
    expect(next).not.toBe(first);
    expect(next[0]).not.toBe(first[0]);
    expect(next[0]?.data).toEqual({ lane: 1 });
    expect(next[1]).toBe(first[1]);
    const retargeted = toEdgeShells(first, [{ ...edge("a"), target: "elsewhere" }, edge("b")]);
    expect(retargeted[0]?.target).toBe("elsewhere");
    expect(toEdgeShells(first, [edge("b")])).toEqual([first[1]]);
  });
});

describe("EdgeLookStore", () => {
  test("publishing says whether a look changed; subscribers hear of it on notify", () => {
    const store = new EdgeLookStore();
    const a = edge("a");
    const b = edge("b");
    expect(store.publish([a, b])).toBe(true);
    expect(store.get("a")).toBe(a.data);
    expect(store.publish([a, b])).toBe(false);
    let heard = 0;
    const stop = store.subscribe(() => heard++);
    const broken = edge("a", "error");
    expect(store.publish([broken, b])).toBe(true);
    store.notify();
    expect(heard).toBe(1);
    expect(store.get("a")?.status).toBe("error");
    stop();
    store.notify();
    expect(heard).toBe(1);
    expect(store.publish([b])).toBe(true);
    expect(store.get("a")).toBeUndefined();
  });

  test("notifyIfChanged tells a change once, however often it was published", () => {
    const store = new EdgeLookStore();
    let heard = 0;
    store.subscribe(() => heard++);
    const a = edge("a");
    store.publish([a]);
    // The same render run twice (StrictMode, a discarded render): the second publish sees no change.
    expect(store.publish([a])).toBe(false);
    store.notifyIfChanged();
    expect(heard).toBe(1);
    store.notifyIfChanged();
    expect(heard).toBe(1);
    store.publish([a]);
    store.notifyIfChanged();
    expect(heard).toBe(1);
    store.publish([edge("a", "error")]);
    store.notifyIfChanged();
    expect(heard).toBe(2);
  });
});
