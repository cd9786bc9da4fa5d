import { describe, expect, it } from "vitest";
import { analyze } from "../analyze";
import { resourceKey } from "../api/keys";
import type { RouteParentExplain } from "../types";
import { describeRouteParentProblem, listProblems } from "./problems";

const TEXT = `# world: closed
apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: { name: gc }
spec: { controllerName: example.com/gc }
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: { name: web, namespace: infra }
spec:
  gatewayClassName: gc
  listeners:
    - { name: http, protocol: HTTP, port: 80, allowedRoutes: { namespaces: { from: Same } } }
---
apiVersion: v1
kind: Service
metadata: { name: svc, namespace: app }
spec: { ports: [{ port: 8080 }] }
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: { name: r, namespace: app }
spec:
  parentRefs: [{ name: web, namespace: infra }]
  rules:
    - backendRefs: [{ name: svc, port: 8080 }, { name: gone, port: 8080 }]
`;

describe("listProblems", () => {
  const sources = [{ name: "in.yaml", text: TEXT }];
  const problems = listProblems(analyze(sources, { world: "closed" }));

  it("phrases a refused parent once: the Problems row and the CLI lint finding say the same words", () => {
    const row = problems.find((p) => p.kind === "route");
    expect(row?.message).toMatch(/^HTTPRoute app\/r is not attached to infra\/web: .*Same/);
    expect(row?.object).toBe("HTTPRoute/app/r");
    const finding = analyze(sources, { world: "closed" }).lint.find(
      (f) => f.diagnostic.code === "lint.route-not-accepted",
    );
    expect(finding?.diagnostic.message).toBe(row?.message);
  });

  it("lists a missing backend once, at the backendRef, not again as an unlocated backend row", () => {
    const rows = problems.filter((p) => p.message.includes("gone"));
    expect(rows.map((p) => [p.kind, p.code, p.line, p.column])).toEqual([
      ["diagnostic", "ref.not-found", 26, 48],
    ]);
  });

  it("names an unresolvable backendRef with its route and rule", () => {
    const refused = TEXT.replace(
      "{ name: gone, port: 8080 }",
      "{ name: svc, namespace: other, port: 8080 }",
    );
    const other = `---
apiVersion: v1
kind: Service
metadata: { name: svc, namespace: other }
spec: { ports: [{ port: 8080 }] }
`;
    const rows = listProblems(
      analyze([{ name: "in.yaml", text: refused + other }], { world: "closed" }),
    );
    const row = rows.find((p) => p.kind === "backend");
    expect(row?.code).toBe("RefNotPermitted");
    expect(row?.message).toMatch(/^HTTPRoute app\/r rule 0: .*other\/svc/);
  });
});

describe("listProblems on a slice of a cluster", () => {
  const route = (parentRef: string) => `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: { name: web, namespace: shop }
spec:
  parentRefs: [${parentRef}]
  rules:
    - backendRefs: [{ name: web, port: 80 }]
`;

  it("counts no error for a parent the world assumes: its status is unknown, as check says", () => {
    const analysis = analyze([
      { name: "route.yaml", text: route("{ name: eg, namespace: infra }") },
    ]);
    const problems = listProblems(analysis);
    expect(problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(problems.filter((p) => p.kind === "route")).toEqual([]);
    // The located note that says the parent is assumed is still listed.
    expect(problems.map((p) => p.code)).toContain("assume.parent");
  });

  it("lists a parent that will get no status as a warning, not a refusal", () => {
    const ref = "{ group: example.com, kind: Mesh, name: m }";
    const analysis = analyze([{ name: "route.yaml", text: route(ref) }]);
    const row = listProblems(analysis).find((p) => p.kind === "route");
    expect(row?.severity).toBe("warning");
    expect(row?.message).toMatch(/^HTTPRoute shop\/web is not attached to/);
  });
});

describe("listProblems on a parent missing from the input", () => {
  const ROUTE = `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: { name: r, namespace: shop }
spec:
  parentRefs: [{ name: nowhere }]
`;
  const GATEWAY = `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: { name: gw, namespace: shop }
spec:
  gatewayClassName: gc
  listeners: [{ name: http, protocol: HTTP, port: 80 }]
`;
  const rowsFor = (world: "auto" | "closed", texts: readonly string[]) =>
    listProblems(
      analyze(
        texts.map((text, i) => ({ name: `f${i}.yaml`, text })),
        { world },
      ),
    ).filter((p) => p.object === "HTTPRoute/shop/r" || p.message.includes("nowhere"));

  it("closed world: one row, located at the parentRef, that says the input is the whole cluster", () => {
    const rows = rowsFor("closed", [ROUTE]);
    expect(rows.map((p) => [p.kind, p.code, p.line, p.column])).toEqual([
      ["diagnostic", "ref.not-found", 5, 16],
    ]);
    expect(rows[0]?.message).toContain(
      "parentRef Gateway shop/nowhere is not in the input, so the route has no status for it (closed world: the input is the whole cluster",
    );
  });

  it("auto world, other Gateways in its namespace: one row that says what a slice would assume", () => {
    const rows = rowsFor("auto", [GATEWAY, ROUTE]);
    expect(rows.map((p) => [p.kind, p.code])).toEqual([["diagnostic", "ref.not-found"]]);
    expect(rows[0]?.message).toContain(
      "(auto world: the workspace declares other Gateway objects in namespace shop, so a missing one is not assumed; the open world, for a slice of the cluster, assumes it exists",
    );
  });
});

describe("describeRouteParentProblem", () => {
  const explain = (message: string, noStatusReason: string): RouteParentExplain => ({
    route: resourceKey("HTTPRoute", "shop", "web"),
    parentRefIndex: 0,
    parentRef: { name: "eg" },
    noStatusReason,
    accepted: false,
    reason: "Pending",
    message,
    checks: [],
    listeners: [],
  });

  it("says a no-status reason once when the message already ends with it", () => {
    const reason = "Gateway shop/eg is not in the workspace";
    const phrase = describeRouteParentProblem(explain(`status unknown: ${reason}`, reason), "shop");
    expect(phrase.message).toBe(
      `HTTPRoute shop/web is not attached to shop/eg: status unknown: ${reason}`,
    );
    expect(phrase.hint).toBeUndefined();
  });

  it("keeps only what a no-status reason adds to the clause the message ends with", () => {
    const clause = "Gateway shop/eg is not reconciled: its GatewayClass gc is not in the input";
    const reason = `${clause}; no controller writes status for it`;
    const phrase = describeRouteParentProblem(explain(clause, reason), "shop");
    expect(phrase.message).toBe(`HTTPRoute shop/web is not attached to shop/eg: ${clause}`);
    expect(phrase.hint).toBe("no controller writes status for it");
  });

  it("keeps a no-status reason the message does not say as the hint", () => {
    const phrase = describeRouteParentProblem(
      explain("Gateway shop/eg not found", "no status"),
      "shop",
    );
    expect(phrase.hint).toBe("no status");
  });
});
