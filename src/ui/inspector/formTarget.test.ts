import { describe, expect, test } from "vitest";
import type { GraphNode, ResourceKey } from "../../engine";
import { sameFormTarget } from "./formTarget";

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
