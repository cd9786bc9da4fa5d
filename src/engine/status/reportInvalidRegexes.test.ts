/**
 * A rule dropped for a pattern that is not valid RE2 is a located warning at the pattern, once per
 * route however many parents it has; before, only each parent's PartiallyInvalid condition said it.
 */
import { describe, expect, test } from "vitest";
import { analyze, analyzeRevision } from "../analyze";
import { reanalyze } from "../incremental/reanalyze";
import { createParseCache } from "../load/parseCache";
import { loadValidated } from "../validate/loadValidated";

const gateway = `apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: c}
spec: {controllerName: example.com/c}
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw, namespace: app}
spec:
  gatewayClassName: c
  listeners:
    - {name: a, port: 80, protocol: HTTP}
    - {name: b, port: 8080, protocol: HTTP}
---
`;

function regexDiagnostics(text: string) {
  return analyze([{ name: "in.yaml", text }], { world: "closed" })
    .diagnostics.filter((d) => d.code === "rule.regex-not-re2")
    .map((d) => ({ path: d.path, line: d.line, column: d.column, message: d.message }));
}

describe("rule.regex-not-re2", () => {
  test("a lookahead in a path regex: one warning at the value, not one per parent", () => {
    const text = `${gateway}apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: r, namespace: app}
spec:
  parentRefs: [{name: gw, sectionName: a}, {name: gw, sectionName: b}]
  rules:
    - matches:
        - path: {type: RegularExpression, value: "/(?!admin).*"}
    - matches:
        - path: {type: PathPrefix, value: /}
`;
    const lines = text.split("\n");
    const line = lines.findIndex((l) => l.includes('"/(?!'));
    const found = regexDiagnostics(text);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      path: "spec.rules[0].matches[0].path.value",
      line: line + 1,
      column: (lines[line] ?? "").indexOf('"/(?!') + 1,
    });
    expect(found[0]?.message).toContain('rule 0 is dropped: its path regex "/(?!admin).*"');
    expect(found[0]?.message).toContain(
      "reports PartiallyInvalid=True (UnsupportedValue) and serves its other rules",
    );
  });

  test("header, query parameter and gRPC patterns point at their own value", () => {
    const text = `${gateway}apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: h, namespace: app}
spec:
  parentRefs: [{name: gw}]
  rules:
    - matches:
        - path: {type: PathPrefix, value: /}
        - headers: [{name: x, value: a}, {name: y, type: RegularExpression, value: "(a)\\\\1"}]
    - matches:
        - queryParams: [{name: q, type: RegularExpression, value: "(?<=x)y"}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: GRPCRoute
metadata: {name: g, namespace: app}
spec:
  parentRefs: [{name: gw}]
  rules:
    - matches:
        - method: {type: RegularExpression, service: "ok\\\\..*", method: "(?=Get)\\\\w+"}
`;
    expect(regexDiagnostics(text).map((d) => d.path)).toEqual([
      "spec.rules[0].matches[1].headers[1].value",
      "spec.rules[1].matches[0].queryParams[0].value",
      "spec.rules[0].matches[0].method.method",
    ]);
    const grpc = regexDiagnostics(text)[2]?.message;
    expect(grpc).toContain("reports Accepted=False (UnsupportedValue): no valid rule is left");
  });

  test("a rule dropped for another reason, and a valid RE2 pattern, get none", () => {
    const text = `${gateway}apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: r, namespace: app}
spec:
  parentRefs: [{name: gw}]
  rules:
    - matches:
        - path: {type: RegularExpression, value: "/v[0-9]+/.*"}
    - matches:
        - method: TRACEX
`;
    expect(regexDiagnostics(text)).toEqual([]);
  });
});

describe("rule.regex-not-re2 through the incremental pass", () => {
  const routeWith = (
    value: string,
    weight = 1,
  ) => `${gateway}apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: r, namespace: app}
spec:
  parentRefs: [{name: gw}]
  rules:
    - matches:
        - path: {type: RegularExpression, value: "${value}"}
    - matches:
        - path: {type: PathPrefix, value: /}
      backendRefs: [{name: s, port: 80, weight: ${weight}}]
`;
  /** Revision n, then n+1 through reanalyze: whatever it reuses, it must equal a fresh analysis. */
  function diagnosticsAfter(before: string, after: string, reused = false) {
    const cache = createParseCache();
    const clock = () => "2026-01-01T00:00:00Z";
    const files = (text: string) => [{ name: "in.yaml", text }];
    const previous = analyzeRevision(files(before), { clock, parseCache: cache });
    const next = reanalyze(
      previous,
      files(after),
      { clock, parseCache: cache },
      loadValidated(files(after), cache),
    );
    const fresh = analyzeRevision(files(after), { clock }).analysis;
    const incremental = next.revision?.analysis ?? fresh;
    expect(incremental.diagnostics).toEqual(fresh.diagnostics);
    if (reused) expect(next.fallback).toBeUndefined();
    return fresh.diagnostics.filter((d) => d.code === "rule.regex-not-re2").map((d) => d.path);
  }

  test("typing a lookahead adds the warning, removing it takes it away", () => {
    const valid = routeWith("/v[0-9]+");
    const lookahead = routeWith("/(?!v[0-9]+)");
    expect(diagnosticsAfter(valid, lookahead)).toEqual(["spec.rules[0].matches[0].path.value"]);
    expect(diagnosticsAfter(lookahead, valid)).toEqual([]);
  });

  test("a weight edit of the route the warning is about is reused and keeps it", () => {
    const lookahead = routeWith("/(?!v[0-9]+)", 1);
    const reweighted = routeWith("/(?!v[0-9]+)", 2);
    expect(diagnosticsAfter(lookahead, reweighted, true)).toEqual([
      "spec.rules[0].matches[0].path.value",
    ]);
  });
});
