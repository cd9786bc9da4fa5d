import { describe, expect, test } from "vitest";
import type { HTTPRouteMatch } from "../api/spec";
import { aGateway, anHTTPRoute, routerFor, type BackendSpec } from "../../test-utils/routingModels";
import { routeRequest } from "./routeRequest";
import { traceRequest } from "./traceRequest";
import { createRng } from "./weights";
import type { SimRequest } from "./types";

// The fast path probes hash indexes; the trace walks the sorted list. They must agree on the
// winner for every request, or the benchmark would measure a different router than users see.
describe("routeRequest agrees with traceRequest", () => {
  const rng = createRng(2024);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)] as T;
  const PATHS = [
    "/",
    "/a",
    "/a/",
    "/a/b",
    "/ab",
    "/a/b/c",
    "/b",
    "/b/a",
    "/a/../b",
    "//a//b",
    "/%61/b",
    "/a#frag",
    "/a/b/c/d/e",
    "/ab/c",
    "/.a",
    "/A/b",
    "/a/b/",
  ];
  const REGEXES = ["/a.*", "/[ab]/.*", "/a/b", ".*c"];

  function randomMatch(): HTTPRouteMatch {
    const m: HTTPRouteMatch = {};
    const kind = rng();
    if (kind < 0.4) m.path = { type: "PathPrefix", value: pick(PATHS) };
    else if (kind < 0.7) m.path = { type: "Exact", value: pick(PATHS) };
    else if (kind < 0.85) m.path = { type: "RegularExpression", value: pick(REGEXES) };
    if (rng() < 0.3) m.method = pick(["GET", "POST"]);
    if (rng() < 0.3) m.headers = [{ name: pick(["x", "Y"]), value: pick(["1", "2"]) }];
    if (rng() < 0.2) m.queryParams = [{ name: "q", value: pick(["1", "2"]) }];
    return m;
  }

  test.each(Array.from({ length: 25 }, (_, i) => i))("random scenario %i", () => {
    const gw = aGateway("ns", "gw", [{ name: "http", port: 80, protocol: "HTTP" }]);
    const routes = Array.from({ length: 6 }, (_, r) =>
      anHTTPRoute("ns", `r${r}`, {
        hostnames: rng() < 0.3 ? ["a.example.com"] : [],
        creationTimestamp: `202${Math.floor(rng() * 3)}-01-01T00:00:00Z`,
        rules: Array.from({ length: 1 + Math.floor(rng() * 3) }, () => ({
          matches: Array.from({ length: Math.floor(rng() * 3) }, randomMatch),
          backends: [{ name: `s${r}` }],
        })),
      }),
    );
    const router = routerFor(gw, routes);
    for (let i = 0; i < 60; i++) {
      const req: SimRequest = {
        scheme: "http",
        host: pick(["a.example.com", "b.example.com"]),
        method: pick(["GET", "POST"]),
        path: `${pick(PATHS)}${rng() < 0.3 ? `?q=${pick(["1", "2"])}` : ""}`,
        headers:
          rng() < 0.5
            ? { [pick(["x", "X", "y"])]: pick(["1", "2"]) }
            : rng() < 0.5
              ? { X: pick(["1", "2"]), x: pick(["1", "2"]) }
              : {},
      };
      const trace = traceRequest(router, req);
      const fast = routeRequest(router, req);
      expect({
        route: fast.route,
        rule: fast.ruleIndex,
        match: fast.matchIndex,
        status: fast.status,
      }).toEqual({
        route: trace.winner?.route,
        rule: trace.winner?.ruleIndex,
        match: trace.winner?.matchIndex,
        status: trace.outcome.status,
      });
    }
  });
});

// Many virtual hosts (exact and wildcard names), weighted and invalid backendRefs and answering
// filters: every branch of the packed fast path, checked against the trace down to the backend.
describe("routeRequest agrees with traceRequest on hosts, weights and filters", () => {
  const rng = createRng(7);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)] as T;
  const HOSTS = [
    "a.example.com",
    "*.example.com",
    "b.a.example.com",
    "*.a.example.com",
    "c.example.org",
  ];
  const PATHS = ["/", "/v1", "/v1/users", "/v2", "/v1/users/7", "/static/app.js", "/v10"];

  function randomBackends(r: number): BackendSpec[] {
    const roll = rng();
    if (roll < 0.2)
      return [
        { name: `s${r}`, weight: 0 },
        { name: `t${r}`, weight: 3 },
      ];
    if (roll < 0.35)
      return [
        { name: `s${r}`, weight: 1 },
        { name: `t${r}`, weight: 1 },
      ];
    if (roll < 0.45) return [{ name: `s${r}`, invalid: "BackendNotFound" }];
    if (roll < 0.5)
      return [
        {
          name: `s${r}`,
          filters: [{ type: "RequestRedirect", requestRedirect: { statusCode: 301 } }],
        },
      ];
    return [{ name: `s${r}`, port: 8000 + r }];
  }

  test.each(Array.from({ length: 25 }, (_, i) => i))("random scenario %i", () => {
    const gw = aGateway("ns", "gw", [{ name: "http", port: 80, protocol: "HTTP" }]);
    const routes = Array.from({ length: 8 }, (_, r) =>
      anHTTPRoute("ns", `r${r}`, {
        hostnames: rng() < 0.8 ? [pick(HOSTS)] : [],
        rules: Array.from({ length: 1 + Math.floor(rng() * 3) }, () => ({
          matches: [{ path: { type: rng() < 0.3 ? "Exact" : "PathPrefix", value: pick(PATHS) } }],
          ...(rng() < 0.1
            ? {
                filters: [
                  {
                    type: "RequestRedirect" as const,
                    requestRedirect: { hostname: "moved.example.com" },
                  },
                ],
              }
            : {}),
          backends: randomBackends(r),
        })),
      }),
    );
    const router = routerFor(gw, routes);
    for (let i = 0; i < 80; i++) {
      const req: SimRequest = {
        scheme: "http",
        host: pick([
          "a.example.com",
          "x.example.com",
          "b.a.example.com",
          "z.b.a.example.com",
          "c.example.org",
          "other.net",
        ]),
        method: "GET",
        path: pick(PATHS),
        headers: {},
      };
      const options = { seed: 3, sample: i };
      const trace = traceRequest(router, req, options);
      const fast = routeRequest(router, req, options);
      expect({
        route: fast.route,
        rule: fast.ruleIndex,
        status: fast.status,
        backend: fast.backend,
      }).toEqual({
        route: trace.winner?.route,
        rule: trace.winner?.ruleIndex,
        status: trace.outcome.status,
        backend:
          trace.outcome.status === 200 || trace.outcome.backend?.target === "none"
            ? trace.outcome.backend?.target
            : fast.backend,
      });
    }
  });
});

describe("hostile or odd requests never throw", () => {
  const gw = aGateway("ns", "gw", [
    { name: "http", port: 80, protocol: "HTTP", hostname: "*.example.com" },
    { name: "https", port: 443, protocol: "HTTPS" },
    { name: "tls", port: 8443, protocol: "TLS", tlsMode: "Passthrough" },
  ]);
  const route = anHTTPRoute("ns", "r", {
    rules: [
      {
        matches: [{ path: { type: "RegularExpression", value: "/(a+)+$" } }],
        backends: [{ name: "a" }],
      },
      {
        matches: [
          {
            path: { type: "PathPrefix", value: "/x" },
            headers: [{ type: "RegularExpression", name: "h", value: "(b|bb)*c" }],
          },
        ],
        backends: [{ name: "b", weight: 0 }],
      },
      { backends: [{ name: "c", invalid: "BackendNotFound" }, { name: "d" }] },
    ],
  });
  const router = routerFor(gw, [route]);
  const rng = createRng(99);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)] as T;
  const HOSTS = [
    "",
    "A.EXAMPLE.COM:8080",
    "example.com",
    "[::1]:80",
    "ünïcode.example.com",
    ".",
    "a..example.com",
    "*.example.com",
  ];
  const PATHS = [
    "",
    "?",
    "#",
    "/%",
    "/%zz/../..",
    `/${"a".repeat(5000)}`,
    "/x?h=1&h=2",
    "//x//",
    "no-slash",
    "/x/./../x",
    "/\u0000",
  ];

  test("500 random requests", () => {
    for (let i = 0; i < 500; i++) {
      const req: SimRequest = {
        scheme: pick(["http", "https", "tls", "tcp", "udp"] as const),
        host: pick(HOSTS),
        path: pick(PATHS),
        method: pick(["GET", "get", "", "BREW"]),
        headers: pick([{}, { h: `${"b".repeat(3000)}c` }, { H: "x", h: "y" }]),
        ...(rng() < 0.5 ? { port: pick([80, 443, 8443, 0, 65535]) } : {}),
        ...(rng() < 0.3 ? { sni: pick(HOSTS) } : {}),
        ...(rng() < 0.2 ? { grpc: { service: pick(["", "a.B"]), method: pick(["", "M"]) } } : {}),
      };
      const trace = traceRequest(router, req);
      const fast = routeRequest(router, req);
      expect(fast.status).toBe(trace.outcome.status);
      expect(trace.outcome.reason.length).toBeGreaterThan(0);
    }
  });
});
