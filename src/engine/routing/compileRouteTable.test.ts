import { describe, expect, test } from "vitest";
import { aGateway, aRoute, anHTTPRoute, attach } from "../../test-utils/routingModels";
import { compileRouteTable } from "./compileRouteTable";
import { compileRouter } from "./compileRouter";

describe("compileRouteTable", () => {
  const gw = aGateway("infra", "gw", [
    { name: "http", port: 80, protocol: "HTTP", hostname: "*.example.com" },
    { name: "idle", port: 8080, protocol: "HTTP", ready: false },
  ]);
  const api = anHTTPRoute("app", "api", {
    hostnames: ["api.example.com", "x.other.org"],
    rules: [
      { matches: [{ path: { type: "PathPrefix", value: "/api" } }], backends: [{ name: "api" }] },
    ],
  });
  const web = anHTTPRoute("app", "web", {
    rules: [
      {
        backends: [
          { name: "web", weight: 9 },
          { name: "canary", weight: 1 },
        ],
      },
    ],
  });
  const nested = anHTTPRoute("app", "nested", {
    hostnames: ["*.api.example.com"],
    rules: [{ backends: [{ name: "nested" }] }],
  });
  const attachments = [
    ...attach(api, gw, ["http"]),
    ...attach(api, gw, ["http"]),
    ...attach(web, gw),
    ...attach(nested, gw, ["http"]),
  ];
  const table = compileRouteTable([gw], [api, web, nested], attachments);

  test("virtual hosts in lookup order: exact, longest wildcard, shorter wildcard", () => {
    const http = table.listeners[0];
    expect(http?.virtualHosts.map((v) => v.hostname)).toEqual([
      "api.example.com",
      "*.api.example.com",
      "*.example.com",
    ]);
  });

  test("a route attached twice to one listener appears once per hostname", () => {
    expect(table.listeners[0]?.virtualHosts[0]?.entries.map((e) => e.route)).toEqual([
      "HTTPRoute/app/api",
    ]);
  });

  test("backends carry exact shares; the table is plain data", () => {
    const star = table.listeners[1]?.virtualHosts[0];
    expect(star?.entries[0]?.backends.map((b) => [b.target, b.share])).toEqual([
      ["app/web:8080", 0.9],
      ["app/canary:8080", 0.1],
    ]);
    expect(table.listeners[1]?.ready).toBe(false);
    expect(structuredClone(table)).toEqual(table);
  });

  test("the Router carries the same table", () => {
    expect(
      compileRouter({ gateways: [gw], routes: [api, web, nested], attachments }).table,
    ).toEqual(table);
  });

  test("rules a controller drops are listed, not ranked", () => {
    const r = anHTTPRoute("app", "r", {
      rules: [{ backends: [{ name: "a" }] }, { backends: [{ name: "b" }], valid: false }],
    });
    r.rules[1]!.invalidReason = "UnsupportedValue";
    r.rules[1]!.invalidMessage = "bad regex";
    const t = compileRouteTable([gw], [r], attach(r, gw, ["http"]));
    expect(t.listeners[0]?.virtualHosts[0]?.entries).toHaveLength(1);
    expect(t.listeners[0]?.virtualHosts[0]?.droppedRules).toEqual([
      { route: "HTTPRoute/app/r", ruleIndex: 1, reason: "UnsupportedValue: bad regex" },
    ]);
  });

  test("a route on two listeners lists its dropped rules in both virtual hosts", () => {
    const both = aGateway("infra", "both", [
      { name: "one", port: 80, protocol: "HTTP" },
      { name: "two", port: 81, protocol: "HTTP" },
    ]);
    const r = anHTTPRoute("app", "r", {
      rules: [{ backends: [{ name: "a" }] }, { backends: [{ name: "b" }], valid: false }],
    });
    r.rules[1]!.invalidReason = "UnsupportedValue";
    const t = compileRouteTable([both], [r], attach(r, both));
    expect(
      t.listeners.map((l) => l.virtualHosts[0]?.droppedRules?.map((d) => d.ruleIndex)),
    ).toEqual([[1], [1]]);
  });

  test("a wildcard route hostname under a narrower listener keys its own virtual host when asked", () => {
    const narrow = aGateway("infra", "narrow", [
      { name: "a", port: 80, protocol: "HTTP", hostname: "a.example.com" },
    ]);
    const wild = anHTTPRoute("app", "wild", {
      hostnames: ["*.example.com"],
      rules: [{ backends: [{ name: "a" }] }],
    });
    const keys = (readings?: {
      GatewayRouteHostnameIntersectionPrecedence: "original-hostnames";
    }) =>
      compileRouteTable(
        [narrow],
        [wild],
        attach(wild, narrow),
        readings,
      ).listeners[0]?.virtualHosts.map((v) => v.hostname);
    expect(keys()).toEqual(["a.example.com"]);
    expect(keys({ GatewayRouteHostnameIntersectionPrecedence: "original-hostnames" })).toEqual([
      "*.example.com",
    ]);
  });

  test("a hostname a route repeats keys its virtual host once under either hostname reading", () => {
    const twice = anHTTPRoute("app", "twice", {
      hostnames: ["a.example.com", "a.example.com"],
      rules: [{ backends: [{ name: "a" }] }],
    });
    for (const readings of [
      undefined,
      { GatewayRouteHostnameIntersectionPrecedence: "original-hostnames" } as const,
    ]) {
      const t = compileRouteTable([gw], [twice], attach(twice, gw, ["http"]), readings);
      expect(t.listeners[0]?.virtualHosts.map((v) => [v.hostname, v.entries.length])).toEqual([
        ["a.example.com", 1],
      ]);
    }
  });

  test("TCPRoutes after the oldest are marked shadowed", () => {
    const tcp = aGateway("infra", "tcp", [{ name: "tcp", port: 5432, protocol: "TCP" }]);
    const a = aRoute("TCPRoute", "infra", "a", {
      creationTimestamp: "2021-01-01T00:00:00Z",
      rules: [{ backends: [{ name: "a" }] }],
    });
    const b = aRoute("TCPRoute", "infra", "b", {
      creationTimestamp: "2020-01-01T00:00:00Z",
      rules: [{ backends: [{ name: "b" }] }],
    });
    const t = compileRouteTable([tcp], [a, b], [...attach(a, tcp), ...attach(b, tcp)]);
    expect(t.listeners[0]?.virtualHosts[0]?.entries.map((e) => [e.name, e.shadowedBy])).toEqual([
      ["b", undefined],
      ["a", "TCPRoute/infra/b"],
    ]);
  });

  test("a route served in several places gets its own entry, rank and shadow in each", () => {
    // b is shadowed by the older a on "first" and alone on "second"; the entry placed first must
    // not lend its rank or shadowedBy to the other place.
    const tcp = aGateway("infra", "tcp", [
      { name: "first", port: 5432, protocol: "TCP" },
      { name: "second", port: 5433, protocol: "TCP" },
    ]);
    const a = aRoute("TCPRoute", "infra", "a", {
      creationTimestamp: "2020-01-01T00:00:00Z",
      rules: [{ backends: [{ name: "a" }] }],
    });
    const b = aRoute("TCPRoute", "infra", "b", {
      creationTimestamp: "2021-01-01T00:00:00Z",
      rules: [{ backends: [{ name: "b" }] }],
    });
    const t = compileRouteTable([tcp], [a, b], [...attach(a, tcp, ["first"]), ...attach(b, tcp)]);
    const entries = t.listeners.map((l) => l.virtualHosts[0]?.entries ?? []);
    expect(entries.map((list) => list.map((e) => [e.name, e.rank, e.shadowedBy]))).toEqual([
      [
        ["a", 1, undefined],
        ["b", 2, "TCPRoute/infra/a"],
      ],
      [["b", 1, undefined]],
    ]);
    expect(entries[0]?.[1]).not.toBe(entries[1]?.[0]);
    expect(Object.keys(entries[1]?.[0] ?? {})).not.toContain("shadowedBy");

    // The same for HTTP: one route on two hostnames, ranked differently in each virtual host.
    const web = aGateway("infra", "web", [{ name: "http", port: 80, protocol: "HTTP" }]);
    const both = anHTTPRoute("app", "both", {
      hostnames: ["a.example.com", "b.example.com"],
      creationTimestamp: "2021-01-01T00:00:00Z",
      rules: [{ matches: [{ path: { type: "PathPrefix", value: "/x" } }], backends: [] }],
    });
    const older = anHTTPRoute("app", "older", {
      hostnames: ["b.example.com"],
      creationTimestamp: "2020-01-01T00:00:00Z",
      rules: [{ matches: [{ path: { type: "PathPrefix", value: "/x" } }], backends: [] }],
    });
    const h = compileRouteTable(
      [web],
      [both, older],
      [...attach(both, web), ...attach(older, web)],
    );
    expect(
      h.listeners[0]?.virtualHosts.map((v) => [v.hostname, v.entries.map((e) => [e.name, e.rank])]),
    ).toEqual([
      ["a.example.com", [["both", 1]]],
      [
        "b.example.com",
        [
          ["older", 1],
          ["both", 2],
        ],
      ],
    ]);
  });
});
