import { describe, expect, test } from "vitest";
import { aGateway, anHTTPRoute, HTTP80, routerFor } from "../../test-utils/routingModels";
import { traceRequest } from "./traceRequest";
import { routeRequest } from "./routeRequest";
import { analyze } from "../analyze";
import { compileRouter } from "../routing/compileRouter";

const gw = aGateway("infra", "gw", HTTP80);
const prefix = (value: string) => ({ path: { type: "PathPrefix", value } });

describe("header modifiers (HTTPRouteRequestHeaderModifier / ResponseHeaderModifier)", () => {
  const route = anHTTPRoute("infra", "r", {
    rules: [
      {
        matches: [prefix("/case-insensitivity")],
        filters: [
          {
            type: "RequestHeaderModifier",
            requestHeaderModifier: {
              set: [{ name: "X-Header-Set", value: "header-set" }],
              add: [{ name: "X-Header-Add", value: "header-add" }],
              remove: ["X-Header-Remove"],
            },
          },
        ],
        backends: [{ name: "v1" }],
      },
      {
        matches: [prefix("/response")],
        filters: [
          {
            type: "ResponseHeaderModifier",
            responseHeaderModifier: {
              set: [{ name: "X-Header-Set", value: "set-overwrites-values" }],
              add: [{ name: "X-Header-Add", value: "add-appends-values" }],
              remove: ["X-Header-Remove"],
            },
          },
        ],
        backends: [{ name: "v1" }],
      },
    ],
  });
  const router = routerFor(gw, [route]);

  test("set replaces, add appends, remove deletes, whatever the case the client used", () => {
    const t = traceRequest(router, {
      scheme: "http",
      path: "/case-insensitivity",
      headers: {
        "x-header-set": "original",
        "x-header-add": "some-other-value",
        "x-header-remove": "gone",
      },
    });
    expect(t.outcome.request?.headers).toEqual({
      "x-header-set": "header-set",
      "x-header-add": "some-other-value,header-add",
    });
    expect(t.filters[0]?.before?.headers["x-header-remove"]).toBe("gone");
    expect(t.filters[0]?.effect).toMatch(/set x-header-set: header-set \(was original\)/);
  });

  test("a trace is plain data (it crosses the worker boundary)", () => {
    const t = traceRequest(router, {
      scheme: "http",
      path: "/case-insensitivity",
      headers: { "x-header-set": "a" },
    });
    expect(structuredClone(t)).toEqual(t);
    expect(JSON.parse(JSON.stringify(t))).toEqual(t);
  });

  test("response headers act on what the backend sent", () => {
    const t = traceRequest(router, {
      scheme: "http",
      path: "/response",
      backendResponseHeaders: {
        "X-Header-Add": "some-other-value",
        "X-Header-Remove": "val",
        Other: "o",
      },
    });
    expect(t.outcome.responseHeaders).toEqual({
      "x-header-set": "set-overwrites-values",
      "x-header-add": "some-other-value,add-appends-values",
      other: "o",
    });
  });
});

describe("URLRewrite and redirects", () => {
  const route = anHTTPRoute("infra", "r", {
    rules: [
      {
        matches: [prefix("/prefix/one")],
        filters: [
          {
            type: "URLRewrite",
            urlRewrite: {
              hostname: "rewritten.example",
              path: { type: "ReplacePrefixMatch", replacePrefixMatch: "/one" },
            },
          },
        ],
        backends: [{ name: "v1" }],
      },
      {
        matches: [prefix("/strip-prefix")],
        filters: [
          {
            type: "URLRewrite",
            urlRewrite: { path: { type: "ReplacePrefixMatch", replacePrefixMatch: "/" } },
          },
        ],
        backends: [{ name: "v1" }],
      },
      {
        matches: [prefix("/full")],
        filters: [
          {
            type: "URLRewrite",
            urlRewrite: { path: { type: "ReplaceFullPath", replaceFullPath: "/one" } },
          },
        ],
        backends: [{ name: "v1" }],
      },
      {
        matches: [prefix("/redirect")],
        filters: [
          { type: "RequestRedirect", requestRedirect: { scheme: "https", statusCode: 301 } },
        ],
      },
    ],
  });
  const router = routerFor(gw, [route]);

  test("the backend sees the rewritten host and path, the query kept; matching used the original", () => {
    const t = traceRequest(router, {
      scheme: "http",
      host: "orig.example",
      path: "/prefix/one/two?q=1",
    });
    expect(t.outcome.request).toMatchObject({ host: "rewritten.example", path: "/one/two?q=1" });
    expect(t.winner?.ruleIndex).toBe(0);
    expect(t.filters[0]?.before?.path).toBe("/prefix/one/two?q=1");
  });

  test("the path is normalized before matching and forwarded normalized", () => {
    const t = traceRequest(router, { scheme: "http", path: "/prefix/x/../one//two?q=1" });
    expect(t.request).toMatchObject({ path: "/prefix/one/two", sentPath: "/prefix/x/../one//two" });
    expect(t.winner?.ruleIndex).toBe(0);
    expect(t.outcome.request?.path).toBe("/one/two?q=1");
  });

  test.each([
    ["/strip-prefix/three", "/three"],
    ["/strip-prefix", "/"],
    ["/full/one/two", "/one"],
  ])("%s reaches the backend as %s", (path, want) => {
    expect(traceRequest(router, { scheme: "http", path }).outcome.request?.path).toBe(want);
  });

  test("a redirect is answered by the gateway without backends", () => {
    const t = traceRequest(router, { scheme: "http", host: "example.org", path: "/redirect?a=b" });
    expect(t.outcome).toMatchObject({
      kind: "redirect",
      status: 301,
      redirect: { status: 301, location: "https://example.org/redirect?a=b" },
      backends: [],
    });
    expect(t.outcome.request).toBeUndefined();
    expect(routeRequest(router, { scheme: "http", path: "/redirect" })).toMatchObject({
      kind: "redirect",
      status: 301,
    });
  });
});

describe("backend-level filters run only for the picked backend (HTTPRouteRequestHeaderModifierBackendWeights)", () => {
  const route = anHTTPRoute("infra", "r", {
    rules: [
      {
        backends: [
          {
            name: "v1",
            filters: [
              {
                type: "RequestHeaderModifier",
                requestHeaderModifier: { set: [{ name: "backend", value: "infra-backend-v1" }] },
              },
            ],
          },
          {
            name: "v2",
            filters: [
              {
                type: "RequestHeaderModifier",
                requestHeaderModifier: { set: [{ name: "backend", value: "infra-backend-v2" }] },
              },
            ],
          },
        ],
      },
    ],
  });
  const router = routerFor(gw, [route]);

  test("over many samples, the header always names the picked backend", () => {
    const seen = new Set<string>();
    for (let sample = 0; sample < 40; sample++) {
      const t = traceRequest(router, { scheme: "http" }, { seed: 3, sample });
      const picked = t.outcome.backend?.name ?? "";
      seen.add(picked);
      expect(t.outcome.request?.headers["backend"]).toBe(`infra-backend-${picked}`);
      expect(t.filters.filter((f) => f.level === "backend")).toHaveLength(1);
    }
    expect(seen).toEqual(new Set(["v1", "v2"]));
  });
});

describe("backend TLS", () => {
  test("the forwarded request carries the SNI and client certificate the status stage resolved", () => {
    const r = anHTTPRoute("infra", "r", { rules: [{ backends: [{ name: "secure" }] }] });
    r.rules[0]!.backendRefs[0]!.backendTLS = {
      sni: "abc.example.com",
      clientCertificate: "infra/client-cert",
    };
    const t = traceRequest(routerFor(gw, [r]), { scheme: "http", host: "abc.example.com" });
    expect(t.outcome.request?.backendTLS).toEqual({
      sni: "abc.example.com",
      clientCertificate: "infra/client-cert",
    });
    expect(
      traceRequest(
        routerFor(gw, [anHTTPRoute("infra", "p", { rules: [{ backends: [{ name: "plain" }] }] })]),
        { scheme: "http" },
      ).outcome.request?.backendTLS,
    ).toBeUndefined();
  });
});

describe("mirrors", () => {
  const route = anHTTPRoute("infra", "r", {
    rules: [
      {
        filters: [
          {
            type: "RequestMirror",
            requestMirror: { backendRef: { name: "mirror-a", port: 8080 }, percent: 25 },
          },
          {
            type: "RequestHeaderModifier",
            requestHeaderModifier: { add: [{ name: "x-after", value: "1" }] },
          },
          {
            type: "RequestMirror",
            requestMirror: {
              backendRef: { name: "mirror-b", port: 8080 },
              fraction: { numerator: 1, denominator: 3 },
            },
          },
          {
            type: "RequestMirror",
            requestMirror: { backendRef: { name: "mirror-c", port: 8080 } },
          },
        ],
        backends: [{ name: "v1" }],
      },
    ],
  });

  test("each mirror gets its percent and the request as modified by the filters before it", () => {
    const m = traceRequest(routerFor(gw, [route]), { scheme: "http" }).outcome.mirrors;
    expect(m.map((x) => [x.target, x.percent, x.valid])).toEqual([
      ["infra/mirror-a:8080", 25, true],
      ["infra/mirror-b:8080", 100 / 3, true],
      ["infra/mirror-c:8080", 100, true],
    ]);
    expect(m[0]?.request?.headers["x-after"]).toBeUndefined();
    expect(m[1]?.request?.headers["x-after"]).toBe("1");
  });
});

describe("CORS through the router (HTTPRouteCORS)", () => {
  const route = anHTTPRoute("infra", "r", {
    rules: [
      {
        matches: [prefix("/cors-1")],
        filters: [
          {
            type: "CORS",
            cors: {
              allowOrigins: ["https://www.foo.com", "https://*.bar.com"],
              allowMethods: ["GET", "OPTIONS"],
              allowCredentials: true,
            },
          },
        ],
        backends: [{ name: "v1" }],
      },
    ],
  });
  const router = routerFor(gw, [route]);

  test("an allowed preflight is answered by the gateway", () => {
    const t = traceRequest(router, {
      scheme: "http",
      method: "OPTIONS",
      path: "/cors-1",
      headers: { Origin: "https://xpto.www.bar.com", "access-control-request-method": "GET" },
    });
    expect(t.outcome).toMatchObject({ kind: "direct-response", status: 200 });
    expect(t.outcome.backend).toBeUndefined();
    expect(t.outcome.responseHeaders["access-control-allow-origin"]).toBe(
      "https://xpto.www.bar.com",
    );
  });

  test("a disallowed preflight gets 403 and no CORS headers", () => {
    const t = traceRequest(router, {
      scheme: "http",
      method: "OPTIONS",
      path: "/cors-1",
      headers: { Origin: "https://foobar.com", "access-control-request-method": "GET" },
    });
    expect(t.outcome).toMatchObject({ kind: "direct-response", status: 403, responseHeaders: {} });
  });

  test("an actual request is forwarded and gets the CORS headers on the response", () => {
    const t = traceRequest(router, {
      scheme: "http",
      path: "/cors-1",
      headers: { Origin: "https://www.foo.com" },
    });
    expect(t.outcome.kind).toBe("forwarded");
    expect(t.outcome.responseHeaders).toEqual({
      "access-control-allow-origin": "https://www.foo.com",
      "access-control-allow-credentials": "true",
    });
  });
});

describe("errors", () => {
  test("an ExtensionRef whose object is not known to be missing is not simulated: the outcome is unknown, not 500", () => {
    const r = anHTTPRoute("infra", "r", {
      rules: [
        {
          filters: [
            {
              type: "ExtensionRef",
              extensionRef: { group: "example.com", kind: "Foo", name: "f" },
            },
          ],
          backends: [{ name: "v1" }],
        },
      ],
    });
    const t = traceRequest(routerFor(gw, [r]), { scheme: "http" });
    expect(t.outcome).toMatchObject({ kind: "unknown", status: 0 });
    expect(t.outcome.reason).toContain("implementation-specific filter Foo (example.com) f");
    expect(t.filters[0]).toMatchObject({ simulated: false });
    expect(routeRequest(routerFor(gw, [r]), { scheme: "http" })).toMatchObject({
      kind: "unknown",
      status: 0,
    });
  });

  describe("an ExtensionRef through the world (kgateway's DirectResponse)", () => {
    const CLASS = `apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: kgateway}
spec: {controllerName: kgateway.dev/kgateway}
---
`;
    const SLICE = `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw, namespace: web}
spec:
  gatewayClassName: kgateway
  listeners: [{name: http, port: 80, protocol: HTTP}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: site, namespace: web}
spec:
  parentRefs: [{name: gw}]
  rules:
  - filters:
    - type: ExtensionRef
      extensionRef: {group: gateway.kgateway.dev, kind: DirectResponse, name: robots-txt}
`;
    const DIRECT_RESPONSE = `---
apiVersion: gateway.kgateway.dev/v1alpha1
kind: DirectResponse
metadata: {name: robots-txt, namespace: web}
spec: {status: 200}
`;
    const outcomes = (text: string, world: "auto" | "closed") => {
      const router = compileRouter(analyze([{ name: "s.yaml", text }], { world }));
      return [
        traceRequest(router, { scheme: "http" }).outcome,
        routeRequest(router, { scheme: "http" }),
      ];
    };

    test("auto, the object and the class outside the slice: unknown, with the assumption in the trace", () => {
      const router = compileRouter(analyze([{ name: "s.yaml", text: SLICE }]));
      const t = traceRequest(router, { scheme: "http" });
      expect(t.outcome).toMatchObject({ kind: "unknown", status: 0 });
      expect(t.filters[0]?.effect).toContain(
        "assumed: DirectResponse robots-txt is not in the workspace; assumed to exist (closed world: 500)",
      );
      expect(routeRequest(router, { scheme: "http" })).toMatchObject({ kind: "unknown" });
    });

    test("the object in the input (any world): unknown, gwsim does not run it", () => {
      for (const o of outcomes(CLASS + SLICE + DIRECT_RESPONSE, "closed"))
        expect(o).toMatchObject({ kind: "unknown", status: 0 });
    });

    test("closed, the object missing: 500 (spec §2.6)", () => {
      for (const o of outcomes(CLASS + SLICE, "closed"))
        expect(o).toMatchObject({ kind: "backend-error", status: 500 });
    });
  });

  test("a rule without backendRefs answers 500 (HTTPRouteNoBackendRefs)", () => {
    const t = traceRequest(routerFor(gw, [anHTTPRoute("infra", "r", { rules: [{}] })]), {
      scheme: "http",
    });
    expect(t.outcome).toMatchObject({ kind: "backend-error", status: 500 });
    expect(t.outcome.reason).toMatch(/no backendRefs/);
  });

  test("an invalid backend answers 500 for its share only", () => {
    const r = anHTTPRoute("infra", "r", {
      rules: [{ backends: [{ name: "ok" }, { name: "missing", invalid: "BackendNotFound" }] }],
    });
    const router = routerFor(gw, [r]);
    const statuses = new Set<number>();
    for (let sample = 0; sample < 30; sample++)
      statuses.add(traceRequest(router, { scheme: "http" }, { sample }).outcome.status);
    expect(statuses).toEqual(new Set([200, 500]));
    expect(
      traceRequest(router, { scheme: "http" }).outcome.backends.map((b) => [b.target, b.share]),
    ).toEqual([
      ["infra/ok:8080", 0.5],
      ["none", 0.5],
    ]);
  });

  test("weight 0 alone answers 500 and flags the conflict", () => {
    const t = traceRequest(
      routerFor(gw, [
        anHTTPRoute("infra", "r", { rules: [{ backends: [{ name: "a", weight: 0 }] }] }),
      ]),
      { scheme: "http" },
    );
    expect(t.outcome.status).toBe(500);
    expect(t.outcome.reason).toMatch(/only backendRef has weight 0/);
  });

  test("timeouts, retry and session persistence are shown; without a backend behaviour nothing fails", () => {
    const r = anHTTPRoute("infra", "r", {
      rules: [
        {
          backends: [{ name: "a" }],
          timeouts: { request: "500ms" },
          retry: { attempts: 2, codes: [500] },
          sessionPersistence: { type: "Cookie", sessionName: "s" },
        },
      ],
    });
    const t = traceRequest(routerFor(gw, [r]), { scheme: "http" });
    expect(t.attributes.map((a) => [a.name, a.value])).toEqual([
      ["timeouts", "request 500ms"],
      ["retry", "attempts 2, codes 500"],
      ["sessionPersistence", "type Cookie, name s"],
    ]);
    expect(t.outcome.status).toBe(200);
  });
});
