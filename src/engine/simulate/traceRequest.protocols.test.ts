import { describe, expect, test } from "vitest";
import { compileRouter } from "../routing/compileRouter";
import { aGateway, aRoute, anHTTPRoute, attach, routerFor } from "../../test-utils/routingModels";
import { traceRequest } from "./traceRequest";
import { routeRequest } from "./routeRequest";

const SVC = "gateway_api_conformance.echo_basic.grpcecho.GrpcEcho";

describe("GRPCRoute", () => {
  const gw = aGateway("infra", "gw", [{ name: "http", port: 80, protocol: "HTTP" }]);
  const route = aRoute("GRPCRoute", "infra", "exact", {
    rules: [
      { matches: [{ method: { service: SVC, method: "Echo" } }], backends: [{ name: "grpc-v1" }] },
      {
        matches: [{ method: { service: SVC, method: "EchoTwo" } }],
        backends: [{ name: "grpc-v2" }],
      },
      {
        matches: [{ method: { service: SVC, method: "Broken" } }],
        backends: [{ name: "gone", invalid: "BackendNotFound" }],
      },
      {
        matches: [
          { method: { service: "other.Svc" } },
          { headers: [{ name: "x-any", value: "yes" }] },
        ],
        backends: [{ name: "grpc-v3" }],
      },
    ],
  });
  const router = routerFor(gw, [route]);
  const call = (method: string, headers: Record<string, string> = {}) => ({
    scheme: "http" as const,
    grpc: { service: SVC, method },
    headers,
  });

  test.each([
    ["Echo", "grpc-v1"],
    ["EchoTwo", "grpc-v2"],
  ])("%s → %s with OK", (method, backend) => {
    const t = traceRequest(router, call(method));
    expect(t.outcome).toMatchObject({ kind: "forwarded", grpcCode: "OK" });
    expect(t.outcome.backend?.name).toBe(backend);
    expect(t.outcome.request).toMatchObject({ method: "POST", path: `/${SVC}/${method}` });
  });

  test("no match is Unimplemented (GRPCExactMethodMatching)", () => {
    expect(traceRequest(router, call("EchoThree")).outcome).toMatchObject({
      kind: "not-found",
      grpcCode: "Unimplemented",
    });
    expect(routeRequest(router, call("EchoThree")).grpcCode).toBe("Unimplemented");
  });

  test("an invalid backend is Unavailable", () => {
    expect(traceRequest(router, call("Broken")).outcome).toMatchObject({
      kind: "backend-error",
      grpcCode: "Unavailable",
    });
    expect(routeRequest(router, call("Broken")).grpcCode).toBe("Unavailable");
  });

  test("a header-only match covers every call that carries the header", () => {
    expect(traceRequest(router, call("EchoThree", { "X-Any": "yes" })).outcome.backend?.name).toBe(
      "grpc-v3",
    );
  });

  test("RequestHeaderModifier edits the request metadata the backend receives (GRPCRouteRequestHeaderModifier)", () => {
    const modifier = aRoute("GRPCRoute", "infra", "modifier", {
      rules: [
        {
          matches: [{ method: { service: SVC, method: "EchoTwo" } }],
          filters: [
            {
              type: "RequestHeaderModifier",
              requestHeaderModifier: {
                set: [{ name: "X-Set", value: "from-route" }],
                add: [{ name: "X-Add", value: "from-route" }],
                remove: ["X-Remove"],
              },
            },
          ],
          backends: [{ name: "grpc-v2" }],
        },
      ],
    });
    const t = traceRequest(
      routerFor(gw, [modifier]),
      call("EchoTwo", { "x-set": "original", "x-add": "original", "x-remove": "gone", Keep: "k" }),
    );
    expect(t.outcome.grpcCode).toBe("OK");
    const got = t.outcome.request?.headers ?? {};
    const lower = Object.fromEntries(Object.entries(got).map(([k, v]) => [k.toLowerCase(), v]));
    expect(lower).toMatchObject({
      "x-set": "from-route",
      "x-add": "original,from-route",
      keep: "k",
    });
    expect(lower["x-remove"]).toBeUndefined();
  });

  test("service chars rank above method chars", () => {
    const r = aRoute("GRPCRoute", "infra", "r", {
      rules: [
        { matches: [{ method: { method: "Echo" } }], backends: [{ name: "method-only" }] },
        { matches: [{ method: { service: SVC } }], backends: [{ name: "service-only" }] },
        { matches: [{ method: { service: SVC, method: "Echo" } }], backends: [{ name: "both" }] },
      ],
    });
    const t = traceRequest(routerFor(gw, [r]), call("Echo"));
    expect(t.outcome.backend?.name).toBe("both");
    expect(t.tieBreak?.step).toBe("gRPC method");
    expect(t.tieBreak?.runnerUp.ruleIndex).toBe(1);
  });

  test("a plain HTTP request never reaches a GRPCRoute", () => {
    const t = traceRequest(router, { scheme: "http", path: `/${SVC}/Echo`, method: "POST" });
    expect(t.outcome.status).toBe(404);
    expect(t.candidates.every((c) => c.skipped !== undefined)).toBe(true);
  });

  test("a gRPC call falls back to an HTTPRoute on the same hostname", () => {
    const http = anHTTPRoute("infra", "web", { rules: [{ backends: [{ name: "web" }] }] });
    const both = routerFor(gw, [route, http]);
    expect(traceRequest(both, call("EchoThree")).outcome.backend?.name).toBe("web");
    expect(traceRequest(both, call("Echo")).outcome.backend?.name).toBe("grpc-v1");
  });
});

describe("TLSRoute", () => {
  const gw = aGateway("infra", "gw", [
    { name: "tls", port: 443, protocol: "TLS", hostname: "*.example.com", tlsMode: "Passthrough" },
  ]);
  const older = aRoute("TLSRoute", "infra", "older", {
    hostnames: ["abc.example.com"],
    creationTimestamp: "2020-01-01T00:00:00Z",
    rules: [{ backends: [{ name: "tls-backend", port: 443 }] }],
  });
  const newer = aRoute("TLSRoute", "infra", "newer", {
    hostnames: ["abc.example.com"],
    creationTimestamp: "2021-01-01T00:00:00Z",
    rules: [{ backends: [{ name: "shadowed", port: 443 }] }],
  });
  const wild = aRoute("TLSRoute", "infra", "wild", {
    hostnames: ["*.example.com"],
    rules: [{ backends: [{ name: "wild", port: 443 }] }],
  });
  const router = compileRouter({
    gateways: [gw],
    routes: [older, newer, wild],
    attachments: [older, newer, wild].flatMap((r) => attach(r, gw)),
  });

  test("the SNI picks the route; for the same hostname the oldest serves", () => {
    const t = traceRequest(router, { scheme: "tls", port: 443, sni: "abc.example.com" });
    expect(t.outcome).toMatchObject({ kind: "forwarded", status: 0 });
    expect(t.outcome.backend?.name).toBe("tls-backend");
    expect(t.candidates.find((c) => c.route === newer.key)?.skipped).toMatch(
      /shadowed by the older TLSRoute\/infra\/older/,
    );
    expect(routeRequest(router, { scheme: "tls", port: 443, sni: "abc.example.com" }).backend).toBe(
      "infra/tls-backend:443",
    );
  });

  test("other names under the wildcard go to the wildcard route", () => {
    expect(
      traceRequest(router, { scheme: "tls", port: 443, sni: "x.example.com" }).outcome.backend
        ?.name,
    ).toBe("wild");
  });

  test("an HTTPS client reaches a passthrough listener by SNI and the backend answers", () => {
    const req = {
      scheme: "https" as const,
      host: "abc.example.com",
      sni: "abc.example.com",
      path: "/",
    };
    expect(traceRequest(router, req).outcome).toMatchObject({
      kind: "forwarded",
      status: 200,
      backend: { name: "tls-backend" },
    });
    expect(routeRequest(router, req)).toMatchObject({
      kind: "forwarded",
      status: 200,
      backend: "infra/tls-backend:443",
    });
    expect(traceRequest(router, { ...req, sni: "example.org" }).outcome.kind).toBe(
      "connection-refused",
    );
  });

  test("no SNI match refuses the connection", () => {
    expect(
      traceRequest(router, { scheme: "tls", port: 443, sni: "example.org" }).outcome,
    ).toMatchObject({ kind: "connection-refused", status: 0 });
    expect(routeRequest(router, { scheme: "tls", port: 443, sni: "example.org" }).kind).toBe(
      "connection-refused",
    );
  });
});

describe("TCPRoute", () => {
  const gw = aGateway("infra", "gw", [{ name: "tcp", port: 5432, protocol: "TCP" }]);
  const a = aRoute("TCPRoute", "infra", "a", {
    creationTimestamp: "2022-01-01T00:00:00Z",
    rules: [{ backends: [{ name: "newer", port: 5432 }] }],
  });
  const b = aRoute("TCPRoute", "infra", "b", {
    creationTimestamp: "2020-01-01T00:00:00Z",
    rules: [
      {
        backends: [
          { name: "older", port: 5432 },
          { name: "bad", port: 5432, invalid: "BackendNotFound" },
        ],
      },
    ],
  });
  const router = routerFor(gw, [a, b]);

  test("the oldest route serves; invalid shares are refused", () => {
    const kinds = new Set<string>();
    for (let sample = 0; sample < 30; sample++) {
      const t = traceRequest(router, { scheme: "tcp", port: 5432 }, { sample });
      kinds.add(t.outcome.kind);
      if (t.outcome.kind === "forwarded") expect(t.outcome.backend?.name).toBe("older");
    }
    expect(kinds).toEqual(new Set(["forwarded", "connection-refused"]));
  });

  test("the listener is chosen by port, not by a hostname a TCP connection does not carry", () => {
    const t = traceRequest(router, { scheme: "tcp", port: 5432, host: "db.example.com" });
    expect(t.listeners.find((l) => l.listener === "tcp")?.reason).toBe(
      "the TCP listener on port 5432 (a TCP connection carries no hostname to choose by)",
    );
    expect(t.virtualHost?.reason).toBe(
      "a TCP connection carries no hostname: every TCPRoute attached to the listener is a candidate",
    );
  });

  test("a TCP listener without routes says no TCPRoute is attached", () => {
    // A home-ops Gateway's `ssh` listener (TCP :22) before its TCPRoute is applied.
    const empty = routerFor(gw, []);
    expect(traceRequest(empty, { scheme: "tcp", port: 5432 }).outcome).toMatchObject({
      kind: "connection-refused",
      reason: "listener tcp has no TCPRoute attached",
    });
  });

  test("a tcp request needs a port", () => {
    expect(traceRequest(router, { scheme: "tcp" }).outcome.reason).toBe(
      "a tcp request needs a port",
    );
  });
});
