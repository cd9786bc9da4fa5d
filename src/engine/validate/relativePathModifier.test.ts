/**
 * A replaceFullPath or replacePrefixMatch without its leading "/": no CRD rule refuses it, so it
 * is a located warning (filter.relative-path) saying what the data plane does, and the simulation
 * keeps the path absolute instead of running it into the host (http://svc:8080foo/bar).
 */
import { describe, expect, test } from "vitest";
import { analyze } from "../analyze";
import { compileRouter } from "../routing/compileRouter";
import { traceRequest } from "../simulate/traceRequest";

const routeWith = (filter: string) => `apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: gc}
spec: {controllerName: example.com/c}
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw, namespace: default}
spec:
  gatewayClassName: gc
  listeners: [{name: http, protocol: HTTP, port: 8080}]
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
    - matches: [{path: {type: PathPrefix, value: /app}}]
      filters: [${filter}]
      backendRefs: [{name: web, port: 80}]
`;

function run(filter: string) {
  const analysis = analyze([{ name: "r.yaml", text: routeWith(filter) }]);
  const warnings = analysis.diagnostics.filter((d) => d.code === "filter.relative-path");
  const trace = traceRequest(compileRouter(analysis), {
    gateway: "default/gw",
    scheme: "http",
    host: "web",
    port: 8080,
    path: "/app/x",
  });
  return { analysis, warnings, outcome: trace.outcome };
}

describe("a path modifier without its leading slash", () => {
  test("RequestRedirect replaceFullPath: a located warning naming Linkerd's refusal; the Location keeps host and path apart", () => {
    const { warnings, outcome } = run(
      "{type: RequestRedirect, requestRedirect: {path: {type: ReplaceFullPath, replaceFullPath: foo/bar}}}",
    );
    expect(warnings.map((d) => [d.severity, d.line, d.path])).toEqual([
      ["warning", 25, "spec.rules[0].filters[0].requestRedirect.path.replaceFullPath"],
    ]);
    expect(warnings[0]?.message).toContain(
      '"foo/bar" is not an absolute path (it does not start with "/"). No CRD rule refuses it, but Linkerd\'s admission webhook refuses the route',
    );
    expect(outcome.redirect?.location).toBe("http://web:8080/foo/bar");
  });

  test("URLRewrite replacePrefixMatch: a warning saying what the backend gets; the backend receives an absolute path", () => {
    const { warnings, outcome } = run(
      "{type: URLRewrite, urlRewrite: {path: {type: ReplacePrefixMatch, replacePrefixMatch: v2}}}",
    );
    expect(warnings.map((d) => d.path)).toEqual([
      "spec.rules[0].filters[0].urlRewrite.path.replacePrefixMatch",
    ]);
    expect(warnings[0]?.message).toContain("400 Bad Request");
    expect(outcome.request?.path).toBe("/v2/x");
  });

  test("an absolute path, and the spec's empty replacePrefixMatch, are not reported", () => {
    for (const filter of [
      "{type: URLRewrite, urlRewrite: {path: {type: ReplaceFullPath, replaceFullPath: /v2}}}",
      "{type: URLRewrite, urlRewrite: {path: {type: ReplacePrefixMatch, replacePrefixMatch: ''}}}",
    ])
      expect(run(filter).warnings).toEqual([]);
    expect(
      run(
        "{type: URLRewrite, urlRewrite: {path: {type: ReplacePrefixMatch, replacePrefixMatch: ''}}}",
      ).outcome.request?.path,
    ).toBe("/x");
  });
});
