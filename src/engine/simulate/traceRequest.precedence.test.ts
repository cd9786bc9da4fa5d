import { describe, expect, test } from "vitest";
import { aGateway, anHTTPRoute, HTTP80, routerFor } from "../../test-utils/routingModels";
import { traceRequest } from "./traceRequest";
import { routeRequest } from "./routeRequest";
import type { SimRequest } from "./types";

const gw = aGateway("infra", "gw", HTTP80);
const to = (name: string) => [{ name }];
const prefix = (value: string) => ({ type: "PathPrefix", value });

describe("method ranks above header count, path length above method (HTTPRouteMethodMatching)", () => {
  const route = anHTTPRoute("infra", "method-matching", {
    rules: [
      { matches: [{ method: "POST" }], backends: to("v1") },
      { matches: [{ method: "GET" }], backends: to("v2") },
      { matches: [{ path: prefix("/path1"), method: "GET" }], backends: to("v1") },
      {
        matches: [{ headers: [{ name: "version", value: "one" }], method: "PUT" }],
        backends: to("v2"),
      },
      {
        matches: [
          { path: prefix("/path2"), headers: [{ name: "version", value: "two" }], method: "POST" },
        ],
        backends: to("v3"),
      },
      {
        matches: [
          { path: prefix("/path3"), method: "PATCH" },
          {
            path: prefix("/path4"),
            headers: [{ name: "version", value: "three" }],
            method: "DELETE",
          },
        ],
        backends: to("v1"),
      },
      { matches: [{ path: prefix("/path5") }], backends: to("v1") },
      { matches: [{ method: "PATCH" }], backends: to("v2") },
      { matches: [{ headers: [{ name: "version", value: "four" }] }], backends: to("v3") },
    ],
  });
  const router = routerFor(gw, [route]);

  test.each([
    ["POST", "/", {}, "v1"],
    ["GET", "/", {}, "v2"],
    ["HEAD", "/", {}, undefined],
    ["GET", "/path1", {}, "v1"],
    ["PUT", "/", { version: "one" }, "v2"],
    ["POST", "/path2", { version: "two" }, "v3"],
    ["PATCH", "/path3", {}, "v1"],
    ["DELETE", "/path4", { version: "three" }, "v1"],
    ["PUT", "/", {}, undefined],
    ["DELETE", "/path4", {}, undefined],
    ["PATCH", "/path5", {}, "v1"],
    ["PATCH", "/", { version: "four" }, "v2"],
  ])("%s %s %j → %s", (method, path, headers, want) => {
    const req: SimRequest = { scheme: "http", method, path, headers };
    const t = traceRequest(router, req);
    expect(t.outcome.backend?.name).toBe(want);
    expect(t.outcome.status).toBe(want === undefined ? 404 : 200);
    expect(routeRequest(router, req).backend).toBe(
      want === undefined ? undefined : `infra/${want}:8080`,
    );
  });

  test("the trace names the tie-break step that ranked the winner", () => {
    const t = traceRequest(router, {
      scheme: "http",
      method: "PATCH",
      path: "/",
      headers: { version: "four" },
    });
    expect(t.winner).toMatchObject({ ruleIndex: 7, matchIndex: 0 });
    expect(t.tieBreak).toMatchObject({ step: "method", runnerUp: { ruleIndex: 8 } });
    const p5 = traceRequest(router, { scheme: "http", method: "PATCH", path: "/path5" });
    expect(p5.tieBreak).toMatchObject({ step: "path length", runnerUp: { ruleIndex: 7 } });
    expect(p5.tieBreak?.detail).toBe("a longer path (6 characters) ranks above a shorter one (0)");
  });

  test("losers show every failed condition with the values compared", () => {
    const t = traceRequest(router, { scheme: "http", method: "DELETE", path: "/path4" });
    const rule5 = t.candidates.find((c) => c.ruleIndex === 5 && c.matchIndex === 1);
    expect(rule5?.pass).toBe(false);
    expect(rule5?.conditions.map((c) => [c.condition, c.pass])).toEqual([
      ["path", true],
      ["method", true],
      ["headers", false],
    ]);
    expect(rule5?.conditions[2]?.detail).toBe("header version is absent (wanted = three)");
  });
});

describe("Exact beats prefixes, longer prefixes beat shorter (HTTPRoutePathMatchOrder)", () => {
  const route = anHTTPRoute("infra", "path-matching-order", {
    rules: [
      { matches: [{ path: { type: "Exact", value: "/match" } }], backends: to("v1") },
      { matches: [{ path: { type: "Exact", value: "/match/exact" } }], backends: to("v2") },
      { matches: [{ path: { type: "Exact", value: "/match/exact/one" } }], backends: to("v3") },
      { matches: [{ path: prefix("/match/") }], backends: to("v3") },
      { matches: [{ path: prefix("/match/prefix/") }], backends: to("v1") },
      { matches: [{ path: prefix("/match/prefix/one") }], backends: to("v2") },
    ],
  });
  const router = routerFor(gw, [route]);
  test.each([
    ["/match", "v1"],
    ["/match/exact", "v2"],
    ["/match/exact/one", "v3"],
    ["/match/", "v3"],
    ["/match/prefix/", "v1"],
    ["/match/prefix/any", "v1"],
    ["/match/prefix/one", "v2"],
    ["/match/prefix/one/", "v2"],
    ["/match/any", "v3"],
  ])("%s → %s", (path, want) => {
    expect(traceRequest(router, { scheme: "http", path }).outcome.backend?.name).toBe(want);
    expect(routeRequest(router, { scheme: "http", path }).backend).toBe(`infra/${want}:8080`);
  });
});

describe("precedence across routes", () => {
  test("header count breaks a tie between equal prefixes in different routes (HTTPRouteMatchingAcrossRoutes)", () => {
    const a = anHTTPRoute("infra", "a", {
      creationTimestamp: "2020-01-01T00:00:00Z",
      rules: [{ matches: [{ headers: [{ name: "version", value: "two" }] }], backends: to("v1") }],
    });
    const b = anHTTPRoute("infra", "b", {
      creationTimestamp: "2024-01-01T00:00:00Z",
      rules: [
        {
          matches: [
            {
              headers: [
                { name: "version", value: "two" },
                { name: "color", value: "orange" },
              ],
            },
          ],
          backends: to("v2"),
        },
      ],
    });
    const router = routerFor(gw, [a, b]);
    const t = traceRequest(router, {
      scheme: "http",
      headers: { version: "two", color: "orange" },
    });
    expect(t.outcome.backend?.name).toBe("v2");
    expect(t.tieBreak).toMatchObject({
      step: "header count",
      runnerUp: { route: "HTTPRoute/infra/a" },
    });
  });

  test("then the older route, then namespace/name, then rule order", () => {
    const older = anHTTPRoute("infra", "zzz", {
      creationTimestamp: "2020-01-01T00:00:00Z",
      rules: [{ backends: to("old") }],
    });
    const newer = anHTTPRoute("infra", "aaa", {
      creationTimestamp: "2021-01-01T00:00:00Z",
      rules: [{ backends: to("new") }],
    });
    const t = traceRequest(routerFor(gw, [newer, older]), { scheme: "http" });
    expect(t.outcome.backend?.name).toBe("old");
    expect(t.tieBreak).toMatchObject({ step: "route age" });

    const sameAgeA = anHTTPRoute("a-ns", "r", { rules: [{ backends: to("a") }] });
    const sameAgeB = anHTTPRoute("b-ns", "r", {
      rules: [{ backends: to("b") }, { backends: to("b2") }],
    });
    const byName = traceRequest(routerFor(gw, [sameAgeB, sameAgeA]), { scheme: "http" });
    expect(byName.outcome.backend?.name).toBe("a");
    expect(byName.tieBreak).toMatchObject({
      step: "route name",
      detail: "a-ns/r comes before b-ns/r alphabetically",
    });

    const byRule = traceRequest(routerFor(gw, [sameAgeB]), { scheme: "http" });
    expect(byRule.outcome.backend?.name).toBe("b");
    expect(byRule.tieBreak).toMatchObject({ step: "rule order" });
  });

  test("RegularExpression ranks between Exact and PathPrefix, longer patterns first", () => {
    const r = anHTTPRoute("infra", "r", {
      rules: [
        { matches: [{ path: prefix("/api/v1") }], backends: to("prefix") },
        {
          matches: [{ path: { type: "RegularExpression", value: "/api/v[0-9]" } }],
          backends: to("short-regex"),
        },
        {
          matches: [{ path: { type: "RegularExpression", value: "/api/v[0-9]+" } }],
          backends: to("long-regex"),
        },
        { matches: [{ path: { type: "Exact", value: "/api/v1" } }], backends: to("exact") },
      ],
    });
    const router = routerFor(gw, [r]);
    expect(traceRequest(router, { scheme: "http", path: "/api/v1" }).outcome.backend?.name).toBe(
      "exact",
    );
    expect(traceRequest(router, { scheme: "http", path: "/api/v2" }).outcome.backend?.name).toBe(
      "long-regex",
    );
    expect(traceRequest(router, { scheme: "http", path: "/api/v1/x" }).outcome.backend?.name).toBe(
      "prefix",
    );
    expect(routeRequest(router, { scheme: "http", path: "/api/v2" }).backend).toBe(
      "infra/long-regex:8080",
    );
  });

  test("invalid rules are dropped; a rule without matches is PathPrefix /", () => {
    const r = anHTTPRoute("infra", "r", {
      rules: [
        { matches: [{ path: prefix("/x") }], backends: to("dropped"), valid: false },
        { backends: to("catch-all") },
      ],
    });
    const t = traceRequest(routerFor(gw, [r]), { scheme: "http", path: "/x" });
    expect(t.outcome.backend?.name).toBe("catch-all");
    expect(t.candidates).toHaveLength(1);
  });

  test("query params count after headers; names are case-sensitive", () => {
    const r = anHTTPRoute("infra", "r", {
      rules: [
        { matches: [{ queryParams: [{ name: "animal", value: "whale" }] }], backends: to("query") },
        { matches: [{ headers: [{ name: "version", value: "four" }] }], backends: to("header") },
      ],
    });
    const router = routerFor(gw, [r]);
    expect(
      traceRequest(router, { scheme: "http", path: "/?animal=whale", headers: { version: "four" } })
        .outcome.backend?.name,
    ).toBe("header");
    expect(
      traceRequest(router, { scheme: "http", path: "/?animal=whale" }).outcome.backend?.name,
    ).toBe("query");
    expect(traceRequest(router, { scheme: "http", path: "/?ANIMAL=whale" }).outcome.status).toBe(
      404,
    );
  });
});
