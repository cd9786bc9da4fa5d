import { describe, expect, test } from "vitest";
import { analyze } from "../analyze";
import { compileRouter } from "../routing/compileRouter";
import { routeRequest } from "./routeRequest";
import { traceRequest } from "./traceRequest";
import { printTrace } from "../print/printTrace";
import type { SimRequest } from "./types";
import type { RouteStatus } from "../types";

function service(namespace: string, name: string, ports: (number | [string, number])[]): string {
  const list = ports
    .map((p) =>
      Array.isArray(p) ? `    - name: ${p[0]}\n      port: ${p[1]}` : `    - port: ${p}`,
    )
    .join("\n");
  return `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\n  namespace: ${namespace}\nspec:\n  ports:\n${list}\n`;
}

interface RouteSpec {
  namespace: string;
  name: string;
  kind?: "HTTPRoute" | "GRPCRoute";
  parent: { namespace?: string; name: string; port?: number; sectionName?: string };
  hostnames?: string[];
  created?: string;
  rules: string;
}

function route(r: RouteSpec): string {
  const p = r.parent;
  return [
    `apiVersion: gateway.networking.k8s.io/v1`,
    `kind: ${r.kind ?? "HTTPRoute"}`,
    `metadata:`,
    `  name: ${r.name}`,
    `  namespace: ${r.namespace}`,
    ...(r.created !== undefined ? [`  creationTimestamp: "${r.created}"`] : []),
    `spec:`,
    `  parentRefs:`,
    `    - group: ""`,
    `      kind: Service`,
    `      name: ${p.name}`,
    ...(p.namespace !== undefined ? [`      namespace: ${p.namespace}`] : []),
    ...(p.port !== undefined ? [`      port: ${p.port}`] : []),
    ...(p.sectionName !== undefined ? [`      sectionName: ${p.sectionName}`] : []),
    ...(r.hostnames !== undefined
      ? [`  hostnames: [${r.hostnames.map((h) => `"${h}"`).join(", ")}]`]
      : []),
    `  rules:`,
    r.rules,
  ].join("\n");
}

const to = (svc: string, port = 80) =>
  `    - backendRefs:\n        - name: ${svc}\n          port: ${port}`;

function routerOf(...docs: string[]) {
  const analysis = analyze([{ name: "mesh.yaml", text: docs.join("\n---\n") }], {
    world: "closed",
  });
  return { analysis, router: compileRouter(analysis) };
}

function mesh(clientNamespace: string, svc: string, rest: Partial<SimRequest> = {}): SimRequest {
  return { scheme: "http", port: 80, path: "/", ...rest, mesh: { clientNamespace, service: svc } };
}

const BACKENDS = [
  service("shop", "cart", [
    ["http", 80],
    ["admin", 8080],
  ]),
  service("shop", "cart-v1", [80]),
  service("shop", "cart-v2", [80]),
  service("web", "cart-canary", [80]),
];

describe("mesh (GAMMA) requests", () => {
  test("a producer route applies to clients in every namespace", () => {
    const { router } = routerOf(
      ...BACKENDS,
      route({
        namespace: "shop",
        name: "cart",
        parent: { name: "cart", port: 80 },
        rules: to("cart-v1"),
      }),
    );
    for (const client of ["shop", "web", "elsewhere"]) {
      const t = traceRequest(router, mesh(client, "shop/cart"));
      expect(t.outcome.kind).toBe("forwarded");
      expect(t.outcome.backend?.target).toBe("shop/cart-v1:80");
      expect(t.mesh?.routes).toEqual([
        expect.objectContaining({ route: "HTTPRoute/shop/cart", role: "producer", applies: true }),
      ]);
      expect(t.gateway).toBeUndefined();
      expect(t.listeners).toEqual([]);
    }
  });

  test("a consumer route applies only in its namespace, and there it replaces the producer routes", () => {
    const { router } = routerOf(
      ...BACKENDS,
      route({
        namespace: "shop",
        name: "cart",
        parent: { name: "cart", port: 80 },
        rules: to("cart-v1"),
      }),
      route({
        namespace: "web",
        name: "cart-from-web",
        parent: { namespace: "shop", name: "cart", port: 80 },
        rules:
          "    - matches:\n        - path: { type: PathPrefix, value: /canary }\n      backendRefs:\n        - name: cart-canary\n          port: 80",
      }),
    );
    const fromWeb = traceRequest(router, mesh("web", "shop/cart", { path: "/canary/x" }));
    expect(fromWeb.outcome.backend?.target).toBe("web/cart-canary:80");
    expect(fromWeb.mesh?.routes.map((r) => [r.route, r.role, r.applies])).toEqual([
      ["HTTPRoute/web/cart-from-web", "consumer", true],
      ["HTTPRoute/shop/cart", "producer", false],
    ]);
    expect(fromWeb.mesh?.routes[1]?.reason).toContain("producer route overridden");
    // Not merged: a path only the producer route serves is a 404 for the consumer's namespace.
    const missed = traceRequest(router, mesh("web", "shop/cart", { path: "/other" }));
    expect(missed.outcome).toMatchObject({ kind: "not-found", status: 404 });
    const fromElsewhere = traceRequest(
      router,
      mesh("elsewhere", "shop/cart", { path: "/canary/x" }),
    );
    expect(fromElsewhere.outcome.backend?.target).toBe("shop/cart-v1:80");
    expect(fromElsewhere.mesh?.routes[0]).toMatchObject({
      route: "HTTPRoute/web/cart-from-web",
      applies: false,
    });
    expect(fromElsewhere.mesh?.routes[0]?.reason).toContain("applies only to clients in web");
  });

  test("the parentRef port scopes a route; without a port it binds every port", () => {
    const scoped = routerOf(
      ...BACKENDS,
      route({
        namespace: "shop",
        name: "cart",
        parent: { name: "cart", port: 80 },
        rules: to("cart-v1"),
      }),
    ).router;
    const admin = traceRequest(scoped, mesh("shop", "shop/cart", { port: 8080 }));
    expect(admin.mesh?.defaultRouting).toBe(true);
    expect(admin.outcome.backend?.target).toBe("shop/cart:8080");
    expect(admin.mesh?.routes[0]?.reason).toBe("binds port 80, not port 8080");
    expect(admin.mesh?.routes[0]?.ports).toBe("port 80");
    const bySection = routerOf(
      ...BACKENDS,
      route({
        namespace: "shop",
        name: "cart",
        parent: { name: "cart", sectionName: "admin" },
        rules: to("cart-v2"),
      }),
    ).router;
    expect(
      traceRequest(bySection, mesh("shop", "shop/cart", { port: 8080 })).outcome.backend?.target,
    ).toBe("shop/cart-v2:80");
    expect(
      traceRequest(bySection, mesh("shop", "shop/cart", { port: 80 })).mesh?.defaultRouting,
    ).toBe(true);
    const every = routerOf(
      ...BACKENDS,
      route({ namespace: "shop", name: "cart", parent: { name: "cart" }, rules: to("cart-v2") }),
    ).router;
    for (const port of [80, 8080])
      expect(traceRequest(every, mesh("shop", "shop/cart", { port })).outcome.backend?.target).toBe(
        "shop/cart-v2:80",
      );
    expect(traceRequest(every, mesh("shop", "shop/cart")).mesh?.routes[0]?.ports).toBe(
      "every port",
    );
  });

  test("hostnames and the Host header never select a route", () => {
    const { router } = routerOf(
      ...BACKENDS,
      route({
        namespace: "shop",
        name: "cart",
        hostnames: ["cart.example.com"],
        parent: { name: "cart", port: 80 },
        rules: to("cart-v1"),
      }),
    );
    const t = traceRequest(router, mesh("web", "shop/cart", { host: "somewhere.else" }));
    expect(t.outcome.backend?.target).toBe("shop/cart-v1:80");
    expect(t.outcome.request?.host).toBe("somewhere.else");
    expect(t.virtualHost).toBeUndefined();
  });

  test("candidates of all routes that apply rank as HTTPRoute precedence does, with the tie-break named", () => {
    const { router } = routerOf(
      ...BACKENDS,
      route({
        namespace: "shop",
        name: "a-prefix",
        created: "2020-01-01T00:00:00Z",
        parent: { name: "cart", port: 80 },
        rules:
          "    - matches:\n        - path: { type: PathPrefix, value: /api }\n      backendRefs:\n        - name: cart-v1\n          port: 80",
      }),
      route({
        namespace: "shop",
        name: "b-exact",
        created: "2024-01-01T00:00:00Z",
        parent: { name: "cart", port: 80 },
        rules:
          "    - matches:\n        - path: { type: Exact, value: /api }\n      backendRefs:\n        - name: cart-v2\n          port: 80",
      }),
    );
    const exact = traceRequest(router, mesh("shop", "shop/cart", { path: "/api" }));
    expect(exact.winner?.route).toBe("HTTPRoute/shop/b-exact");
    expect(exact.tieBreak?.runnerUp.route).toBe("HTTPRoute/shop/a-prefix");
    expect(exact.tieBreak?.step).toBe("path type");
    expect(traceRequest(router, mesh("shop", "shop/cart", { path: "/api/x" })).winner?.route).toBe(
      "HTTPRoute/shop/a-prefix",
    );
  });

  test("no route binds: the Service itself; a route binds but no rule matches: 404", () => {
    const bare = routerOf(...BACKENDS).router;
    const t = traceRequest(bare, mesh("web", "shop/cart", { path: "/x?y=1" }));
    expect(t.outcome).toMatchObject({ kind: "forwarded", status: 200 });
    expect(t.outcome.backend?.target).toBe("shop/cart:80");
    expect(t.outcome.request?.path).toBe("/x?y=1");
    expect(t.outcome.request?.host).toBe("cart.shop.svc.cluster.local");
    expect(t.outcome.reason).toContain("goes to the Service itself");
    const bound = routerOf(
      ...BACKENDS,
      route({
        namespace: "shop",
        name: "cart",
        parent: { name: "cart", port: 80 },
        rules:
          "    - matches:\n        - path: { type: Exact, value: /only }\n      backendRefs:\n        - name: cart-v1\n          port: 80",
      }),
    ).router;
    const miss = traceRequest(bound, mesh("web", "shop/cart", { path: "/x" }));
    expect(miss.outcome).toMatchObject({ kind: "not-found", status: 404 });
    expect(miss.candidates).toEqual([
      expect.objectContaining({ route: "HTTPRoute/shop/cart", pass: false }),
    ]);
  });

  test("an unknown Service or port refuses the connection; a bare name resolves in the client namespace", () => {
    const { router } = routerOf(...BACKENDS);
    expect(traceRequest(router, mesh("web", "shop/nope")).outcome).toMatchObject({
      kind: "connection-refused",
    });
    expect(traceRequest(router, mesh("web", "shop/nope")).outcome.reason).toContain(
      "not in the workspace",
    );
    const badPort = traceRequest(router, mesh("web", "shop/cart", { port: 9999 }));
    expect(badPort.outcome.kind).toBe("connection-refused");
    expect(badPort.outcome.reason).toContain("no port 9999 (ports: http:80, admin:8080)");
    expect(traceRequest(router, mesh("shop", "cart")).outcome.backend?.target).toBe("shop/cart:80");
    expect(traceRequest(router, mesh("web", "cart")).outcome.kind).toBe("connection-refused");
    expect(traceRequest(router, mesh("Bad NS", "cart")).outcome.kind).toBe("connection-refused");
  });

  test("a route the status stage did not accept for the Service loses, with its reason", () => {
    const { router } = routerOf(
      ...BACKENDS,
      route({
        namespace: "shop",
        name: "cart",
        parent: { name: "cart", port: 9090 },
        rules: to("cart-v1"),
      }),
    );
    const t = traceRequest(router, mesh("shop", "shop/cart"));
    expect(t.mesh?.defaultRouting).toBe(true);
    expect(t.mesh?.routes[0]).toMatchObject({ applies: false });
    expect(t.mesh?.routes[0]?.reason).toContain("NoMatchingParent");
    // The words stand alone in the trace: never "port no port".
    expect(t.mesh?.routes[0]?.ports).toBe(
      "no port of the Service (its parentRef names one it lacks)",
    );
    expect(printTrace(t)).toContain(
      "(producer, no port of the Service (its parentRef names one it lacks))",
    );
    expect(printTrace(t)).not.toContain("port no port");
  });

  test("a headless or ExternalName Service is no mesh parent (GEP-1294): NoMatchingParent, default routing", () => {
    // Linkerd's policy controller (valid_parent_service) rejects both the same way.
    const headless = service("shop", "db", [80]).replace("spec:\n", "spec:\n  clusterIP: None\n");
    const external = service("shop", "ext", [80]).replace(
      "spec:\n",
      "spec:\n  type: ExternalName\n  externalName: example.com\n",
    );
    const { analysis, router } = routerOf(
      ...BACKENDS,
      headless,
      external,
      route({
        namespace: "shop",
        name: "db",
        parent: { name: "db", port: 80 },
        rules: to("cart-v1"),
      }),
      route({ namespace: "shop", name: "ext", parent: { name: "ext" }, rules: to("cart-v1") }),
      route({ namespace: "shop", name: "cart", parent: { name: "cart" }, rules: to("cart-v1") }),
    );
    const parentOf = (name: string) =>
      (analysis.status[`HTTPRoute/shop/${name}`] as RouteStatus | undefined)?.parents[0];
    for (const name of ["db", "ext"]) {
      const accepted = parentOf(name)?.conditions.find((c) => c.type === "Accepted");
      expect(accepted).toMatchObject({ status: "False", reason: "NoMatchingParent" });
    }
    expect(parentOf("db")?.conditions.find((c) => c.type === "Accepted")?.message).toContain(
      "headless (clusterIP: None)",
    );
    expect(parentOf("ext")?.conditions.find((c) => c.type === "Accepted")?.message).toContain(
      "ExternalName",
    );
    expect(parentOf("cart")?.conditions.find((c) => c.type === "Accepted")?.status).toBe("True");
    const t = traceRequest(router, mesh("shop", "shop/db"));
    expect(t.mesh?.defaultRouting).toBe(true);
    expect(t.outcome.backend?.target).toBe("shop/db:80");
  });

  test("a GRPCRoute serves gRPC calls and takes the port from an HTTPRoute", () => {
    const { router } = routerOf(
      ...BACKENDS,
      route({
        namespace: "shop",
        name: "grpc",
        kind: "GRPCRoute",
        parent: { name: "cart", port: 80 },
        rules:
          "    - matches:\n        - method: { service: shop.Cart, method: Add }\n      backendRefs:\n        - name: cart-v2\n          port: 80",
      }),
      route({
        namespace: "shop",
        name: "http",
        parent: { name: "cart", port: 80 },
        rules: to("cart-v1"),
      }),
    );
    const call = traceRequest(
      router,
      mesh("web", "shop/cart", { grpc: { service: "shop.Cart", method: "Add" } }),
    );
    expect(call.outcome).toMatchObject({ kind: "forwarded", grpcCode: "OK" });
    expect(call.outcome.backend?.target).toBe("shop/cart-v2:80");
    expect(call.mesh?.routes.find((r) => r.route === "HTTPRoute/shop/http")?.reason).toContain(
      "Conflicted",
    );
  });

  test("a route bound to every port loses only the port a more specific kind binds", () => {
    // GEP-1294 "Route types" is per Service+Port pair; Linkerd's outbound_api route_with_no_port.
    const { analysis, router } = routerOf(
      ...BACKENDS,
      route({
        namespace: "shop",
        name: "grpc",
        kind: "GRPCRoute",
        parent: { name: "cart", port: 8080 },
        rules:
          "    - matches:\n        - method: { service: shop.Cart }\n      backendRefs:\n        - name: cart-v2\n          port: 80",
      }),
      route({ namespace: "shop", name: "http", parent: { name: "cart" }, rules: to("cart-v1") }),
    );
    const http = analysis.status["HTTPRoute/shop/http"] as RouteStatus | undefined;
    expect(http?.parents[0]?.conditions.find((c) => c.type === "Accepted")?.status).toBe("True");
    const onHttpPort = mesh("web", "shop/cart", { port: 80 });
    expect(traceRequest(router, onHttpPort).outcome.backend?.target).toBe("shop/cart-v1:80");
    const onGrpcPort = mesh("web", "shop/cart", { port: 8080 });
    const t = traceRequest(router, onGrpcPort);
    expect(t.outcome).toMatchObject({ kind: "not-found", status: 404 });
    expect(t.mesh?.routes.find((r) => r.route === "HTTPRoute/shop/http")?.reason).toContain(
      "a GRPCRoute binds port 8080 too",
    );
    expect(routeRequest(router, onGrpcPort)).toMatchObject({ kind: "not-found", status: 404 });
    const call = mesh("web", "shop/cart", {
      port: 8080,
      grpc: { service: "shop.Cart", method: "Add" },
    });
    expect(traceRequest(router, call).outcome.backend?.target).toBe("shop/cart-v2:80");
  });

  test("a UDPRoute and a TCPRoute on one Service port do not clash (UDP is orthogonal, GEP-1294)", () => {
    const l4 = (kind: string, name: string) =>
      `apiVersion: gateway.networking.k8s.io/v1alpha2\nkind: ${kind}\nmetadata:\n  name: ${name}\n  namespace: net\nspec:\n  parentRefs:\n    - { group: "", kind: Service, name: dns, port: 53 }\n  rules:\n    - backendRefs:\n        - { name: dns-v2, port: 53 }`;
    const dns = (name: string) =>
      `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\n  namespace: net\nspec:\n  ports:\n    - { name: dns, port: 53, protocol: UDP }\n    - { name: dns-tcp, port: 53, protocol: TCP }`;
    const { analysis, router } = routerOf(
      dns("dns"),
      dns("dns-v2"),
      l4("TCPRoute", "tcp"),
      l4("UDPRoute", "udp"),
    );
    for (const key of ["TCPRoute/net/tcp", "UDPRoute/net/udp"]) {
      const accepted = (
        analysis.status[key] as RouteStatus | undefined
      )?.parents[0]?.conditions.find((c) => c.type === "Accepted");
      expect(accepted?.status, key).toBe("True");
    }
    const t = traceRequest(router, mesh("net", "net/dns", { scheme: "udp", port: 53 }));
    expect(t.mesh?.routes.find((r) => r.route === "UDPRoute/net/udp")?.applies).toBe(true);
    expect(t.winner?.route).toBe("UDPRoute/net/udp");
  });

  test("routeRequest makes the same decision as the trace", () => {
    const { router } = routerOf(
      ...BACKENDS,
      route({
        namespace: "shop",
        name: "cart",
        parent: { name: "cart", port: 80 },
        rules:
          "    - backendRefs:\n        - name: cart-v1\n          port: 80\n          weight: 1\n        - name: cart-v2\n          port: 80\n          weight: 3",
      }),
    );
    for (let sample = 0; sample < 20; sample++) {
      const req = mesh("web", "shop/cart");
      const t = traceRequest(router, req, { seed: 7, sample });
      const r = routeRequest(router, req, { seed: 7, sample });
      expect(r).toMatchObject({
        kind: t.outcome.kind,
        status: t.outcome.status,
        route: t.winner?.route,
        backend: t.outcome.backend?.target,
      });
    }
    expect(routeRequest(router, mesh("web", "shop/cart", { port: 8080 }))).toMatchObject({
      kind: "forwarded",
      backend: "shop/cart:8080",
    });
  });
});

describe("the fast path (routeRequest) agrees with the trace", () => {
  test("over clients, Services, ports, paths, headers, gRPC calls and samples", () => {
    const { router } = routerOf(
      ...BACKENDS,
      route({
        namespace: "shop",
        name: "cart",
        parent: { name: "cart", port: 80 },
        rules:
          '    - matches:\n        - path: { type: Exact, value: /api }\n        - headers: [{ name: x-v, value: "2" }]\n      backendRefs:\n        - name: cart-v2\n          port: 80\n    - matches:\n        - path: { type: PathPrefix, value: /api }\n      backendRefs:\n        - name: cart-v1\n          port: 80\n          weight: 3\n        - name: cart-v2\n          port: 80\n          weight: 1\n        - name: gone\n          port: 80\n          weight: 1',
      }),
      route({
        namespace: "web",
        name: "from-web",
        parent: { namespace: "shop", name: "cart" },
        rules:
          "    - matches:\n        - path: { type: PathPrefix, value: /web }\n      filters:\n        - type: RequestRedirect\n          requestRedirect: { statusCode: 301, hostname: elsewhere.example }",
      }),
      route({
        namespace: "shop",
        name: "grpc",
        kind: "GRPCRoute",
        parent: { name: "cart", port: 8080 },
        rules:
          "    - matches:\n        - method: { service: shop.Cart }\n      backendRefs:\n        - name: cart-v2\n          port: 80",
      }),
    );
    const clients = ["shop", "web", "other", "BAD"];
    const services = ["shop/cart", "cart", "shop/cart-v1", "shop/nope"];
    const ports = [80, 8080, 9999];
    const paths = ["/", "/api", "/api/x", "/api?x=1", "/web/a", "/./api/../api"];
    let checked = 0;
    for (const clientNamespace of clients)
      for (const service of services)
        for (const port of ports)
          for (const path of paths)
            for (const headers of [{}, { "X-V": "2" }])
              for (const grpc of [undefined, { service: "shop.Cart", method: "Add" }])
                for (const sample of [0, 3]) {
                  const req: SimRequest = {
                    scheme: "http",
                    port,
                    path,
                    headers,
                    mesh: { clientNamespace, service },
                    ...(grpc !== undefined ? { grpc } : {}),
                  };
                  const t = traceRequest(router, req, { seed: 5, sample });
                  const r = routeRequest(router, req, { seed: 5, sample });
                  const expected = {
                    kind: t.outcome.kind,
                    status: t.outcome.status,
                    route: t.winner?.route,
                    backend: t.outcome.backend?.target,
                  };
                  expect(
                    { kind: r.kind, status: r.status, route: r.route, backend: r.backend },
                    JSON.stringify(req),
                  ).toEqual(expected);
                  checked += 1;
                }
    expect(checked).toBe(4 * 4 * 3 * 6 * 2 * 2 * 2);
  });
});

describe("mesh trace as text", () => {
  test("names the client, the Service and every bound route with why it applies or lost", async () => {
    const { printTrace } = await import("../print/printTrace");
    const { router } = routerOf(
      ...BACKENDS,
      route({
        namespace: "shop",
        name: "cart",
        parent: { name: "cart", port: 80 },
        rules: to("cart-v1"),
      }),
      route({
        namespace: "web",
        name: "cart-from-web",
        parent: { namespace: "shop", name: "cart", port: 80 },
        rules: to("cart-canary"),
      }),
    );
    const text = printTrace(traceRequest(router, mesh("elsewhere", "shop/cart", { path: "/a" })));
    expect(text).toContain(
      "Request    mesh client in elsewhere → Service shop/cart:80  GET /a  (Host: cart.shop.svc.cluster.local, not used for matching)",
    );
    expect(text).toContain("Service    Service shop/cart port http:80");
    expect(text).toContain(
      "✗ HTTPRoute web/cart-from-web (consumer, port 80) — consumer route of namespace web: applies only to clients in web",
    );
    expect(text).toContain(
      "✓ HTTPRoute shop/cart (producer, port 80) — producer route: applies to clients in every namespace",
    );
    expect(text).not.toContain("Gateway ");
  });
});
