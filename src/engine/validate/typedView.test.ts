/**
 * The typed view validation builds (validateSchema.ts): every stage after validation reads it,
 * so values of the wrong type, nulls, YAML tags, alias cycles and prototype keys reach none of
 * them, and each dropped value has a located diagnostic.
 */
import { describe, expect, test } from "vitest";
import { analyze } from "../analyze";
import { compileRouter } from "../routing/compileRouter";
import { traceRequest } from "../simulate/traceRequest";
import { routeRequest } from "../simulate/routeRequest";
import { requestForRule } from "../whatif/requestForRule";
import { applyEdits } from "../edit/applyEdits";
import { loadValidated } from "./loadValidated";
import type { Analysis } from "../analysisTypes";

const BASE = `apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: gc}
spec: {controllerName: example.com/gc}
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw, namespace: ns}
spec:
  gatewayClassName: gc
  listeners:
  - {name: http, port: 80, protocol: HTTP}
---
apiVersion: v1
kind: Service
metadata: {name: svc, namespace: ns}
spec: {ports: [{port: 80}]}
---
`;

function route(rule: string): string {
  return `${BASE}apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: r, namespace: ns}
spec:
  parentRefs: [{name: gw}]
  rules:
  - ${rule}
    backendRefs: [{name: svc, port: 80}]
`;
}

/** analyze, then a trace and a routed request for every rule: none may throw. */
function runAll(text: string): Analysis {
  const analysis = analyze([{ name: "in.yaml", text }]);
  const router = compileRouter(analysis);
  for (const r of analysis.routes) {
    for (let i = 0; i < r.rules.length; i++) {
      const req = requestForRule(analysis, r.key, i);
      if (req === undefined) continue;
      structuredClone(traceRequest(router, req.request));
      routeRequest(router, req.request);
    }
  }
  structuredClone(analysis);
  return analysis;
}

const typeErrors = (a: Analysis) =>
  a.diagnostics
    .filter((d) => d.code === "schema.type")
    .map((d) => `${d.line}:${d.column} ${d.path ?? ""}`);

describe("typed view after validation", () => {
  test.each([
    [
      "a number where a string belongs",
      "matches: [{path: {value: 5}}]",
      ["25:30 spec.rules[0].matches[0].path.value"],
    ],
    [
      "a boolean where a list belongs",
      "matches: [{headers: true}]",
      ["25:25 spec.rules[0].matches[0].headers"],
    ],
    [
      "a mapping where a list belongs (retry codes)",
      "retry: {codes: 500}",
      ["25:20 spec.rules[0].retry.codes"],
    ],
    [
      "a number where a list belongs (header modifier)",
      "filters: [{type: RequestHeaderModifier, requestHeaderModifier: {set: 5}}]",
      ["25:74 spec.rules[0].filters[0].requestHeaderModifier.set"],
    ],
  ])(
    "%s: dropped with a located schema.type, and nothing downstream throws",
    (_what, rule, expected) => {
      expect(typeErrors(runAll(route(rule)))).toEqual(expected);
    },
  );

  test("null is unset: no diagnostic and no exception (headers: null, fraction: null)", () => {
    const a = runAll(
      route(
        "matches: [{headers: null}]\n    filters: [{type: RequestMirror, requestMirror: {backendRef: {name: svc, port: 80}, fraction: null}}]",
      ),
    );
    expect(typeErrors(a)).toEqual([]);
    expect(a.routes[0]?.rules[0]?.matches).toEqual([{}]);
  });

  test("a list entry of the wrong type keeps its place, so rule indexes still name what was written", () => {
    const text = `${BASE}apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: r, namespace: ns}
spec:
  parentRefs: [{name: gw}]
  rules:
  - 5
  - backendRefs: [{name: svc, port: 80}]
`;
    const a = runAll(text);
    expect(typeErrors(a)).toEqual(["25:5 spec.rules[0]"]);
    expect(a.routes[0]?.rules.map((r) => [r.index, r.backendRefs.length])).toEqual([
      [0, 0],
      [1, 1],
    ]);
  });

  test.each(["constructor", "toString", "__proto__", "hasOwnProperty"])(
    "listener protocol %s is an unsupported protocol, not a prototype lookup",
    (protocol) => {
      const a = runAll(BASE.replace("protocol: HTTP}", `protocol: ${protocol}}`));
      const listener = (
        a.status["Gateway/ns/gw"] as {
          listeners: { conditions: { type: string; status: string; reason: string }[] }[];
        }
      ).listeners[0];
      expect(listener?.conditions.find((c) => c.type === "Accepted")).toMatchObject({
        status: "False",
        reason: "UnsupportedProtocol",
      });
    },
  );

  test("a `!!merge` tag on a scalar leaves no Symbol in any result", () => {
    const a = runAll(route("matches: [{path: {type: PathPrefix, value: !!merge x}}]"));
    expect(() => structuredClone(a)).not.toThrow();
    expect(
      a.diagnostics.some(
        (d) => d.code === "schema.type" && d.path === "spec.rules[0].matches[0].path.value",
      ),
    ).toBe(true);
  });

  test("an alias that contains itself (a cycle) is cut, never followed forever or stringified", () => {
    const text = `${BASE}apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: r, namespace: ns}
spec:
  parentRefs: &p [{name: gw, port: *p}]
  rules: [{backendRefs: [{name: svc, port: 80}]}]
status: &s {parents: [*s]}
`;
    const a = runAll(text);
    expect(a.routes).toHaveLength(1);
    expect(JSON.stringify(a).length).toBeGreaterThan(0);
  });

  test("user-keyed maps have no prototype: a `__proto__` label is a label", () => {
    const loaded = loadValidated([
      {
        name: "in.yaml",
        text: "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: n\n  labels: {__proto__: x, constructor: y}\n",
      },
    ]);
    const ns = loaded.manifests[0];
    expect(Object.keys(ns?.labels ?? {})).toEqual(["__proto__", "constructor"]);
    expect(ns?.labels["__proto__"]).toBe("x");
    expect(ns?.labels["toString"]).toBeUndefined();
    const typedLabels = (ns?.body.metadata as { labels: Record<string, string> }).labels;
    expect(Object.getPrototypeOf(typedLabels)).toBeNull();
  });

  test("a YAML timestamp where a string belongs is dropped and described as a timestamp", () => {
    const a = runAll(route("name: !!timestamp 2001-12-14"));
    expect(a.diagnostics.find((d) => d.path === "spec.rules[0].name")?.message).toMatch(
      /timestamp 2001-12-14T00:00:00.000Z/,
    );
  });

  test("the typed view drops unknown fields, but the text keeps them and edits leave them alone", () => {
    const text = `${route("matches: [{path: {value: /a}}]")}  unknownField: {keep: me}
---
apiVersion: example.com/v1
kind: Widget
metadata: {name: w, namespace: ns}
spec: {anything: [1, {deep: true}]}
`;
    const a = runAll(text);
    expect(
      a.diagnostics.some(
        (d) => d.code === "schema.unknown-field" && d.path === "spec.unknownField",
      ),
    ).toBe(true);
    const edited = applyEdits(text, [
      {
        op: "setField",
        target: { kind: "HTTPRoute", namespace: "ns", name: "r" },
        path: ["spec", "hostnames"],
        value: ["a.example.com"],
      },
    ]);
    expect(edited.failed).toEqual([]);
    const out = edited.text;
    expect(out).toContain("unknownField: {keep: me}");
    expect(out).toContain("spec: {anything: [1, {deep: true}]}");
    expect(out).toContain("a.example.com");
  });
});
