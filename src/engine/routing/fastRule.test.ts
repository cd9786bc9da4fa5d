/**
 * The per-rule values compileRouter precomputes for the fast path (FastRule), checked against the
 * resolved rules they are read from, including the lists it shares between rules.
 */
import { describe, expect, test } from "vitest";
import { analyze } from "../analyze";
import { compileRouter } from "./compileRouter";
import { collectCandidates } from "./collectCandidates";
import type { CompiledCandidate } from "./router";

const text = `# world: closed
apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: c}
spec: {controllerName: example.com/c}
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw, namespace: ns}
spec:
  gatewayClassName: c
  listeners: [{name: http, port: 80, protocol: HTTP}]
---
apiVersion: v1
kind: Service
metadata: {name: a, namespace: ns}
spec: {ports: [{port: 80}]}
---
apiVersion: v1
kind: Service
metadata: {name: b, namespace: ns}
spec: {ports: [{port: 80}]}
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: r, namespace: ns}
spec:
  parentRefs: [{name: gw}]
  rules:
  - matches: [{path: {type: PathPrefix, value: /one}}, {path: {type: Exact, value: /one-b}}]
    backendRefs: [{name: a, port: 80}, {name: b, port: 80}]
  - matches: [{path: {type: PathPrefix, value: /two}, headers: [{name: x, value: "1"}]}]
    backendRefs: [{name: a, port: 80, weight: 3}, {name: b, port: 80, weight: 1}]
  - matches: [{path: {type: PathPrefix, value: /three}, queryParams: [{name: q, value: "1"}]}]
    backendRefs:
    - name: a
      port: 80
      filters: [{type: RequestHeaderModifier, requestHeaderModifier: {set: [{name: h, value: v}]}}]
    - name: b
      port: 80
      filters: [{type: ExtensionRef, extensionRef: {group: example.com, kind: Thing, name: t}}]
`;

function candidates(): CompiledCandidate[] {
  const router = compileRouter(analyze([{ name: "in.yaml", text }]));
  return [...router.gateways.values()].flatMap((g) =>
    [...g.ports.values()].flatMap((p) =>
      p.listeners.flatMap((l) => l.virtualHostList.flatMap((v) => v.all)),
    ),
  );
}

describe("FastRule", () => {
  const all = candidates();
  const byPath = (value: string) => {
    const c = all.find((x) => x.pathValue === value);
    if (c === undefined) throw new Error(`no candidate for ${value}`);
    return c;
  };

  test("says which backend's own filters may answer, per backendRef", () => {
    expect(all).toHaveLength(4);
    expect(byPath("/one").fast.backendMayAnswer).toEqual([false, false]);
    expect(byPath("/two").fast.backendMayAnswer).toEqual([false, false]);
    // A header modifier never answers; an ExtensionRef (not simulated) does.
    expect(byPath("/three").fast.backendMayAnswer).toEqual([false, true]);
    expect(byPath("/three").fast.weights).toEqual([1, 1]);
    expect(byPath("/two").fast.weights).toEqual([3, 1]);
    expect(byPath("/two").fast.totalWeight).toBe(4);
  });

  test("rules whose backends cannot answer share one read-only list", () => {
    const shared = byPath("/one").fast.backendMayAnswer;
    expect(byPath("/two").fast.backendMayAnswer).toBe(shared);
    expect(Object.isFrozen(shared)).toBe(true);
    expect(byPath("/three").fast.backendMayAnswer).not.toBe(shared);
  });

  test("a match without header or query conditions has none; one with them has them", () => {
    expect(byPath("/one").headers).toEqual([]);
    expect(byPath("/one").query).toEqual([]);
    expect(byPath("/two").headers.map((h) => h.name)).toEqual(["x"]);
    expect(byPath("/two").query).toEqual([]);
    expect(byPath("/three").query.map((q) => q.name)).toEqual(["q"]);
    expect(byPath("/one").pathOnly).toBe(true);
    expect(byPath("/two").pathOnly).toBe(false);
  });
});

describe("compiled candidates' rank keys", () => {
  test("equal the keys collectCandidates ranks by, with or without the analysis's table", () => {
    const analysis = analyze([{ name: "in.yaml", text }]);
    const expected = collectCandidates(analysis.gateways, analysis.routes, analysis.attachments)
      .flatMap((l) => l.virtualHosts.flatMap((v) => v.candidates))
      .map((c) => c.rank);
    expect(expected).toHaveLength(4);
    expect(expected.map((r) => r.matchIndex)).toContain(1);
    const { routeTable: _table, ...withoutTable } = analysis;
    for (const input of [analysis, withoutTable]) {
      const router = compileRouter(input);
      const ranks = router.gatewayList
        .flatMap((g) => [...g.ports.values()].flatMap((p) => p.listeners))
        .flatMap((l) => l.virtualHostList.flatMap((v) => v.all))
        .map((c) => c.rank);
      expect(ranks).toEqual(expected);
    }
  });
});
