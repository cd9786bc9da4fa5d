import { describe, expect, test } from "vitest";
import { aGateway, anHTTPRoute, routerFor } from "../../test-utils/routingModels";
import { hashPath } from "../match/pathHash";
import { REC_ID, recordIntsOf, recordSize } from "./packedPathIndex";
import { routeRequest } from "../simulate/routeRequest";
import type { HTTPRouteMatch } from "../api/spec";

const gw = aGateway("ns", "gw", [{ name: "http", port: 80, protocol: "HTTP" }]);

function winner(router: ReturnType<typeof routerFor>, path: string): string | undefined {
  return routeRequest(router, { scheme: "http", host: "h.example.com", path }).route;
}

describe("the packed path index verifies every hash hit", () => {
  test("two prefixes with the same hash each keep their own requests", () => {
    // Found by search: distinct strings, equal 30-bit hashPath.
    expect(hashPath("/p620098")).toBe(hashPath("/p808216"));
    const router = routerFor(gw, [
      anHTTPRoute("ns", "first", {
        rules: [
          {
            matches: [{ path: { type: "PathPrefix", value: "/p620098" } }],
            backends: [{ name: "a" }],
          },
        ],
      }),
      anHTTPRoute("ns", "second", {
        rules: [
          {
            matches: [{ path: { type: "PathPrefix", value: "/p808216/" } }],
            backends: [{ name: "b" }],
          },
        ],
      }),
    ]);
    expect([
      winner(router, "/p620098/x"),
      winner(router, "/p808216"),
      winner(router, "/p808216/y/z"),
      winner(router, "/p808217"),
    ]).toEqual(["HTTPRoute/ns/first", "HTTPRoute/ns/second", "HTTPRoute/ns/second", undefined]);
  });

  test("an Exact value sharing its hash with a prefix does not capture the prefix’s requests", () => {
    expect(hashPath("/a711565")).toBe(hashPath("/b2961/c"));
    const router = routerFor(gw, [
      anHTTPRoute("ns", "exact", {
        rules: [
          { matches: [{ path: { type: "Exact", value: "/a711565" } }], backends: [{ name: "a" }] },
        ],
      }),
      anHTTPRoute("ns", "prefix", {
        rules: [
          {
            matches: [{ path: { type: "PathPrefix", value: "/b2961/c" } }],
            backends: [{ name: "b" }],
          },
        ],
      }),
    ]);
    expect([
      winner(router, "/a711565"),
      winner(router, "/b2961/c"),
      winner(router, "/b2961/c/d"),
      winner(router, "/a711565/x"),
    ]).toEqual(["HTTPRoute/ns/exact", "HTTPRoute/ns/prefix", "HTTPRoute/ns/prefix", undefined]);
  });

  test("paths of odd and even length and non-ASCII characters are compared in full", () => {
    const router = routerFor(gw, [
      anHTTPRoute("ns", "odd", {
        rules: [
          { matches: [{ path: { type: "Exact", value: "/abc" } }], backends: [{ name: "a" }] },
        ],
      }),
      anHTTPRoute("ns", "unicode", {
        rules: [
          {
            matches: [{ path: { type: "PathPrefix", value: "/über" } }],
            backends: [{ name: "b" }],
          },
        ],
      }),
    ]);
    expect([
      winner(router, "/abc"),
      winner(router, "/abd"),
      winner(router, "/über/x"),
      winner(router, "/üben"),
    ]).toEqual(["HTTPRoute/ns/odd", undefined, "HTTPRoute/ns/unicode", undefined]);
  });

  test("prefix lengths beyond 30 characters are probed too", () => {
    const long = `/${"segment".repeat(6)}`;
    const router = routerFor(gw, [
      anHTTPRoute("ns", "long", {
        rules: [
          { matches: [{ path: { type: "PathPrefix", value: long } }], backends: [{ name: "a" }] },
        ],
      }),
    ]);
    expect([winner(router, `${long}/x`), winner(router, long.slice(0, -1))]).toEqual([
      "HTTPRoute/ns/long",
      undefined,
    ]);
  });

  test("every key of a crowded host is found (the per-host filter never hides one)", () => {
    const routes = Array.from({ length: 300 }, (_, i) =>
      anHTTPRoute("ns", `r${i}`, {
        hostnames: [i % 2 === 0 ? "h.example.com" : "other.example.com"],
        rules: [
          {
            matches: [{ path: { type: i % 3 === 0 ? "Exact" : "PathPrefix", value: `/p${i}` } }],
            backends: [{ name: "a" }],
          },
        ],
      }),
    );
    const router = routerFor(gw, routes);
    const found = routes
      .filter((_, i) => i % 2 === 0)
      .map((r) => winner(router, `/p${r.name.slice(1)}`));
    expect(found).toEqual(routes.filter((_, i) => i % 2 === 0).map((r) => r.key));
    expect(winner(router, "/p1")).toBeUndefined();
  });

  test("matches share conditions only when method, headers and query are all written alike", () => {
    const route = (name: string, match: HTTPRouteMatch) =>
      anHTTPRoute("ns", name, { rules: [{ matches: [match], backends: [{ name: "a" }] }] });
    const path = { type: "Exact", value: "/p" } as const;
    // The same names and values split differently between headers, query and method: a key that
    // only joined the parts would give these one set of conditions.
    const router = routerFor(gw, [
      route("two-headers", { path, headers: [h("x", "1"), h("y", "2")] }),
      route("header-and-query", { path, headers: [h("x", "1")], queryParams: [h("y", "2")] }),
      route("colon-value", { path, headers: [h("x", "1:1:y")] }),
      route("method", { path, method: "GET" }),
      route("header-named-like-method", { path, headers: [h("GET", "-")] }),
    ]);
    const at = (p: string, headers: Record<string, string>, method = "POST") =>
      routeRequest(router, { scheme: "http", host: "h.example.com", path: p, headers, method })
        .route;
    expect([
      at("/p", { x: "1", y: "2" }),
      at("/p?y=2", { x: "1" }),
      at("/p", { x: "1:1:y" }),
      at("/p", {}, "GET"),
      at("/p", { get: "-" }),
      at("/p", { x: "1" }),
    ]).toEqual([
      "HTTPRoute/ns/two-headers",
      "HTTPRoute/ns/header-and-query",
      "HTTPRoute/ns/colon-value",
      "HTTPRoute/ns/method",
      "HTTPRoute/ns/header-named-like-method",
      undefined,
    ]);
  });
});

function h(name: string, value: string): { type: "Exact"; name: string; value: string } {
  return { type: "Exact", name, value };
}

describe("the packed records are sized before they are written", () => {
  test("recordIntsOf counts every kind of record exactly as it is written", () => {
    const redirect = { type: "RequestRedirect", requestRedirect: { statusCode: 302 } } as const;
    const router = routerFor(gw, [
      anHTTPRoute("ns", "split", {
        rules: [
          {
            matches: [{ path: { type: "PathPrefix", value: "/split" } }],
            backends: [{ name: "a", weight: 3 }, { name: "b", weight: 0 }, { name: "c" }],
          },
          {
            matches: [{ path: { type: "Exact", value: "/odd" }, headers: [h("x", "1")] }],
            backends: [{ name: "a" }],
          },
        ],
      }),
      anHTTPRoute("ns", "answers", {
        rules: [
          {
            matches: [{ path: { type: "PathPrefix", value: "/moved" } }],
            filters: [redirect],
            backends: [{ name: "a" }],
          },
        ],
      }),
      anHTTPRoute("ns", "regex", {
        rules: [
          {
            matches: [{ path: { type: "RegularExpression", value: "/v[0-9]+/.*" } }],
            backends: [
              { name: "a", weight: 2 },
              { name: "b", weight: 5 },
            ],
          },
        ],
      }),
      anHTTPRoute("ns", "none", {
        rules: [{ matches: [{ path: { type: "Exact", value: "/" } }] }],
      }),
    ]);
    const paths = router.gatewayList[0]?.ports.get(80)?.listeners[0]?.paths;
    if (paths === undefined) throw new Error("no path index");
    const { records, candidates } = paths;
    const sizes: [number, number][] = [];
    for (let at = 0; at < records.length; at += recordSize(records, at)) {
      const c = candidates[records[at + REC_ID] as number];
      if (c === undefined) throw new Error(`record at ${at} names no candidate`);
      const key =
        c.path?.type === "RegularExpression" ? "" : c.pathExact ? c.pathValue : c.pathPrefix;
      sizes.push([recordSize(records, at), recordIntsOf(c, key)]);
    }
    // Every candidate has its record, and the records fill the array with nothing spare.
    expect(sizes).toHaveLength(candidates.length);
    expect(sizes.map(([written]) => written).reduce((a, b) => a + b, 0)).toBe(records.length);
    expect(sizes.map(([, counted]) => counted)).toEqual(sizes.map(([written]) => written));
    // The split lists two backends (weight 0 never drawn), the redirect none: both kinds are here.
    expect(new Set(sizes.map(([written]) => written)).size).toBeGreaterThan(2);
  });
});
