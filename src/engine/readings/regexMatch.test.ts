/**
 * The reading regexMatch: a RegularExpression match covers the whole value (gwsim's default, as
 * Envoy does) or any part of it (nginx `~`, as NGINX Gateway Fabric does). The workspace is the
 * shape of NGF's advanced-routing suite (audit s20): a header and a query regex that match only
 * part of the request's value.
 */
import { describe, expect, test } from "vitest";
import { analyze } from "../analyze";
import { compileRouter } from "../routing/compileRouter";
import { routeRequest } from "../simulate/routeRequest";
import { traceRequest } from "../simulate/traceRequest";
import { printTrace } from "../print/printTrace";
import type { SimRequest } from "../simulate/types";
import type { AnalyzeOptions } from "../types";
import { parseReadings } from "./readings";

const TEXT = `apiVersion: gateway.networking.k8s.io/v1
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
metadata: {name: v1, namespace: default}
spec: {ports: [{port: 80}]}
---
apiVersion: v1
kind: Service
metadata: {name: v2, namespace: default}
spec: {ports: [{port: 80}]}
---
apiVersion: v1
kind: Service
metadata: {name: v3, namespace: default}
spec: {ports: [{port: 80}]}
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: coffee, namespace: default}
spec:
  parentRefs: [{name: gw}]
  rules:
    - matches: [{path: {type: PathPrefix, value: /coffee}}]
      backendRefs: [{name: v1, port: 80}]
    - matches:
        - path: {type: PathPrefix, value: /coffee}
          headers: [{name: headerRegex, type: RegularExpression, value: "header-[a-z]{1}"}]
        - path: {type: PathPrefix, value: /coffee}
          queryParams: [{name: queryRegex, type: RegularExpression, value: "query-[a-z]{1}"}]
      backendRefs: [{name: v3, port: 80}]
    - matches: [{path: {type: RegularExpression, value: "/tea/v[0-9]"}}]
      backendRefs: [{name: v2, port: 80}]
    - matches: [{path: {type: RegularExpression, value: "^/anchored$"}}]
      backendRefs: [{name: v2, port: 80}]
`;

const request = (path: string, headers?: Record<string, string>): SimRequest => ({
  scheme: "http",
  gateway: "default/gw",
  host: "cafe.example.com",
  path,
  ...(headers !== undefined ? { headers } : {}),
});

function routeBoth(options: AnalyzeOptions, req: SimRequest) {
  const router = compileRouter(analyze([{ name: "in.yaml", text: TEXT }], options));
  const trace = traceRequest(router, req);
  const fast = routeRequest(router, req);
  // The fast Router and the explaining trace must agree under either reading.
  expect(fast.status).toBe(trace.outcome.status);
  expect(fast.backend ?? "none").toBe(trace.outcome.backends[0]?.target ?? "none");
  return { trace, fast };
}

const PARTIAL: AnalyzeOptions = { readings: { regexMatch: "partial" } };

describe("reading regexMatch", () => {
  const cases: [string, SimRequest, string, string][] = [
    [
      "a header regex matching part of the value",
      request("/coffee", { headerRegex: "header-regex" }),
      "default/v1:80",
      "default/v3:80",
    ],
    [
      "a query regex matching part of the value",
      request("/coffee?queryRegex=query-regex"),
      "default/v1:80",
      "default/v3:80",
    ],
    [
      "a path regex matching a prefix of the path",
      request("/tea/v1/menu"),
      "none",
      "default/v2:80",
    ],
  ];
  for (const [what, req, full, partial] of cases) {
    test(`${what}: full (default) misses it, partial takes it`, () => {
      expect(routeBoth({}, req).fast.backend ?? "none").toBe(full);
      expect(routeBoth(PARTIAL, req).fast.backend ?? "none").toBe(partial);
    });
  }

  test("a value the regex covers whole matches under both readings; anchors still anchor under partial", () => {
    const whole = request("/coffee", { headerRegex: "header-r" });
    expect(routeBoth({}, whole).fast.backend).toBe("default/v3:80");
    expect(routeBoth(PARTIAL, whole).fast.backend).toBe("default/v3:80");
    expect(routeBoth(PARTIAL, request("/anchored")).fast.backend).toBe("default/v2:80");
    expect(routeBoth(PARTIAL, request("/x/anchored/y")).fast.status).toBe(404);
  });

  test("the trace names the reading where a regex was tested under partial, and only then", () => {
    const req = request("/coffee", { headerRegex: "header-regex" });
    const partial = printTrace(routeBoth(PARTIAL, req).trace);
    expect(partial).toContain(
      'header headerRegex: header-regex contains a match of "header-[a-z]{1}" (RE2, reading regexMatch=partial)',
    );
    expect(partial).toContain(
      'path /coffee contains no match of "/tea/v[0-9]" (RE2, reading regexMatch=partial)',
    );
    const full = printTrace(routeBoth({}, req).trace);
    expect(full).toContain(
      'header headerRegex: header-regex does not fully match "header-[a-z]{1}"',
    );
    expect(full).toContain('path /coffee does not fully match "/tea/v[0-9]" (RE2)');
    expect(full).not.toContain("regexMatch");
  });

  test("mesh requests follow the reading too", () => {
    const mesh = `apiVersion: v1
kind: Service
metadata: {name: api, namespace: default}
spec: {ports: [{port: 80}]}
---
apiVersion: v1
kind: Service
metadata: {name: api-v2, namespace: default}
spec: {ports: [{port: 80}]}
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: split, namespace: default}
spec:
  parentRefs: [{group: "", kind: Service, name: api, port: 80}]
  rules:
    - matches: [{headers: [{name: x-env, type: RegularExpression, value: "canary"}]}]
      backendRefs: [{name: api-v2, port: 80}]
    - backendRefs: [{name: api, port: 80}]
`;
    const req: SimRequest = {
      scheme: "http",
      port: 80,
      path: "/",
      headers: { "x-env": "eu-canary-1" },
      mesh: { clientNamespace: "default", service: "api" },
    };
    const backend = (options: AnalyzeOptions) =>
      routeRequest(compileRouter(analyze([{ name: "in.yaml", text: mesh }], options)), req).backend;
    expect(backend({})).toBe("default/api:80");
    expect(backend(PARTIAL)).toBe("default/api-v2:80");
  });

  test("--reading regexMatch=partial parses; another value is an error naming both", () => {
    expect(parseReadings(["regexMatch=partial"])).toEqual({
      readings: { regexMatch: "partial" },
      errors: [],
    });
    expect(parseReadings(["regexMatch=anywhere"]).errors[0]).toContain(
      "reading regexMatch takes full or partial",
    );
  });
});

describe("reading regexMatch in lint's shadow proofs", () => {
  // Two routes with the same PathPrefix /a: the older shadows the newer, proven by GET /a. A regex
  // rule "a" (ranked above any prefix) takes /a only under partial, so the proof must not hold there.
  const text = `${TEXT.split("---\napiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute")[0]}---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: old, namespace: default, creationTimestamp: "2024-01-01T00:00:00Z"}
spec:
  parentRefs: [{name: gw}]
  rules:
    - matches: [{path: {type: PathPrefix, value: /a}}]
      backendRefs: [{name: v1, port: 80}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: new, namespace: default, creationTimestamp: "2025-01-01T00:00:00Z"}
spec:
  parentRefs: [{name: gw}]
  rules:
    - matches: [{path: {type: PathPrefix, value: /a}}]
      backendRefs: [{name: v2, port: 80}]
    - matches: [{path: {type: RegularExpression, value: "a"}}]
      backendRefs: [{name: v3, port: 80}]
`;

  test("every proving request reaches the winner the finding names, under either reading", () => {
    for (const options of [{}, PARTIAL]) {
      const analysis = analyze([{ name: "in.yaml", text }], options);
      const router = compileRouter(analysis);
      const shadowed = analysis.lint.filter((f) => f.diagnostic.code === "lint.shadowed-match");
      if (options === PARTIAL) expect(shadowed).toEqual([]);
      else expect(shadowed).toHaveLength(1);
      for (const f of shadowed)
        expect(routeRequest(router, f.request as SimRequest).route).toBe("HTTPRoute/default/old");
    }
  });
});
