import { describe, expect, test } from "vitest";
import { analyze } from "../analyze";
import { compileRouter } from "../routing/compileRouter";
import { traceRequest } from "../simulate/traceRequest";
import { requestForRule } from "./requestForRule";
import { requestMissingRule } from "./requestMissingRule";

const gateway = `apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: gc}
spec: {controllerName: example.com/c}
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw, namespace: default}
spec:
  gatewayClassName: gc
  listeners:
    - {name: http, protocol: HTTP, port: 80}
---
apiVersion: v1
kind: Service
metadata: {name: svc, namespace: default}
spec: {ports: [{port: 80}]}
`;

function route(name: string, spec: string, kind = "HTTPRoute"): string {
  return `---
apiVersion: gateway.networking.k8s.io/v1
kind: ${kind}
metadata: {name: ${name}, namespace: default}
spec:
  parentRefs: [{name: gw}]
${spec}`;
}

function setup(routes: string) {
  const analysis = analyze([{ name: "in.yaml", text: gateway + routes }]);
  return { analysis, router: compileRouter(analysis) };
}

/** The derived miss must really miss the rule, while the derived hit reaches it. */
function expectMiss(routes: string, key: string, miss: string, request: Record<string, unknown>) {
  const { analysis, router } = setup(routes);
  const hit = requestForRule(analysis, key, 0);
  expect(traceRequest(router, hit!.request).winner).toMatchObject({ route: key, ruleIndex: 0 });
  const got = requestMissingRule(analysis, key, 0);
  expect(got?.miss).toBe(miss);
  expect(got?.request).toMatchObject(request);
  const winner = traceRequest(router, got!.request).winner;
  expect(winner === undefined || winner.route !== key || winner.ruleIndex !== 0).toBe(true);
}

describe("requestMissingRule", () => {
  test("a header match: the same request without the header", () => {
    const r = route(
      "r",
      `  rules:\n    - matches: [{headers: [{name: x-canary, value: "on"}]}]\n      backendRefs: [{name: svc, port: 80}]\n`,
    );
    expectMiss(r, "HTTPRoute/default/r", "without header x-canary", { path: "/", method: "GET" });
    const { analysis } = setup(r);
    expect(requestMissingRule(analysis, "HTTPRoute/default/r", 0)?.request.headers).toBeUndefined();
  });

  test("a query parameter match: the same path without the parameter", () => {
    const r = route(
      "r",
      `  rules:\n    - matches: [{path: {type: PathPrefix, value: /s}, queryParams: [{name: q, value: x}]}]\n      backendRefs: [{name: svc, port: 80}]\n`,
    );
    expectMiss(r, "HTTPRoute/default/r", "without query parameter q", { path: "/s" });
  });

  test("a method match: another method", () => {
    const r = route(
      "r",
      `  rules:\n    - matches: [{method: POST}]\n      backendRefs: [{name: svc, port: 80}]\n`,
    );
    expectMiss(r, "HTTPRoute/default/r", "method GET", { method: "GET" });
  });

  test("a path prefix: one character past it, which is not a segment of it", () => {
    const r = route(
      "r",
      `  rules:\n    - matches: [{path: {type: PathPrefix, value: /api/}}]\n      backendRefs: [{name: svc, port: 80}]\n`,
    );
    expectMiss(r, "HTTPRoute/default/r", "path /apix", { path: "/apix" });
  });

  test("an exact path: the same path with a trailing slash", () => {
    const r = route(
      "r",
      `  rules:\n    - matches: [{path: {type: Exact, value: /login}}]\n      backendRefs: [{name: svc, port: 80}]\n`,
    );
    expectMiss(r, "HTTPRoute/default/r", "path /login/", { path: "/login/" });
  });

  test("a catch-all rule with a wildcard hostname: the apex the wildcard does not cover", () => {
    const r = route(
      "r",
      `  hostnames: ["*.example.com"]\n  rules:\n    - backendRefs: [{name: svc, port: 80}]\n`,
    );
    expectMiss(r, "HTTPRoute/default/r", "host example.com", { host: "example.com" });
  });

  test("a catch-all rule with an exact hostname: a name one label below it", () => {
    const r = route(
      "r",
      `  hostnames: [shop.example.com]\n  rules:\n    - backendRefs: [{name: svc, port: 80}]\n`,
    );
    expectMiss(r, "HTTPRoute/default/r", "host miss.shop.example.com", {
      host: "miss.shop.example.com",
    });
  });

  test("a gRPC method match: another method of the same service", () => {
    const r = route(
      "g",
      `  rules:\n    - matches: [{method: {service: pkg.Greeter, method: Hello}}]\n      backendRefs: [{name: svc, port: 80}]\n`,
      "GRPCRoute",
    );
    expectMiss(r, "GRPCRoute/default/g", "gRPC method pkg.Greeter/HelloX", {
      grpc: { service: "pkg.Greeter", method: "HelloX" },
    });
  });

  test("a rule that takes every request of its listener has no near miss", () => {
    const { analysis } = setup(
      route("r", `  rules:\n    - backendRefs: [{name: svc, port: 80}]\n`),
    );
    expect(requestMissingRule(analysis, "HTTPRoute/default/r", 0)).toBeUndefined();
    expect(requestMissingRule(analysis, "HTTPRoute/default/nope", 0)).toBeUndefined();
  });
});
