import { describe, expect, test } from "vitest";
import { applyEdits } from "./applyEdits";
import { checkEdit } from "./checkEdit";
import { readField } from "./readField";
import { routeStructureEdits, type StructureEdit } from "./structureEdits";
import type { ObjectSelector } from "./editOps";

const TEXT = `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: web, namespace: infra}
spec:
  parentRefs: [{name: gw}]
  rules:
    # the API, with a canary
    - matches:
        - path: {type: PathPrefix, value: /api}   # versioned below
      backendRefs:
        - name: api   # v1
          port: 8080
          weight: 90
        - name: api-v2
          port: 8080
          weight: 10
    # everything else
    - backendRefs:
        - name: web
          namespace: shop
          port: 80
          weight: 3
`;
const route: ObjectSelector = { kind: "HTTPRoute", namespace: "infra", name: "web" };

function run(edit: StructureEdit, text = TEXT, target = route) {
  const plan = routeStructureEdits(text, target, edit);
  const result = applyEdits(text, plan.ops);
  expect(result.failed).toEqual([]);
  return { plan, text: result.text };
}
const lines = (t: string) => t.split("\n");
/** Lines of `before` missing from `after`, and lines of `after` new to it (a crude diff). */
function diff(before: string, after: string) {
  return {
    removed: lines(before).filter((l) => !lines(after).includes(l)),
    added: lines(after).filter((l) => !lines(before).includes(l)),
  };
}

describe("routeStructureEdits: rules", () => {
  test("adds a rule with an unused path and the backend of the nearest rule that has one, weight left out", () => {
    const { plan, text } = run({ action: "addRule" });
    expect(plan.consequence).toBeUndefined();
    expect(readField(text, route, ["spec", "rules", 2])).toEqual({
      matches: [{ path: { type: "PathPrefix", value: "/new-rule" } }],
      backendRefs: [{ name: "web", namespace: "shop", port: 80 }],
    });
    // Only the appended lines are new; every existing line (comments included) stays.
    expect(diff(TEXT, text).removed).toEqual([]);
    expect(text.startsWith(TEXT)).toBe(true);
  });

  test("the new rule's path does not repeat one the route already uses", () => {
    const first = run({ action: "addRule" }).text;
    const second = run({ action: "addRule" }, first).text;
    expect(readField(second, route, ["spec", "rules", 3, "matches", 0, "path", "value"])).toBe(
      "/new-rule-2",
    );
  });

  test("a route without backends gets a rule without backendRefs, and the plan says requests get 500", () => {
    const bare = `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: web, namespace: infra}
spec:
  parentRefs: [{name: gw}]
`;
    const { plan, text } = run({ action: "addRule" }, bare);
    expect(readField(text, route, ["spec", "rules"])).toEqual([
      { matches: [{ path: { type: "PathPrefix", value: "/new-rule" } }] },
    ]);
    expect(plan.consequence).toMatch(/no backendRefs.*HTTP 500/);
  });

  test("an explicit empty rules list gets the rule appended to it", () => {
    const empty = TEXT.slice(0, TEXT.indexOf("  rules:")) + "  rules: []\n";
    const { text } = run({ action: "addRule" }, empty);
    expect(readField(text, route, ["spec", "rules"])).toEqual([
      { matches: [{ path: { type: "PathPrefix", value: "/new-rule" } }] },
    ]);
  });

  test("a TCPRoute's new rule has no matches, only the backend", () => {
    const tcp = `apiVersion: gateway.networking.k8s.io/v1alpha2
kind: TCPRoute
metadata: {name: db}
spec:
  parentRefs: [{name: gw}]
  rules:
    - backendRefs: [{name: pg, port: 5432}]
`;
    const target = { kind: "TCPRoute", namespace: "default", name: "db" };
    const { text } = run({ action: "addRule" }, tcp, target);
    expect(readField(text, target, ["spec", "rules", 1])).toEqual({
      backendRefs: [{ name: "pg", port: 5432 }],
    });
  });

  test("removes a rule with the comment above it, nothing else", () => {
    const { plan, text } = run({ action: "removeRule", ruleIndex: 0 });
    expect(plan.consequence).toBeUndefined();
    const { removed, added } = diff(TEXT, text);
    expect(added).toEqual([]);
    expect(removed).toContain("    # the API, with a canary");
    expect(removed).toContain("        - name: api-v2");
    expect(text).toContain("    # everything else");
    expect(readField(text, route, ["spec", "rules"])).toHaveLength(1);
  });

  test("removing the last rule removes the field and says the route then answers 500", () => {
    const once = run({ action: "removeRule", ruleIndex: 0 }).text;
    const { plan, text } = run({ action: "removeRule", ruleIndex: 0 }, once);
    expect(readField(text, route, ["spec", "rules"])).toBeUndefined();
    expect(text).not.toMatch(/rules:/);
    expect(plan.consequence).toMatch(/without rules.*HTTP 500/);
  });

  test("a rule that is not there is a problem, not an op", () => {
    const plan = routeStructureEdits(TEXT, route, { action: "removeRule", ruleIndex: 5 });
    expect(plan.ops).toEqual([]);
    expect(plan.problem).toMatch(/rule 5/);
  });

  test("a 17th rule is refused by validation (CRD maxItems 16)", () => {
    let text = TEXT;
    for (let i = 2; i < 16; i++) text = run({ action: "addRule" }, text).text;
    expect(readField(text, route, ["spec", "rules"])).toHaveLength(16);
    const plan = routeStructureEdits(text, route, { action: "addRule" });
    const checked = checkEdit(text, plan.ops, route);
    expect(checked.errors.map((d) => d.message).join(" ")).toMatch(/16/);
  });
});

describe("routeStructureEdits: matches", () => {
  test("adds an alternative match with an unused path after the existing ones", () => {
    const { text } = run({ action: "addMatch", ruleIndex: 0 });
    expect(readField(text, route, ["spec", "rules", 0, "matches"])).toEqual([
      { path: { type: "PathPrefix", value: "/api" } },
      { path: { type: "PathPrefix", value: "/new-rule" } },
    ]);
    expect(diff(TEXT, text).removed).toEqual([]);
  });

  test("a rule without matches keeps matching everything: its implicit PathPrefix / is written out", () => {
    const { text } = run({ action: "addMatch", ruleIndex: 1 });
    expect(readField(text, route, ["spec", "rules", 1, "matches"])).toEqual([
      { path: { type: "PathPrefix", value: "/" } },
      { path: { type: "PathPrefix", value: "/new-rule" } },
    ]);
  });

  test("removes one match; the last one removes the field and says the rule then matches everything", () => {
    const two = run({ action: "addMatch", ruleIndex: 0 }).text;
    const one = run({ action: "removeMatch", ruleIndex: 0, matchIndex: 0 }, two);
    expect(one.plan.consequence).toBeUndefined();
    expect(readField(one.text, route, ["spec", "rules", 0, "matches"])).toEqual([
      { path: { type: "PathPrefix", value: "/new-rule" } },
    ]);
    const none = run({ action: "removeMatch", ruleIndex: 0, matchIndex: 0 }, one.text);
    expect(readField(none.text, route, ["spec", "rules", 0, "matches"])).toBeUndefined();
    expect(readField(none.text, route, ["spec", "rules", 0, "backendRefs"])).toHaveLength(2);
    expect(none.plan.consequence).toMatch(/every request/);
  });

  test("a match that is not there, or a kind without path matches, is a problem", () => {
    expect(
      routeStructureEdits(TEXT, route, { action: "removeMatch", ruleIndex: 1, matchIndex: 0 })
        .problem,
    ).toMatch(/no match 0/);
    const grpc = TEXT.replace("kind: HTTPRoute", "kind: GRPCRoute");
    const target = { ...route, kind: "GRPCRoute" };
    const plan = routeStructureEdits(grpc, target, { action: "addMatch", ruleIndex: 0 });
    expect(plan.ops).toEqual([]);
    expect(plan.problem).toMatch(/GRPCRoute/);
  });
});

describe("routeStructureEdits: backendRefs", () => {
  test("appends a backendRef with name, port and weight", () => {
    const { text } = run({
      action: "addBackend",
      ruleIndex: 1,
      backend: { name: " shop-v2 ", port: 80, weight: 1 },
    });
    expect(readField(text, route, ["spec", "rules", 1, "backendRefs", 1])).toEqual({
      name: "shop-v2",
      port: 80,
      weight: 1,
    });
    expect(diff(TEXT, text).removed).toEqual([]);
  });

  test("removes one backendRef with its comment; the last removes the field and says 500", () => {
    const first = run({ action: "removeBackend", ruleIndex: 0, backendIndex: 0 });
    expect(first.plan.consequence).toBeUndefined();
    expect(readField(first.text, route, ["spec", "rules", 0, "backendRefs"])).toEqual([
      { name: "api-v2", port: 8080, weight: 10 },
    ]);
    expect(first.text).not.toContain("# v1");
    const last = run({ action: "removeBackend", ruleIndex: 0, backendIndex: 0 }, first.text);
    expect(readField(last.text, route, ["spec", "rules", 0, "backendRefs"])).toBeUndefined();
    expect(readField(last.text, route, ["spec", "rules", 0, "matches"])).toHaveLength(1);
    expect(last.plan.consequence).toMatch(/without backendRefs.*HTTP 500/);
  });

  test("a gRPC rule without backends says UNAVAILABLE", () => {
    const grpc = TEXT.replace("kind: HTTPRoute", "kind: GRPCRoute");
    const target = { ...route, kind: "GRPCRoute" };
    const plan = routeStructureEdits(grpc, target, {
      action: "removeBackend",
      ruleIndex: 1,
      backendIndex: 0,
    });
    expect(plan.consequence).toMatch(/UNAVAILABLE/);
  });

  test("a TCPRoute rule cannot lose its only backend: validation says so (CRD minItems 1)", () => {
    const tcp = `apiVersion: gateway.networking.k8s.io/v1alpha2
kind: TCPRoute
metadata: {name: db}
spec:
  parentRefs: [{name: gw}]
  rules:
    - backendRefs: [{name: pg, port: 5432}]
`;
    const target = { kind: "TCPRoute", namespace: "default", name: "db" };
    const plan = routeStructureEdits(tcp, target, {
      action: "removeBackend",
      ruleIndex: 0,
      backendIndex: 0,
    });
    expect(checkEdit(tcp, plan.ops, target).errors.length).toBeGreaterThan(0);
  });

  test("a Service backend without a port is reported by validation (CRD rule), with a port it is not", () => {
    const edit = (port?: number): StructureEdit => ({
      action: "addBackend",
      ruleIndex: 0,
      backend: port === undefined ? { name: "shop" } : { name: "shop", port },
    });
    const without = routeStructureEdits(TEXT, route, edit());
    expect(
      checkEdit(TEXT, without.ops, route)
        .errors.map((d) => d.message)
        .join(" "),
    ).toMatch(/port/i);
    const withPort = routeStructureEdits(TEXT, route, edit(80));
    expect(checkEdit(TEXT, withPort.ops, route).errors).toEqual([]);
  });
});

describe("routeStructureEdits: a backend typed in a form", () => {
  test("port and weight typed as text are written as numbers; a rule without backendRefs gets the list", () => {
    const removed = run({ action: "removeBackend", ruleIndex: 1, backendIndex: 0 }).text;
    const { text } = run(
      { action: "addBackend", ruleIndex: 1, backend: { name: "web", port: " 80 ", weight: "2" } },
      removed,
    );
    expect(readField(text, route, ["spec", "rules", 1, "backendRefs"])).toEqual([
      { name: "web", port: 80, weight: 2 },
    ]);
  });

  test("a port that is not a number reaches validation as typed, which refuses it", () => {
    const plan = routeStructureEdits(TEXT, route, {
      action: "addBackend",
      ruleIndex: 0,
      backend: { name: "web", port: "eighty" },
    });
    expect(checkEdit(TEXT, plan.ops, route).errors.length).toBeGreaterThan(0);
  });
});
