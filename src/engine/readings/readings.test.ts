import { describe, expect, test } from "vitest";
import { analyze } from "../analyze";
import { compileRouter } from "../routing/compileRouter";
import { routeRequest } from "../simulate/routeRequest";
import { traceRequest } from "../simulate/traceRequest";
import type { SimRequest } from "../simulate/types";
import type { AnalyzeOptions, GatewayStatus, RouteStatus } from "../types";
import { parseReadings, READINGS, readingValue, type ReadingName } from "./readings";
import { printTrace } from "../print/printTrace";

const base = (backendRefs: string, servicePort = 80) => `apiVersion: gateway.networking.k8s.io/v1
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
metadata: {name: svc, namespace: default}
spec: {ports: [{port: ${servicePort}}]}
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: r, namespace: default}
spec:
  parentRefs: [{name: gw}]
  rules:
    - backendRefs: [${backendRefs}]
`;

function run(text: string, options: AnalyzeOptions = {}) {
  const analysis = analyze([{ name: "in.yaml", text }], options);
  const resolved = (
    analysis.status["HTTPRoute/default/r"] as RouteStatus
  ).parents[0]?.conditions.find((c) => c.type === "ResolvedRefs");
  const outcome = traceRequest(compileRouter(analysis), {
    scheme: "http",
    gateway: "default/gw",
    host: "a.example.com",
    path: "/",
  }).outcome;
  const notes = analysis.diagnostics.filter((d) => d.code === "reading.applied");
  return { resolved, outcome, notes };
}

describe("reading backendPortNotInService", () => {
  const text = base("{name: svc, port: 8080}");

  test("default BackendNotFound: ResolvedRefs=False and the request gets 500", () => {
    const r = run(text);
    expect(r.resolved).toMatchObject({ status: "False", reason: "BackendNotFound" });
    expect(r.resolved?.message).toContain("has no port 8080 (ports: 80)");
    expect(r.outcome.status).toBe(500);
    expect(r.notes).toEqual([]);
  });

  test("unchecked: the reference resolves, the request is forwarded, and a located note names the reading", () => {
    const r = run(text, { readings: { backendPortNotInService: "unchecked" } });
    expect(r.resolved).toMatchObject({ status: "True", reason: "ResolvedRefs" });
    expect(r.outcome).toMatchObject({ kind: "forwarded", status: 200 });
    expect(r.outcome.backends.map((b) => b.target)).toEqual(["default/svc:8080"]);
    expect(r.notes).toHaveLength(1);
    expect(r.notes[0]).toMatchObject({
      severity: "info",
      line: 24,
      path: "spec.rules[0].backendRefs[0].port",
    });
    expect(r.notes[0]?.message).toContain("reading backendPortNotInService=unchecked");
    // The trace names the reading beside the backend it decided.
    expect(r.outcome.backends[0]?.reading).toContain("reading backendPortNotInService=unchecked");
  });

  test("a Service that does not exist is BackendNotFound under either reading", () => {
    const r = run(base("{name: gone, port: 80}"), {
      readings: { backendPortNotInService: "unchecked" },
    });
    expect(r.resolved).toMatchObject({ status: "False", reason: "BackendNotFound" });
    expect(r.notes).toEqual([]);
  });
});

describe("reading loneBackendZeroWeight", () => {
  const text = base("{name: svc, port: 80, weight: 0}");

  test("default no-traffic: the rule answers 500", () => {
    const r = run(text);
    expect(r.outcome.status).toBe(500);
    expect(r.notes).toEqual([]);
    expect(r.outcome.backends.every((b) => b.reading === undefined)).toBe(true);
  });

  test("all-traffic: the lone backend takes every request, and a note names the reading", () => {
    const r = run(text, { readings: { loneBackendZeroWeight: "all-traffic" } });
    expect(r.outcome).toMatchObject({ kind: "forwarded", status: 200 });
    expect(r.outcome.backends.map((b) => [b.target, b.share])).toEqual([["default/svc:80", 1]]);
    expect(r.notes[0]?.message).toContain("reading loneBackendZeroWeight=all-traffic");
    expect(r.outcome.backends[0]?.reading).toBe(r.notes[0]?.message);
  });

  test("all-traffic: the printed trace names the reading under the backend it decided", () => {
    const analysis = analyze([{ name: "in.yaml", text }], {
      readings: { loneBackendZeroWeight: "all-traffic" },
    });
    const printed = printTrace(
      traceRequest(compileRouter(analysis), { scheme: "http", gateway: "default/gw", path: "/" }),
    );
    expect(printed).toMatch(
      /default\/svc:80[^\n]*\n\s+the only backendRef of rule 0 has weight 0 and gets all the rule's traffic \(reading loneBackendZeroWeight=all-traffic;/,
    );
  });

  test("all-traffic changes nothing when another backend has weight: 0 stays 0 in a split", () => {
    const r = run(base("{name: svc, port: 80, weight: 0}, {name: svc, port: 80, weight: 1}"), {
      readings: { loneBackendZeroWeight: "all-traffic" },
    });
    expect(r.outcome.backends.map((b) => b.share)).toEqual([0, 1]);
    expect(r.notes).toEqual([]);
  });
});

const GATEWAY = (listener: string) => `apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: gc}
spec: {controllerName: example.com/c}
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw, namespace: default}
spec:
  gatewayClassName: gc
  listeners: [${listener}]
---
apiVersion: v1
kind: Secret
metadata: {name: cert, namespace: default}
type: kubernetes.io/tls
stringData:
  tls.crt: "-----BEGIN CERTIFICATE-----\\nMIIB\\n-----END CERTIFICATE-----\\n"
  tls.key: "-----BEGIN RSA PRIVATE KEY-----\\nMIIE\\n-----END RSA PRIVATE KEY-----\\n"
---
apiVersion: v1
kind: Service
metadata: {name: web, namespace: default}
spec: {ports: [{port: 80}]}
---
apiVersion: v1
kind: Service
metadata: {name: grpc, namespace: default}
spec: {ports: [{port: 50051}]}
---
apiVersion: v1
kind: Service
metadata: {name: db, namespace: default}
spec: {ports: [{port: 5432}]}
`;

/** Status, routing (fast path and trace, which must agree) and reading notes of one analysis. */
function analyzeWith(text: string, options: AnalyzeOptions = {}) {
  const analysis = analyze([{ name: "in.yaml", text }], options);
  const router = compileRouter(analysis);
  const accepted = (key: string) =>
    (analysis.status[key] as RouteStatus | undefined)?.parents[0]?.conditions.find(
      (c) => c.type === "Accepted",
    );
  const send = (req: SimRequest) => {
    const trace = traceRequest(router, req);
    const fast = routeRequest(router, req);
    expect(fast.backend ?? "none").toBe(trace.outcome.backend?.target ?? "none");
    return { outcome: trace.outcome, route: trace.winner?.route };
  };
  const listener = (name: string) =>
    (analysis.status["Gateway/default/gw"] as GatewayStatus).listeners.find((l) => l.name === name);
  const notes = analysis.diagnostics.filter((d) => d.code === "reading.applied");
  return { analysis, accepted, send, listener, notes };
}

describe("reading httpGrpcSameHostname", () => {
  const text = `${GATEWAY("{name: http, protocol: HTTP, port: 80}")}---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: web, namespace: default, creationTimestamp: "2024-01-01T00:00:00Z"}
spec:
  parentRefs: [{name: gw}]
  hostnames: [api.example.com]
  rules: [{backendRefs: [{name: web, port: 80}]}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: GRPCRoute
metadata: {name: rpc, namespace: default, creationTimestamp: "2024-02-01T00:00:00Z"}
spec:
  parentRefs: [{name: gw}]
  hostnames: [api.example.com]
  rules: [{backendRefs: [{name: grpc, port: 50051}]}]
`;
  const call: SimRequest = {
    scheme: "http",
    host: "api.example.com",
    grpc: { service: "shop.Cart", method: "Add" },
    headers: { "content-type": "application/grpc" },
  };
  const get: SimRequest = { scheme: "http", host: "api.example.com", path: "/index.html" };

  test("default older-route-wins: the newer GRPCRoute is not accepted and gRPC calls reach the HTTPRoute", () => {
    const r = analyzeWith(text);
    expect(r.accepted("HTTPRoute/default/web")).toMatchObject({ status: "True" });
    expect(r.accepted("GRPCRoute/default/rpc")).toMatchObject({
      status: "False",
      reason: "Conflicted",
    });
    expect(r.accepted("GRPCRoute/default/rpc")?.message).toContain("HTTPRoute default/web");
    expect(r.listener("http")?.attachedRoutes).toBe(1);
    expect(r.send(call)).toMatchObject({
      route: "HTTPRoute/default/web",
      outcome: { backend: { target: "default/web:80" } },
    });
    expect(r.notes).toEqual([]);
  });

  test("both-accepted: both routes are accepted, gRPC calls reach the GRPCRoute, other requests the HTTPRoute, and the newer route carries the note", () => {
    const r = analyzeWith(text, { readings: { httpGrpcSameHostname: "both-accepted" } });
    expect(r.accepted("HTTPRoute/default/web")).toMatchObject({ status: "True" });
    expect(r.accepted("GRPCRoute/default/rpc")).toMatchObject({
      status: "True",
      reason: "Accepted",
    });
    expect(r.listener("http")?.attachedRoutes).toBe(2);
    expect(r.send(call)).toMatchObject({
      route: "GRPCRoute/default/rpc",
      outcome: { kind: "forwarded", grpcCode: "OK", backend: { target: "default/grpc:50051" } },
    });
    expect(r.send(get)).toMatchObject({
      route: "HTTPRoute/default/web",
      outcome: { kind: "forwarded", backend: { target: "default/web:80" } },
    });
    expect(r.notes).toHaveLength(1);
    expect(r.notes[0]).toMatchObject({
      severity: "info",
      path: "spec.parentRefs[0]",
      object: { kind: "GRPCRoute", name: "rpc" },
    });
    expect(r.notes[0]?.message).toContain("reading httpGrpcSameHostname=both-accepted");
    const explain = r.analysis.explain.find((e) => e.route === "GRPCRoute/default/rpc");
    expect(explain?.listeners[0]?.checks.at(-1)?.detail).toContain(
      "reading httpGrpcSameHostname=both-accepted",
    );
  });

  test("disjoint hostnames never clash, so the reading has nothing to decide", () => {
    const r = analyzeWith(
      text.replace(
        "hostnames: [api.example.com]\n  rules: [{backendRefs: [{name: grpc",
        "hostnames: [rpc.example.com]\n  rules: [{backendRefs: [{name: grpc",
      ),
      { readings: { httpGrpcSameHostname: "both-accepted" } },
    );
    expect(r.accepted("GRPCRoute/default/rpc")).toMatchObject({ status: "True" });
    expect(r.notes).toEqual([]);
  });
});

describe("reading tcpRouteOnTlsTerminate", () => {
  const listener = (mode: string) =>
    `{name: tls, protocol: TLS, port: 443, hostname: db.example.com, tls: {mode: ${mode}${mode === "Terminate" ? ", certificateRefs: [{name: cert}]" : ""}}}`;
  const route = `---
apiVersion: gateway.networking.k8s.io/v1
kind: TCPRoute
metadata: {name: db, namespace: default}
spec:
  parentRefs: [{name: gw, sectionName: tls}]
  rules: [{backendRefs: [{name: db, port: 5432}]}]
`;
  const connect: SimRequest = { scheme: "tls", port: 443, sni: "db.example.com" };

  test("default refused: TLS listeners serve TLSRoute only, so the TCPRoute is NotAllowedByListeners and the connection is refused", () => {
    const r = analyzeWith(GATEWAY(listener("Terminate")) + route);
    expect(r.accepted("TCPRoute/default/db")).toMatchObject({
      status: "False",
      reason: "NotAllowedByListeners",
    });
    expect(r.listener("tls")).toMatchObject({
      attachedRoutes: 0,
      supportedKinds: [{ kind: "TLSRoute" }],
    });
    expect(r.send(connect).outcome.kind).toBe("connection-refused");
    expect(r.notes).toEqual([]);
  });

  test("accepted: the listener lists TCPRoute, the route is accepted and takes the decrypted stream, and notes name the reading", () => {
    const r = analyzeWith(GATEWAY(listener("Terminate")) + route, {
      readings: { tcpRouteOnTlsTerminate: "accepted" },
    });
    expect(r.accepted("TCPRoute/default/db")).toMatchObject({ status: "True", reason: "Accepted" });
    expect(r.listener("tls")).toMatchObject({
      attachedRoutes: 1,
      supportedKinds: [{ kind: "TLSRoute" }, { kind: "TCPRoute" }],
    });
    expect(r.send(connect)).toMatchObject({
      route: "TCPRoute/default/db",
      outcome: { kind: "forwarded", backend: { target: "default/db:5432" } },
    });
    expect(r.notes).toHaveLength(1);
    expect(r.notes[0]).toMatchObject({
      path: "spec.parentRefs[0]",
      object: { kind: "TCPRoute", name: "db" },
    });
    expect(r.notes[0]?.message).toContain("reading tcpRouteOnTlsTerminate=accepted");
  });

  test("accepted: a TLSRoute still serves its own SNI first; allowedRoutes.kinds may name TCPRoute, with a note", () => {
    const tlsRoute = `---
apiVersion: gateway.networking.k8s.io/v1
kind: TLSRoute
metadata: {name: web, namespace: default}
spec:
  parentRefs: [{name: gw, sectionName: tls}]
  hostnames: [db.example.com]
  rules: [{backendRefs: [{name: web, port: 80}]}]
`;
    const kinds = `${listener("Terminate").slice(0, -1)}, allowedRoutes: {kinds: [{kind: TLSRoute}, {kind: TCPRoute}]}}`;
    const r = analyzeWith(GATEWAY(kinds) + route + tlsRoute, {
      readings: { tcpRouteOnTlsTerminate: "accepted" },
    });
    expect(r.listener("tls")?.conditions.find((c) => c.type === "ResolvedRefs")).toMatchObject({
      status: "True",
    });
    expect(r.send(connect)).toMatchObject({
      route: "TLSRoute/default/web",
      outcome: { backend: { target: "default/web:80" } },
    });
    expect(r.notes.map((n) => n.object?.kind)).toEqual(["Gateway", "TCPRoute"]);
    expect(r.notes[0]).toMatchObject({ path: "spec.listeners[0].allowedRoutes.kinds[1]" });
    const without = analyzeWith(GATEWAY(kinds) + route + tlsRoute);
    expect(
      without.listener("tls")?.conditions.find((c) => c.type === "ResolvedRefs"),
    ).toMatchObject({ status: "False", reason: "InvalidRouteKinds" });
  });

  test("a Passthrough TLS listener refuses the TCPRoute under either reading", () => {
    const r = analyzeWith(GATEWAY(listener("Passthrough")) + route, {
      readings: { tcpRouteOnTlsTerminate: "accepted" },
    });
    expect(r.accepted("TCPRoute/default/db")).toMatchObject({
      status: "False",
      reason: "NotAllowedByListeners",
    });
    expect(r.notes).toEqual([]);
  });
});

describe("reading GatewayRouteHostnameIntersectionPrecedence", () => {
  /** Two routes with their own hostnames on one listener; the older is listed first. */
  const twoRoutes = (
    kind: "HTTPRoute" | "TLSRoute",
    listenerHostname: string,
    older: string,
    newer: string,
    newerPath = "/",
  ) => {
    const protocol =
      kind === "HTTPRoute"
        ? "protocol: HTTP, port: 80"
        : "protocol: TLS, port: 443, tls: {mode: Passthrough}";
    const rules = (backend: string, path: string) =>
      kind === "HTTPRoute"
        ? `[{matches: [{path: {type: PathPrefix, value: "${path}"}}], backendRefs: [{name: ${backend}, port: 80}]}]`
        : `[{backendRefs: [{name: ${backend}, port: 80}]}]`;
    return `${GATEWAY(`{name: l, ${protocol}, hostname: "${listenerHostname}"}`)}---
apiVersion: v1
kind: Service
metadata: {name: v2, namespace: default}
spec: {ports: [{port: 80}]}
---
apiVersion: gateway.networking.k8s.io/v1
kind: ${kind}
metadata: {name: older, namespace: default, creationTimestamp: "2024-01-01T00:00:00Z"}
spec:
  parentRefs: [{name: gw}]
  hostnames: ["${older}"]
  rules: ${rules("web", "/")}
---
apiVersion: gateway.networking.k8s.io/v1
kind: ${kind}
metadata: {name: newer, namespace: default, creationTimestamp: "2024-02-01T00:00:00Z"}
spec:
  parentRefs: [{name: gw}]
  hostnames: ["${newer}"]
  rules: ${rules("v2", newerPath)}
`;
  };
  const ORIGINAL = {
    readings: { GatewayRouteHostnameIntersectionPrecedence: "original-hostnames" },
  } as const;
  const get: SimRequest = { scheme: "http", host: "abc.example.com", path: "/" };

  test("default intersected-hostname: an exact route and a wildcard route meeting on an exact listener share one virtual host; the older wins by age, and the trace names the reading", () => {
    const text = twoRoutes("HTTPRoute", "abc.example.com", "*.example.com", "abc.example.com");
    const r = analyzeWith(text);
    expect(r.send(get)).toMatchObject({
      route: "HTTPRoute/default/older",
      outcome: { backend: { target: "default/web:80" } },
    });
    const vhosts = r.analysis.routeTable.listeners[0]?.virtualHosts ?? [];
    expect(vhosts.map((v) => v.hostname)).toEqual(["abc.example.com"]);
    expect(vhosts[0]?.readingNote?.reading).toBe(
      "reading GatewayRouteHostnameIntersectionPrecedence=intersected-hostname",
    );
    expect(vhosts[0]?.readingNote?.detail).toContain("*.example.com, abc.example.com");
    const trace = traceRequest(compileRouter(r.analysis), get);
    expect(trace.virtualHost?.reason).toContain(
      "reading GatewayRouteHostnameIntersectionPrecedence=intersected-hostname",
    );
    expect(trace.tieBreak).toMatchObject({ step: "route age" });
    expect(trace.tieBreak?.detail).toContain(
      "compete in one virtual host by reading GatewayRouteHostnameIntersectionPrecedence=intersected-hostname",
    );
  });

  test("original-hostnames: the route with the exact hostname wins over the older wildcard route (upstream PR #5124, first case)", () => {
    const r = analyzeWith(
      twoRoutes("HTTPRoute", "abc.example.com", "*.example.com", "abc.example.com"),
      ORIGINAL,
    );
    expect(r.send(get)).toMatchObject({
      route: "HTTPRoute/default/newer",
      outcome: { backend: { target: "default/v2:80" } },
    });
    const vhosts = r.analysis.routeTable.listeners[0]?.virtualHosts ?? [];
    expect(vhosts.map((v) => v.hostname)).toEqual(["abc.example.com", "*.example.com"]);
    expect(vhosts.map((v) => v.entries.map((e) => e.name))).toEqual([["newer"], ["older"]]);
    const trace = traceRequest(compileRouter(r.analysis), get);
    expect(trace.virtualHost).toMatchObject({ hostname: "abc.example.com" });
    expect(trace.virtualHost?.reason).toContain(
      "reading GatewayRouteHostnameIntersectionPrecedence=original-hostnames",
    );
    expect(trace.virtualHost?.reason).toContain(
      "not by its intersection with the listener (abc.example.com)",
    );
  });

  test("original-hostnames: the more specific wildcard wins over the older, broader one on a wildcard listener (PR #5124, second case)", () => {
    const text = twoRoutes("HTTPRoute", "*.example.com", "*.com", "*.example.com");
    expect(analyzeWith(text).send(get).route).toBe("HTTPRoute/default/older");
    expect(analyzeWith(text, ORIGINAL).send(get).route).toBe("HTTPRoute/default/newer");
  });

  test("original-hostnames: a route without hostnames ranks below one that names the host", () => {
    const text = twoRoutes("HTTPRoute", "abc.example.com", "*", "abc.example.com").replace(
      '  hostnames: ["*"]\n',
      "",
    );
    expect(analyzeWith(text).send(get).route).toBe("HTTPRoute/default/older");
    const r = analyzeWith(text, ORIGINAL);
    expect(r.send(get).route).toBe("HTTPRoute/default/newer");
    expect(r.analysis.routeTable.listeners[0]?.virtualHosts.map((v) => v.hostname)).toEqual([
      "abc.example.com",
      "*",
    ]);
  });

  test("original-hostnames keeps the no-fallback model: a path only the wildcard route serves is 404 under the exact route hostname", () => {
    const text = twoRoutes(
      "HTTPRoute",
      "abc.example.com",
      "*.example.com",
      "abc.example.com",
      "/only",
    );
    expect(analyzeWith(text).send(get)).toMatchObject({ route: "HTTPRoute/default/older" });
    const r = analyzeWith(text, ORIGINAL);
    expect(r.send(get)).toMatchObject({ route: undefined, outcome: { status: 404 } });
    expect(r.send({ ...get, path: "/only/x" }).route).toBe("HTTPRoute/default/newer");
  });

  test("TLSRoutes: the older wildcard route shadows the exact one by default; original-hostnames gives the SNI to the exact route (PR #5126)", () => {
    const text = twoRoutes("TLSRoute", "abc.example.com", "*.example.com", "abc.example.com");
    const connect: SimRequest = { scheme: "tls", port: 443, sni: "abc.example.com" };
    const byDefault = analyzeWith(text);
    expect(byDefault.send(connect)).toMatchObject({
      route: "TLSRoute/default/older",
      outcome: { backend: { target: "default/web:80" } },
    });
    expect(
      byDefault.analysis.routeTable.listeners[0]?.virtualHosts[0]?.entries[1]?.shadowedBy,
    ).toBe("TLSRoute/default/older");
    const original = analyzeWith(text, ORIGINAL);
    expect(original.send(connect)).toMatchObject({
      route: "TLSRoute/default/newer",
      outcome: { backend: { target: "default/v2:80" } },
    });
  });

  test("routes that name the same hostname: nothing for the reading to decide, no note, same answer", () => {
    const text = twoRoutes("HTTPRoute", "abc.example.com", "*.example.com", "*.example.com");
    for (const options of [{}, ORIGINAL]) {
      const r = analyzeWith(text, options);
      expect(r.send(get).route).toBe("HTTPRoute/default/older");
      expect(r.analysis.routeTable.listeners[0]?.virtualHosts.map((v) => v.readingNote)).toEqual([
        undefined,
      ]);
    }
  });
});

describe("READINGS", () => {
  test("each default is the first value, and readingValue gives it when none is chosen", () => {
    for (const [name, spec] of Object.entries(READINGS)) {
      expect(spec.default).toBe(spec.values[0]);
      expect(readingValue({}, name as ReadingName)).toBe(spec.default);
    }
  });
});

describe("parseReadings", () => {
  test("name=value pairs; unknown names, bad values and repeats are errors that say what exists", () => {
    expect(parseReadings(["loneBackendZeroWeight=all-traffic"])).toEqual({
      readings: { loneBackendZeroWeight: "all-traffic" },
      errors: [],
    });
    const bad = parseReadings([
      "nope=1",
      "loneBackendZeroWeight=maybe",
      "backendPortNotInService=unchecked",
      "backendPortNotInService=unchecked",
      "__proto__=x",
    ]);
    expect(bad.readings).toEqual({ backendPortNotInService: "unchecked" });
    expect(bad.errors[0]).toMatch(
      /^unknown reading "nope": known readings are backendPortNotInService, loneBackendZeroWeight, httpGrpcSameHostname, tcpRouteOnTlsTerminate/,
    );
    expect(bad.errors[1]).toBe(
      'reading loneBackendZeroWeight takes no-traffic or all-traffic (gwsim\'s default: no-traffic); got "maybe"',
    );
    expect(bad.errors[2]).toBe("reading backendPortNotInService was given twice");
    expect(bad.errors[3]).toMatch(/^unknown reading "__proto__"/);
  });
});
