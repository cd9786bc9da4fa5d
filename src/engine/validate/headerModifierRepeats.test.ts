/**
 * A header modifier that names one header twice: what the CRD refuses (exact repeats inside one
 * action), what the spec admits and ignores (equivalent names), and that the rule stays accepted.
 */
import { describe, expect, test } from "vitest";
import { analyze } from "../analyze";
import { compileRouter } from "../routing/compileRouter";
import { traceRequest } from "../simulate/traceRequest";
import type { RouteStatus } from "../types";

const route = (modifier: string) => `apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: gc}
spec: {controllerName: example.com/c}
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw, namespace: default}
spec:
  gatewayClassName: gc
  listeners: [{name: http, protocol: HTTP, port: 80}]
---
apiVersion: v1
kind: Service
metadata: {name: web, namespace: default}
spec: {ports: [{port: 80}]}
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: r, namespace: default}
spec:
  parentRefs: [{name: gw}]
  rules:
    - filters:
        - type: RequestHeaderModifier
          requestHeaderModifier:
${modifier}
      backendRefs: [{name: web, port: 80}]
`;

function run(modifier: string) {
  const analysis = analyze([{ name: "in.yaml", text: route(modifier) }], { world: "closed" });
  const accepted = (
    analysis.status["HTTPRoute/default/r"] as RouteStatus
  ).parents[0]?.conditions.find((c) => c.type === "Accepted");
  const trace = traceRequest(compileRouter(analysis), {
    scheme: "http",
    path: "/",
    headers: { "X-Foo": "from-client" },
  });
  const found = analysis.diagnostics.filter(
    (d) => d.code === "filter.header-repeated" || d.code === "schema.rule",
  );
  return { accepted, trace, found };
}

describe("a header modifier naming one header twice", () => {
  test("equivalent names in another action: a located warning quoting the spec, the rule stays accepted, and only the first entry acts", () => {
    const r = run(`            set: [{name: X-Foo, value: a}]
            add: [{name: x-foo, value: b}]
            remove: [X-FOO]`);
    expect(r.accepted).toMatchObject({ status: "True", reason: "Accepted" });
    expect(r.found.map((d) => [d.code, d.severity, d.line, d.path])).toEqual([
      [
        "filter.header-repeated",
        "warning",
        28,
        "spec.rules[0].filters[0].requestHeaderModifier.add[0].name",
      ],
      [
        "filter.header-repeated",
        "warning",
        29,
        "spec.rules[0].filters[0].requestHeaderModifier.remove[0]",
      ],
    ]);
    expect(r.found[0]?.message).toContain(
      'spec.rules[0].filters[0].requestHeaderModifier.add[0]: header "x-foo" is already named at spec.rules[0].filters[0].requestHeaderModifier.set[0]',
    );
    expect(r.found[0]?.message).toContain("Only one action for a given header name is permitted");
    expect(r.trace.outcome).toMatchObject({ kind: "forwarded", status: 200 });
    expect(r.trace.outcome.request?.headers["x-foo"]).toBe("a");
    expect(r.trace.filters[0]?.effect).toContain(
      "add x-foo ignored: the filter already names it (set); the first entry counts",
    );
  });

  test("equivalent names inside one action: the later entry is ignored, as HTTPHeader.name says", () => {
    const r = run("            set: [{name: X-Foo, value: a}, {name: x-foo, value: b}]");
    expect(r.accepted).toMatchObject({ status: "True" });
    expect(r.found.map((d) => [d.code, d.severity])).toEqual([
      ["filter.header-repeated", "warning"],
    ]);
    expect(r.found[0]?.message).toContain(
      "the first entry with an equivalent name MUST be considered",
    );
    expect(r.trace.outcome.request?.headers["x-foo"]).toBe("a");
  });

  test("the exact same name twice in one action: the CRD list-map key makes the API server refuse the object (an error naming the CRD rule)", () => {
    const r = run("            set: [{name: X-Foo, value: a}, {name: X-Foo, value: b}]");
    expect(r.found.map((d) => [d.code, d.severity, d.path])).toEqual([
      ["schema.rule", "error", "spec.rules[0].filters[0].requestHeaderModifier.set[1]"],
    ]);
    expect(r.found[0]?.message).toContain("x-kubernetes-list-map-keys: [name]");
    const removed = run("            remove: [X-Foo, X-Foo]");
    expect(removed.found.map((d) => [d.code, d.path])).toEqual([
      ["schema.rule", "spec.rules[0].filters[0].requestHeaderModifier.remove[1]"],
    ]);
    expect(removed.found[0]?.message).toContain("x-kubernetes-list-type: set");
  });

  test("different headers: nothing to report", () => {
    expect(
      run(`            set: [{name: X-A, value: a}]
            add: [{name: X-B, value: b}]
            remove: [X-C]`).found,
    ).toEqual([]);
  });
});

test("a header named __proto__ is set like any other (no prototype write, no silent loss)", () => {
  const r = run("            set: [{name: __proto__, value: a}]");
  expect(r.found).toEqual([]);
  expect(Object.hasOwn(r.trace.outcome.request?.headers ?? {}, "__proto__")).toBe(true);
  expect(r.trace.outcome.request?.headers["__proto__"]).toBe("a");
});
