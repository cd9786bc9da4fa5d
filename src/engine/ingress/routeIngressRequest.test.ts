/**
 * The ingress-nginx model against behaviour documented or coded in kubernetes/ingress-nginx
 * (commit dbb11b9, March 2026). Each case names its source: docs/… pages, or the function in
 * internal/ingress/controller/… and rootfs/etc/nginx/… that produces the behaviour.
 */
import { describe, expect, test } from "vitest";
import { loadValidated } from "../validate/loadValidated";
import { buildNginxConfig } from "./buildNginxConfig";
import { endOf, nginxConfig, send } from "./ingressTestKit";
import { readIngresses } from "./readIngresses";

const HOST = "a.example.com";

describe("server selection", () => {
  // template.go buildServerName: `*.example.com` becomes `~^(?<subdomain>[\w-]+)\.example\.com$`;
  // docs/user-guide/ingress-path-matching.md: "matches only a single label".
  test("exact host, then a wildcard covering exactly one label, then the catch-all", () => {
    const config = nginxConfig(
      { name: "exact", host: "shop.example.com", paths: [["/", "Prefix", "exact"]] },
      { name: "wild", host: "*.example.com", paths: [["/", "Prefix", "wild"]] },
    );
    expect(endOf(send(config, "/", "shop.example.com"))).toBe("web/exact:80");
    expect(endOf(send(config, "/", "Blog.Example.com:8080"))).toBe("web/wild:80");
    const deeper = send(config, "/", "a.b.example.com");
    expect(endOf(deeper)).toBe("404 default-backend");
    expect(deeper.server.why).toContain("covers exactly one label");
  });

  // controller.go createServers: rules without host go to the catch-all server "_"; every other
  // request falls to its root location, the controller's default backend (404).
  test("rules without host serve unknown hosts; otherwise the default backend answers 404", () => {
    expect(
      endOf(
        send(nginxConfig({ name: "any", paths: [["/", "Prefix", "any"]] }), "/x", "other.test"),
      ),
    ).toBe("web/any:80");
    expect(
      endOf(
        send(
          nginxConfig({ name: "one", host: HOST, paths: [["/app", "Prefix", "app"]] }),
          "/x",
          "other.test",
        ),
      ),
    ).toBe("404 default-backend");
  });

  // controller.go createServers: "use backend specified in Ingress as the default backend for all its
  // rules" (the host's root location), and an Ingress with a backend but no rule configures "_".
  test("spec.defaultBackend serves the unmatched paths of its hosts, and the catch-all when it has no rules", () => {
    const config = nginxConfig({
      name: "r",
      host: HOST,
      paths: [["/app", "Prefix", "app"]],
      defaultBackend: "fallback",
    });
    expect(endOf(send(config, "/other"))).toBe("web/fallback:80");
    expect(endOf(send(config, "/", "unknown.test"))).toBe("404 default-backend");
    expect(
      endOf(send(nginxConfig({ name: "catch", defaultBackend: "catch" }), "/", "unknown.test")),
    ).toBe("web/catch:80");
  });
});

describe("path types", () => {
  // location.go updateServerLocations: a Prefix path /foo becomes `location /foo/` plus an added
  // `location = /foo`, which makes matching element-wise (the Ingress spec's Prefix).
  test("Prefix is element-wise", () => {
    const config = nginxConfig({ name: "r", host: HOST, paths: [["/foo", "Prefix", "foo"]] });
    expect(["/foo", "/foo/", "/foo/bar", "/foobar"].map((p) => endOf(send(config, p)))).toEqual([
      "web/foo:80",
      "web/foo:80",
      "web/foo:80",
      "404 default-backend",
    ]);
    expect(send(config, "/foo").location).toBe('= "/foo"');
  });

  // template.go buildLocation: Exact is `location = "path"`.
  test("Exact matches the path only", () => {
    const config = nginxConfig({ name: "r", host: HOST, paths: [["/foo", "Exact", "foo"]] });
    expect(["/foo", "/foo/", "/Foo"].map((p) => endOf(send(config, p)))).toEqual([
      "web/foo:80",
      "404 default-backend",
      "404 default-backend",
    ]);
  });

  // internal/k8s/main.go SetDefaultNGINXPathType (run by the store on every Ingress): a path type
  // other than Exact becomes Prefix, so ImplementationSpecific /docs is "/docs/" plus "= /docs".
  test("ImplementationSpecific /docs is matched as Prefix: /docs and /docs/x, never /docsearch", () => {
    const config = nginxConfig({
      name: "r",
      host: HOST,
      paths: [["/docs", "ImplementationSpecific", "docs"]],
    });
    expect(endOf(send(config, "/docsearch"))).toBe("404 default-backend");
    expect(endOf(send(config, "/docs"))).toBe("web/docs:80");
    expect(endOf(send(config, "/docs/x"))).toBe("web/docs:80");
  });

  // store.go syncIngress: an empty path is "/"; as Prefix it takes over the host's root location.
  test('ImplementationSpecific without a path serves "/" instead of the default backend', () => {
    const text = [
      "apiVersion: networking.k8s.io/v1",
      "kind: Ingress",
      "metadata: {name: r, namespace: web}",
      "spec:",
      "  ingressClassName: nginx",
      "  rules:",
      `  - host: ${HOST}`,
      "    http:",
      "      paths:",
      "      - pathType: ImplementationSpecific",
      "        backend: {service: {name: app, port: {number: 80}}}",
    ].join("\n");
    const loaded = loadValidated([{ name: "in.yaml", text }]);
    const config = buildNginxConfig("nginx", readIngresses(loaded.manifests).ingresses);
    expect(endOf(send(config, "/"))).toBe("web/app:80");
    expect(endOf(send(config, "/any/path"))).toBe("web/app:80");
    expect(config.servers.get(HOST)?.locations.filter((l) => l.path === "/")).toHaveLength(1);
  });

  // controller.go getConfiguration (comment above updateServerLocations) and nginx's location
  // docs: a proxied prefix location ending in "/" answers the path without it with a 301.
  test('a location ending in "/" redirects the path without the slash', () => {
    const config = nginxConfig({
      name: "r",
      host: HOST,
      paths: [["/app/", "ImplementationSpecific", "app"]],
    });
    expect(endOf(send(config, "/app?x=1"))).toBe(`301 → http://${HOST}/app/?x=1`);
    expect(endOf(send(config, "/app/x"))).toBe("web/app:80");
  });

  // nginx: the longest matching prefix wins whatever the order.
  test("the longest prefix wins", () => {
    const config = nginxConfig({
      name: "r",
      host: HOST,
      paths: [
        ["/", "Prefix", "root"],
        ["/api", "Prefix", "api"],
        ["/api/v2", "Prefix", "v2"],
      ],
    });
    expect(["/api/v2/x", "/api/v1", "/x"].map((p) => endOf(send(config, p)))).toEqual([
      "web/v2:80",
      "web/api:80",
      "web/root:80",
    ]);
  });

  // controller.go getBackendServers: "Location already configured for server": the first Ingress
  // keeps a (path, pathType); store.go sortIngressSlice orders Ingresses oldest first.
  test("two Ingresses on one host and path: the older one serves", () => {
    const config = nginxConfig(
      {
        name: "new",
        host: HOST,
        paths: [["/a", "Prefix", "new"]],
        created: "2024-02-01T00:00:00Z",
      },
      {
        name: "old",
        host: HOST,
        paths: [["/a", "Prefix", "old"]],
        created: "2024-01-01T00:00:00Z",
      },
    );
    expect(endOf(send(config, "/a"))).toBe("web/old:80");
    expect(config.findings[0]?.message).toContain("already served by Ingress web/old");
  });
});

describe("regex locations", () => {
  // docs/user-guide/ingress-path-matching.md, "IMPORTANT NOTES": use-regex or rewrite-target on any
  // Ingress for a host enforces the case-insensitive regex modifier on ALL paths of that host.
  test("use-regex on one Ingress turns every path of the host into a case-insensitive regex", () => {
    const config = nginxConfig(
      { name: "plain", host: HOST, paths: [["/docs", "Exact", "docs"]] },
      {
        name: "regex",
        host: HOST,
        paths: [["/api/v[0-9]+", "ImplementationSpecific", "api"]],
        annotations: { "use-regex": "true" },
      },
    );
    // The Exact path is now `~* "^/docs"`: a prefix, case-insensitive.
    expect(endOf(send(config, "/DOCS/more"))).toBe("web/docs:80");
    expect(endOf(send(config, "/API/V12"))).toBe("web/api:80");
    expect(send(config, "/docs").location).toBe('~* "^/docs"');
    // Another host is untouched.
    const other = nginxConfig(
      { name: "plain", host: "b.example.com", paths: [["/docs", "Exact", "docs"]] },
      {
        name: "regex",
        host: HOST,
        paths: [["/x.*", "ImplementationSpecific", "x"]],
        annotations: { "use-regex": "true" },
      },
    );
    expect(endOf(send(other, "/DOCS", "b.example.com"))).toBe("404 default-backend");
  });

  // docs/user-guide/ingress-path-matching.md "Path Priority" example: paths ordered by descending
  // length; /foo/bar/1 → service3, /foo/bar/ → service2, /foo/bar → service1.
  test("regex locations are ordered by descending length, first match wins (Path Priority example)", () => {
    const config = nginxConfig(
      {
        name: "test-ingress-1",
        host: "test.com",
        paths: [
          ["/foo/bar", "Prefix", "service1"],
          ["/foo/bar/", "Prefix", "service2"],
        ],
      },
      {
        name: "test-ingress-2",
        host: "test.com",
        paths: [["/foo/bar/(.+)", "ImplementationSpecific", "service3"]],
        annotations: { "rewrite-target": "/$1" },
      },
    );
    expect(
      ["/foo/bar/1", "/foo/bar/", "/foo/bar"].map((p) => endOf(send(config, p, "test.com"))),
    ).toEqual(["web/service3:80", "web/service2:80", "web/service1:80"]);
  });

  // docs/user-guide/ingress-path-matching.md "Warning": /foo/bar/bar goes to ^/foo/bar/[A-Z0-9]{3},
  // not to the longest exact path.
  test("first match, not best match (Warning example)", () => {
    const config = nginxConfig({
      name: "test-ingress-3",
      host: "test.com",
      paths: [
        ["/foo/bar/bar", "Prefix", "bar"],
        ["/foo/bar/[A-Z0-9]{3}", "ImplementationSpecific", "three"],
      ],
      annotations: { "use-regex": "true" },
    });
    const trace = send(config, "/foo/bar/bar", "test.com");
    expect(trace.location).toBe('~* "^/foo/bar/[A-Z0-9]{3}"');
    expect(endOf(trace)).toBe("web/three:80");
  });

  // nginx uses PCRE; the model runs RE2 (linear time). A lookahead cannot compile: reported, and
  // the location never matches.
  test("a PCRE-only location regex is reported and never matches", () => {
    const config = nginxConfig({
      name: "r",
      host: HOST,
      paths: [
        ["/(?!admin).*", "ImplementationSpecific", "x"],
        ["/", "Prefix", "root"],
      ],
      annotations: { "use-regex": "true" },
    });
    expect(config.findings.map((f) => f.message).join()).toContain("PCRE that RE2 cannot run");
    expect(endOf(send(config, "/public"))).toBe("web/root:80");
  });
});

describe("annotations", () => {
  // docs/examples/rewrite/README.md: path /something(/|$)(.*) with rewrite-target /$2.
  test("rewrite-target with capture groups (the documented example)", () => {
    const config = nginxConfig({
      name: "rewrite",
      host: "rewrite.bar.com",
      paths: [["/something(/|$)(.*)", "ImplementationSpecific", "http-svc"]],
      annotations: { "use-regex": "true", "rewrite-target": "/$2" },
    });
    const path = (p: string) => send(config, p, "rewrite.bar.com").outcome.request?.path;
    expect([
      path("/something"),
      path("/something/"),
      path("/something/new"),
      path("/something/new?q=1"),
    ]).toEqual(["/", "/", "/new", "/new?q=1"]);
  });

  // template.go buildProxyPass: X-Forwarded-Prefix is set only together with a rewrite;
  // upstream-vhost sets the Host sent upstream.
  test("x-forwarded-prefix rides on a rewrite; upstream-vhost sets the upstream Host", () => {
    const config = nginxConfig({
      name: "r",
      host: HOST,
      paths: [["/api(/|$)(.*)", "ImplementationSpecific", "api"]],
      annotations: {
        "rewrite-target": "/$2",
        "x-forwarded-prefix": "/api",
        "upstream-vhost": "internal.svc",
      },
    });
    const req = send(config, "/api/users").outcome.request;
    expect(req).toMatchObject({
      host: "internal.svc",
      path: "/users",
      headers: { "x-forwarded-prefix": "/api" },
    });
  });

  // annotations.md "Server-side HTTPS enforcement through redirect": 308 when TLS is enabled;
  // lua_ingress.lua redirect_to_https drops the trailing slash unless preserve-trailing-slash.
  test("ssl-redirect: 308 to HTTPS for a TLS host only; force-ssl-redirect without TLS; opt-out", () => {
    const tls = nginxConfig({
      name: "r",
      host: HOST,
      paths: [["/", "Prefix", "web"]],
      tls: [{ hosts: [HOST], secretName: "cert" }],
    });
    expect(endOf(send(tls, "/cart/?id=1"))).toBe(`308 → https://${HOST}/cart/?id=1`);
    expect(endOf(send(tls, "/cart/"))).toBe(`308 → https://${HOST}/cart`);
    expect(endOf(send(tls, "/cart", HOST, { scheme: "https" }))).toBe("web/web:80");
    expect(
      endOf(send(nginxConfig({ name: "r", host: HOST, paths: [["/", "Prefix", "web"]] }), "/x")),
    ).toBe("web/web:80");
    expect(
      endOf(
        send(
          nginxConfig({
            name: "r",
            host: HOST,
            paths: [["/", "Prefix", "web"]],
            annotations: { "force-ssl-redirect": "true" },
          }),
          "/x",
        ),
      ),
    ).toBe(`308 → https://${HOST}/x`);
    expect(
      endOf(
        send(
          nginxConfig({
            name: "r",
            host: HOST,
            paths: [["/", "Prefix", "web"]],
            tls: [{ hosts: [HOST], secretName: "c" }],
            annotations: { "ssl-redirect": "false" },
          }),
          "/x",
        ),
      ),
    ).toBe("web/web:80");
  });

  // redirect.go: permanent-redirect answers 301 (or permanent-redirect-code, 300-308);
  // temporal-redirect answers 302 and wins over a permanent redirect.
  test("permanent and temporal redirects", () => {
    const perm = nginxConfig({
      name: "r",
      host: HOST,
      paths: [["/", "Prefix", "web"]],
      annotations: {
        "permanent-redirect": "https://new.example.com",
        "permanent-redirect-code": "308",
      },
    });
    expect(endOf(send(perm, "/any"))).toBe("308 → https://new.example.com");
    const bad = nginxConfig({
      name: "r",
      host: HOST,
      paths: [["/", "Prefix", "web"]],
      annotations: {
        "permanent-redirect": "https://new.example.com",
        "permanent-redirect-code": "200",
      },
    });
    expect(endOf(send(bad, "/any"))).toBe("301 → https://new.example.com");
    const both = nginxConfig({
      name: "r",
      host: HOST,
      paths: [["/", "Prefix", "web"]],
      annotations: {
        "permanent-redirect": "https://p.example.com",
        "temporal-redirect": "https://t.example.com",
      },
    });
    expect(endOf(send(both, "/any"))).toBe("302 → https://t.example.com");
  });

  // docs/examples/rewrite/README.md app-root: "/" answers 302 Location: http://approot.bar.com/app1.
  test('app-root redirects "/" only', () => {
    const config = nginxConfig({
      name: "approot",
      host: "approot.bar.com",
      paths: [["/", "Prefix", "http-svc"]],
      annotations: { "app-root": "/app1" },
    });
    expect(endOf(send(config, "/", "approot.bar.com"))).toBe("302 → http://approot.bar.com/app1");
    expect(endOf(send(config, "/app1", "approot.bar.com"))).toBe("web/http-svc:80");
  });

  // annotations.md enable-cors: the preflight is answered by nginx with 204, defaults allow "*".
  test("enable-cors answers the preflight and adds the headers", () => {
    const config = nginxConfig({
      name: "r",
      host: HOST,
      paths: [["/", "Prefix", "web"]],
      annotations: { "enable-cors": "true", "cors-allow-origin": "https://a.test" },
    });
    const pre = send(config, "/x", HOST, {
      method: "OPTIONS",
      headers: { Origin: "https://a.test" },
    });
    expect(pre.outcome).toMatchObject({
      status: 204,
      responseHeaders: { "access-control-allow-origin": "https://a.test" },
    });
    expect(
      send(config, "/x", HOST, { headers: { Origin: "https://evil.test" } }).outcome
        .responseHeaders,
    ).toEqual({});
  });

  // nginx.tmpl "CORS": `set $cors ${cors}options` and `return 204` only when $cors is
  // "trueoptions", so a preflight from an origin the list does not allow reaches the backend
  // (ingress2gateway's e2e "cors denied origin" expects 200/204 without Allow-Origin).
  // template.go buildCorsOriginRegex: `~* (…)$`, the first `*` of an origin one label.
  test("enable-cors: a refused origin's preflight goes to the backend; origins match as nginx's regex", () => {
    const config = nginxConfig({
      name: "r",
      host: HOST,
      paths: [["/", "Prefix", "web"]],
      annotations: {
        "enable-cors": "true",
        "cors-allow-origin": "https://*.a.test, https://b.test",
      },
    });
    const preflight = (origin: string) =>
      send(config, "/x", HOST, { method: "OPTIONS", headers: { Origin: origin } }).outcome;
    expect(preflight("https://evil.test")).toMatchObject({
      kind: "forwarded",
      status: 200,
      responseHeaders: {},
    });
    expect(preflight("https://x.a.test")).toMatchObject({
      status: 204,
      responseHeaders: { "access-control-allow-origin": "https://x.a.test" },
    });
    expect(preflight("HTTPS://B.TEST").status).toBe(204);
    expect(preflight("https://x.y.a.test").kind).toBe("forwarded"); // "*" is one label
    expect(preflight("https://a.test").kind).toBe("forwarded");
    expect(preflight("https://b.test.evil").kind).toBe("forwarded");
  });

  test("annotations it does not model are listed, snippets flagged unportable, limits carried as notes", () => {
    const config = nginxConfig({
      name: "r",
      host: HOST,
      paths: [["/", "Prefix", "web"]],
      annotations: {
        "configuration-snippet": 'more_set_headers "X: 1";',
        "auth-url": "http://auth",
        "proxy-body-size": "8m",
        "cert-manager.io/cluster-issuer": "le",
      },
    });
    const ann = config.ingresses[0]?.annotations;
    expect(ann?.notSimulated).toEqual([
      "nginx.ingress.kubernetes.io/auth-url",
      "nginx.ingress.kubernetes.io/configuration-snippet",
    ]);
    expect(ann?.unportable).toEqual(["nginx.ingress.kubernetes.io/configuration-snippet"]);
    expect(ann?.notes).toEqual([
      { annotation: "nginx.ingress.kubernetes.io/proxy-body-size", value: "8m" },
    ]);
  });
});

describe("canary", () => {
  const primary = {
    name: "main",
    host: HOST,
    paths: [["/", "Prefix", "stable"]] as [string, string, string][],
  };
  const canary = (annotations: Record<string, string>) => ({
    name: "canary",
    host: HOST,
    paths: [["/", "Prefix", "next"]] as [string, string, string][],
    annotations: { canary: "true", ...annotations },
  });

  // annotations.md #canary: header "always"/"never", any other value falls through; header before
  // cookie before weight (rootfs/etc/nginx/lua/balancer.lua route_to_alternative_balancer).
  test("header always/never, then cookie, then weight", () => {
    const config = nginxConfig(
      primary,
      canary({ "canary-by-header": "X-Canary", "canary-by-cookie": "beta", "canary-weight": "20" }),
    );
    expect(endOf(send(config, "/", HOST, { headers: { "x-canary": "always" } }))).toBe(
      "web/next:80",
    );
    expect(
      endOf(send(config, "/", HOST, { headers: { "x-canary": "never", cookie: "beta=always" } })),
    ).toBe("web/stable:80");
    expect(
      endOf(
        send(config, "/", HOST, { headers: { "x-canary": "maybe", cookie: "a=1; beta=always" } }),
      ),
    ).toBe("web/next:80");
    expect(endOf(send(config, "/", HOST, { headers: { cookie: "beta=never" } }))).toBe(
      "web/stable:80",
    );
    expect(endOf(send(config, "/"))).toBe("web/stable:80 0.8 + web/next:80 0.2");
  });

  // annotations.md: canary-by-header-value matches exactly and replaces always/never; a
  // canary-by-header-pattern is ignored when a value is set; canary-weight-total (default 100).
  test("header value and pattern; weight total", () => {
    const byValue = nginxConfig(
      primary,
      canary({
        "canary-by-header": "X-Region",
        "canary-by-header-value": "eu",
        "canary-by-header-pattern": ".*",
      }),
    );
    expect(endOf(send(byValue, "/", HOST, { headers: { "x-region": "eu" } }))).toBe("web/next:80");
    expect(endOf(send(byValue, "/", HOST, { headers: { "x-region": "us" } }))).toBe(
      "web/stable:80",
    );
    const byPattern = nginxConfig(
      primary,
      canary({ "canary-by-header": "X-Region", "canary-by-header-pattern": "^(eu|uk)" }),
    );
    expect(endOf(send(byPattern, "/", HOST, { headers: { "x-region": "uk-1" } }))).toBe(
      "web/next:80",
    );
    const total = nginxConfig(
      primary,
      canary({ "canary-weight": "1", "canary-weight-total": "1000" }),
    );
    expect(endOf(send(total, "/"))).toBe("web/stable:80 0.999 + web/next:80 0.001");
  });

  // controller.go mergeAlternativeBackends: a canary without a primary Ingress for its host and
  // path is deleted ("unable to find real backend"); createServers skips canary Ingresses.
  test("a canary without a primary path is ignored, and never creates a server", () => {
    const config = nginxConfig(primary, {
      ...canary({ "canary-weight": "100" }),
      host: "other.example.com",
    });
    expect(endOf(send(config, "/", "other.example.com"))).toBe("404 default-backend");
    expect(config.findings[0]?.message).toContain("ignores the canary");
  });

  // controller.go mergeAlternativeBackends walks the host's locations in creation order and breaks
  // at the first whose primary upstream is the canary's ("alternative upstream … is primary upstream
  // in Other Ingress"): a later location with the canary's path is never merged. ingress2gateway's
  // converter test "canary with same service in different rules - based on bad.yaml" expects 10%.
  // mergeAlternativeBackends, catch-all part: a canary's spec.defaultBackend joins the primary
  // upstream of every location of the catch-all server (canMergeBackend, no path check).
  test("a canary's default backend joins every location of the catch-all server", () => {
    const config = nginxConfig(
      {
        name: "prod",
        paths: [
          ["/a", "Prefix", "svc-a"],
          ["/b", "Prefix", "svc-b"],
        ],
      },
      {
        name: "canary",
        defaultBackend: "next",
        annotations: { canary: "true", "canary-weight": "30" },
      },
    );
    expect(endOf(send(config, "/a", "any.example.com"))).toBe("web/svc-a:80 0.7 + web/next:80 0.3");
    expect(endOf(send(config, "/b", "any.example.com"))).toBe("web/svc-b:80 0.7 + web/next:80 0.3");
  });

  test("a canary whose Service is an earlier location's primary is not merged for its path", () => {
    const prod = {
      name: "prod",
      host: HOST,
      created: "2024-01-01T00:00:00Z",
      paths: [
        ["/api", "Prefix", "api-v1"],
        ["/admin", "Prefix", "admin"],
      ] as [string, string, string][],
    };
    const config = nginxConfig(prod, {
      name: "canary",
      host: HOST,
      created: "2024-01-02T00:00:00Z",
      paths: [
        ["/api", "Prefix", "api-v2"],
        ["/admin", "Prefix", "api-v1"],
      ],
      annotations: { canary: "true", "canary-weight": "10" },
    });
    expect(endOf(send(config, "/admin"))).toBe("web/admin:80");
    expect(endOf(send(config, "/api"))).toBe("web/api-v1:80 0.9 + web/api-v2:80 0.1");
    expect(config.findings.map((f) => f.message)).toEqual([
      `canary ${HOST}/admin: its backend web/api-v1:80 is the primary backend of /api (Ingress web/prod), which ingress-nginx reaches first; it stops there and ignores the canary for this path.`,
    ]);
  });
});
