import { describe, expect, test } from "vitest";
import { compileRouter } from "../routing/compileRouter";
import { aGateway, anHTTPRoute, attach, routerFor } from "../../test-utils/routingModels";
import { traceRequest } from "./traceRequest";
import { routeRequest } from "./routeRequest";
import { selectRequestGateway } from "./selectRequestGateway";
import type { SimRequest } from "./types";

const backend = (name: string) => ({ backends: [{ name }] });

describe("HTTPS listener selection: 421 vs 404 (HTTPRouteHTTPSListenerDetectMisdirectedRequests)", () => {
  const gw = aGateway("infra", "gw", [
    { name: "https", port: 443, protocol: "HTTPS" },
    { name: "https-with-hostname", port: 443, protocol: "HTTPS", hostname: "second-example.org" },
    {
      name: "https-with-wildcard-hostname",
      port: 443,
      protocol: "HTTPS",
      hostname: "*.wildcard.org",
    },
    {
      name: "https-with-hostname-matching-wildcard",
      port: 443,
      protocol: "HTTPS",
      hostname: "fourth-example.wildcard.org",
    },
  ]);
  const routes = [
    anHTTPRoute("infra", "r1", { hostnames: ["example.org"], rules: [backend("v1")] }),
    anHTTPRoute("infra", "r2", { hostnames: ["second-example.org"], rules: [backend("v2")] }),
    anHTTPRoute("infra", "r3", {
      hostnames: ["third-example.wildcard.org", "fith-example.wildcard.org"],
      rules: [backend("v3")],
    }),
    anHTTPRoute("infra", "r4", {
      hostnames: ["fourth-example.wildcard.org"],
      rules: [backend("v1")],
    }),
  ];
  const attachments = [
    ...attach(routes[0]!, gw, ["https"]),
    ...attach(routes[1]!, gw, ["https-with-hostname"]),
    ...attach(routes[2]!, gw, ["https-with-wildcard-hostname"]),
    ...attach(routes[3]!, gw, ["https-with-hostname-matching-wildcard"]),
  ];
  const router = compileRouter({ gateways: [gw], routes, attachments });

  test.each([
    ["example.org", "example.org", 200],
    ["example.org", "second-example.org", 421],
    ["example.org", "unknown-example.org", 404],
    ["second-example.org", "second-example.org", 200],
    ["second-example.org", "example.org", 421],
    ["second-example.org", "unknown-example.org", 421],
    ["third-example.wildcard.org", "third-example.wildcard.org", 200],
    ["third-example.wildcard.org", "fith-example.wildcard.org", 200],
    ["third-example.wildcard.org", "fourth-example.wildcard.org", 421],
    ["third-example.wildcard.org", "second-example.org", 421],
    ["third-example.wildcard.org", "unknown-example.org", 421],
    ["fourth-example.wildcard.org", "fourth-example.wildcard.org", 200],
    ["fourth-example.wildcard.org", "fith-example.wildcard.org", 421],
    ["unknown-example.org", "example.org", 200],
    ["unknown-example.org", "unknown-example.org", 404],
  ])("SNI %s, Host %s → %i", (sni, host, status) => {
    const req: SimRequest = {
      gateway: "infra/gw",
      scheme: "https",
      sni,
      host,
      path: "/detect-misdirected-requests",
    };
    expect(traceRequest(router, req).outcome.status).toBe(status);
    expect(routeRequest(router, req).status).toBe(status);
  });

  test("a misdirected request names both listeners", () => {
    const t = traceRequest(router, {
      scheme: "https",
      sni: "example.org",
      host: "second-example.org",
    });
    expect(t.outcome).toMatchObject({ kind: "misdirected", status: 421 });
    expect(t.outcome.reason).toContain("listener https");
    expect(t.outcome.reason).toContain("listener https-with-hostname");
  });
});

describe("listener isolation (GatewayHTTPListenerIsolation)", () => {
  const gw = aGateway("infra", "gw", [
    { name: "empty-hostname", port: 80, protocol: "HTTP" },
    { name: "wildcard-example-com", port: 80, protocol: "HTTP", hostname: "*.example.com" },
    { name: "wildcard-foo-example-com", port: 80, protocol: "HTTP", hostname: "*.foo.example.com" },
    { name: "abc-foo-example-com", port: 80, protocol: "HTTP", hostname: "abc.foo.example.com" },
  ]);
  const routes = [
    anHTTPRoute("infra", "attaches-to-empty-hostname", {
      rules: [
        {
          matches: [{ path: { type: "PathPrefix", value: "/empty-hostname" } }],
          backends: [{ name: "v1" }],
        },
      ],
    }),
    anHTTPRoute("infra", "attaches-to-wildcard-example-com", {
      rules: [
        {
          matches: [{ path: { type: "PathPrefix", value: "/wildcard-example-com" } }],
          backends: [{ name: "v1" }],
        },
      ],
    }),
    anHTTPRoute("infra", "attaches-to-wildcard-foo-example-com", {
      rules: [
        {
          matches: [{ path: { type: "PathPrefix", value: "/wildcard-foo-example-com" } }],
          backends: [{ name: "v1" }],
        },
      ],
    }),
    anHTTPRoute("infra", "attaches-to-abc-foo-example-com", {
      rules: [
        {
          matches: [{ path: { type: "PathPrefix", value: "/abc-foo-example-com" } }],
          backends: [{ name: "v1" }],
        },
      ],
    }),
  ];
  const attachments = routes.flatMap((r, i) => attach(r, gw, [gw.listeners[i]!.name]));
  const router = compileRouter({ gateways: [gw], routes, attachments });
  const status = (host: string, path: string): number =>
    traceRequest(router, { scheme: "http", host, path }).outcome.status;

  test.each([
    ["bar.com", "/empty-hostname", 200],
    ["bar.com", "/wildcard-example-com", 404],
    ["bar.example.com", "/wildcard-example-com", 200],
    ["bar.example.com", "/empty-hostname", 404],
    ["bar.foo.example.com", "/wildcard-foo-example-com", 200],
    ["bar.foo.example.com", "/wildcard-example-com", 404],
    ["abc.foo.example.com", "/abc-foo-example-com", 200],
    ["abc.foo.example.com", "/wildcard-foo-example-com", 404],
    ["abc.foo.example.com", "/empty-hostname", 404],
  ])("%s%s → %i", (host, path, want) => {
    expect(status(host, path)).toBe(want);
  });

  test("the trace says why every other listener was passed over", () => {
    const t = traceRequest(router, {
      scheme: "http",
      host: "bar.example.com",
      path: "/empty-hostname",
    });
    const chosen = t.listeners.filter((l) => l.chosen).map((l) => l.listener);
    expect(chosen).toEqual(["wildcard-example-com"]);
    expect(t.listeners.find((l) => l.listener === "empty-hostname")?.reason).toMatch(
      /more specific; listeners are isolated/,
    );
    expect(t.listeners.find((l) => l.listener === "abc-foo-example-com")?.reason).toMatch(
      /does not cover the Host bar\.example\.com/,
    );
  });
});

describe("virtual hosts: no fallback across hostnames (§3.4 decision)", () => {
  const gw = aGateway("ns", "gw", [{ name: "http", port: 80, protocol: "HTTP" }]);
  const specific = anHTTPRoute("ns", "specific", {
    hostnames: ["a.example.com"],
    rules: [
      {
        matches: [{ path: { type: "PathPrefix", value: "/only" } }],
        backends: [{ name: "specific" }],
      },
    ],
  });
  const wildcard = anHTTPRoute("ns", "wild", {
    hostnames: ["*.example.com"],
    rules: [{ backends: [{ name: "wild" }] }],
  });
  const router = routerFor(gw, [specific, wildcard]);

  test("the exact hostname owns the request even when only the wildcard has a matching rule", () => {
    const t = traceRequest(router, { scheme: "http", host: "a.example.com", path: "/other" });
    expect(t.outcome.status).toBe(404);
    expect(t.virtualHost?.hostname).toBe("a.example.com");
    expect(t.virtualHost?.reason).toMatch(/never fallen back to/);
  });

  test("other hosts under the wildcard reach it, the port in Host is ignored", () => {
    expect(
      traceRequest(router, { scheme: "http", host: "b.example.com:1234", path: "/x" }).outcome
        .backend?.target,
    ).toBe("ns/wild:8080");
  });

  test("a host no route covers is 404", () => {
    expect(traceRequest(router, { scheme: "http", host: "example.org" }).outcome).toMatchObject({
      kind: "not-found",
      status: 404,
    });
  });
});

describe("gateway choice", () => {
  const a = aGateway("ns", "a", [{ name: "http", port: 80, protocol: "HTTP" }]);
  const b = aGateway("ns", "b", [
    { name: "http", port: 80, protocol: "HTTP" },
    { name: "alt", port: 8080, protocol: "HTTP" },
  ]);
  const route = anHTTPRoute("ns", "r", { rules: [{ backends: [{ name: "s" }] }] });
  const router = compileRouter({
    gateways: [a, b],
    routes: [route],
    attachments: [...attach(route, a), ...attach(route, b)],
  });

  test("omitted gateway: the only one on that port is used", () => {
    const t = traceRequest(router, { scheme: "http", port: 8080 });
    expect(t.gateway).toBe("ns/b");
    expect(t.gatewayReason).toMatch(/only Gateway with a ready HTTP listener on port 8080/);
    expect(t.outcome.status).toBe(200);
  });

  test("omitted gateway with two candidates: a clear error", () => {
    const t = traceRequest(router, { scheme: "http" });
    expect(t.outcome).toMatchObject({ kind: "connection-refused", status: 0 });
    expect(t.outcome.reason).toMatch(/several Gateways .* \(ns\/a, ns\/b\): name one/);
  });

  test("unknown gateway name lists the known ones", () => {
    expect(traceRequest(router, { scheme: "http", gateway: "ns/zz" }).outcome.reason).toBe(
      "no Gateway named ns/zz (known: ns/a, ns/b)",
    );
  });

  test("a bare name finds the one Gateway of that name in any namespace, and the trace says so", () => {
    const shared = aGateway("infra", "shared", [{ name: "http", port: 80, protocol: "HTTP" }]);
    const other = aGateway("team", "other", [{ name: "http", port: 80, protocol: "HTTP" }]);
    const r = anHTTPRoute("team", "r", { rules: [{ backends: [{ name: "s" }] }] });
    const two = compileRouter({
      gateways: [shared, other],
      routes: [r],
      attachments: attach(r, shared),
    });
    const t = traceRequest(two, { scheme: "http", gateway: "shared" });
    expect(t.gateway).toBe("infra/shared");
    expect(t.gatewayReason).toBe(
      "the request named Gateway shared; infra/shared is the only Gateway of that name",
    );
    expect(t.outcome.status).toBe(200);
    expect(traceRequest(two, { scheme: "http", gateway: "infra/shared" }).gatewayReason).toBe(
      "Gateway infra/shared was named in the request",
    );
  });

  test("a bare name two Gateways carry is ambiguous: the failure lists both", () => {
    const edgeA = aGateway("team-a", "edge", [{ name: "http", port: 80, protocol: "HTTP" }]);
    const edgeB = aGateway("team-b", "edge", [{ name: "http", port: 80, protocol: "HTTP" }]);
    const two = compileRouter({ gateways: [edgeB, edgeA], routes: [], attachments: [] });
    expect(traceRequest(two, { scheme: "http", gateway: "edge" }).outcome.reason).toBe(
      "several Gateways are named edge (team-a/edge, team-b/edge): name one as namespace/name",
    );
    expect(selectRequestGateway(two, { scheme: "http", gateway: "edge" })).toEqual({
      ok: false,
      reason: expect.stringContaining("several Gateways") as unknown,
      candidates: ["team-a/edge", "team-b/edge"],
    });
    expect(selectRequestGateway(two, { scheme: "http" })).toMatchObject({
      ok: false,
      candidates: ["team-a/edge", "team-b/edge"],
    });
  });

  test("without a name, a single Gateway is taken even without a fitting listener, so the listener step explains the refusal", () => {
    const only = compileRouter({ gateways: [a], routes: [], attachments: [] });
    const t = traceRequest(only, { scheme: "http", port: 9999 });
    expect(t.gatewayReason).toBe("ns/a is the only Gateway in the input");
    expect(t.outcome).toMatchObject({
      kind: "connection-refused",
      reason: "Gateway ns/a has no listener on port 9999",
    });
  });

  test("no listener on the port, or of the protocol, refuses the connection", () => {
    expect(traceRequest(router, { scheme: "http", gateway: "ns/a", port: 9999 }).outcome.kind).toBe(
      "connection-refused",
    );
    expect(
      traceRequest(router, { scheme: "https", gateway: "ns/a", port: 80 }).outcome.reason,
    ).toMatch(/no HTTPS or TLS listener on port 80 of Gateway ns\/a covers the SNI/);
  });

  test("a listener that is not ready serves nothing", () => {
    const gw = aGateway("ns", "g", [{ name: "http", port: 80, protocol: "HTTP", ready: false }]);
    const t = traceRequest(routerFor(gw, [route]), { scheme: "http", gateway: "ns/g" });
    expect(t.outcome.kind).toBe("connection-refused");
    expect(t.listeners[0]?.reason).toMatch(/not ready/);
  });
});
