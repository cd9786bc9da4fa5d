import { describe, expect, test } from "vitest";
import type { GraphNode, ResourceKey } from "../../engine";
import { sameFormData, sameFormTarget } from "./formTarget";

const route: GraphNode = {
  id: "HTTPRoute/team/web" as ResourceKey,
  kind: "HTTPRoute",
  category: "route",
  name: "web",
  namespace: "team",
  status: "ok",
  ghost: false,
  details: { category: "route", hostnames: [], rules: 1 } as unknown as GraphNode["details"],
};

describe("sameFormTarget", () => {
  test("a new analysis' node for the same object keeps the forms, whatever its status", () => {
    const failing: GraphNode = { ...route, status: "error", reason: "BackendNotFound" };
    expect(sameFormTarget({ node: route }, { node: failing })).toBe(true);
  });

  test("another object, kind, category or a ghost gets its own forms", () => {
    for (const other of [
      { ...route, name: "api" },
      { ...route, namespace: "infra" },
      { ...route, kind: "GRPCRoute" },
      { ...route, ghost: true },
      { ...route, details: { category: "gateway" } as unknown as GraphNode["details"] },
    ])
      expect(sameFormTarget({ node: route }, { node: other })).toBe(false);
  });
});

describe("sameFormData", () => {
  const rule = (port: number) => ({
    route: { kind: "HTTPRoute", namespace: "team", name: "web" },
    kind: "HTTPRoute",
    ruleIndex: 0,
    rule: { matches: [{ path: { type: "PathPrefix", value: "/" } }], backendRefs: [{ port }] },
  });

  test("a row read again from a new text, saying the same, keeps its forms", () => {
    expect(sameFormData(rule(80), rule(80))).toBe(true);
  });

  test("a changed value, another index or another owner renders the row again", () => {
    expect(sameFormData(rule(80), rule(81))).toBe(false);
    expect(sameFormData(rule(80), { ...rule(80), ruleIndex: 1 })).toBe(false);
    expect(
      sameFormData(rule(80), {
        ...rule(80),
        route: { kind: "HTTPRoute", namespace: "a", name: "web" },
      }),
    ).toBe(false);
  });
});
