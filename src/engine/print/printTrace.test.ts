import { describe, expect, test } from "vitest";
import { aGateway, anHTTPRoute, routerFor } from "../../test-utils/routingModels";
import { traceRequest } from "../simulate/traceRequest";
import { printTrace } from "./printTrace";

describe("printTrace", () => {
  const gw = aGateway("infra", "gw", [
    { name: "http", port: 80, protocol: "HTTP", hostname: "*.example.com" },
    { name: "other", port: 80, protocol: "HTTP" },
    { name: "tls", port: 443, protocol: "HTTPS" },
  ]);
  const api = anHTTPRoute("app", "api", {
    creationTimestamp: "2020-01-01T00:00:00Z",
    rules: [
      {
        matches: [
          {
            path: { type: "PathPrefix", value: "/api" },
            headers: [{ name: "version", value: "v2" }],
          },
        ],
        filters: [
          {
            type: "RequestHeaderModifier",
            requestHeaderModifier: { add: [{ name: "x-route", value: "api" }] },
          },
        ],
        backends: [
          { name: "api", weight: 3 },
          { name: "gone", weight: 1, invalid: "BackendNotFound" },
        ],
        timeouts: { request: "5s" },
      },
      {
        matches: [{ path: { type: "PathPrefix", value: "/api" } }],
        backends: [{ name: "api-v1" }],
      },
      { matches: [{ path: { type: "Exact", value: "/api" } }], backends: [{ name: "exact" }] },
    ],
  });
  const router = routerFor(gw, [api]);

  test("tells the whole story of a forwarded request", () => {
    const text = printTrace(
      traceRequest(router, {
        scheme: "http",
        host: "shop.example.com",
        path: "/api/items?x=1",
        headers: { Version: "v2" },
      }),
    );
    expect(text).toBe(`Request    http://shop.example.com:80  GET /api/items?x=1
           headers version: v2
Gateway    infra/gw — infra/gw is the only Gateway with a ready HTTP listener on port 80
Listeners
  ✓ http :80 HTTP *.example.com — most specific listener hostname covering the Host shop.example.com (wildcard *.example.com)
  ✗ other :80 HTTP * — covers the Host shop.example.com too, but http (*.example.com) is more specific; listeners are isolated, so its routes are not considered
  ✗ tls :443 HTTPS * — listens on port 443, the request is for port 80
Hostname   *.example.com — the longest wildcard covering shop.example.com
Candidates (in precedence order; the first match wins)
  ✗ 1. HTTPRoute app/api rule 2 match 0  Exact /api
       ✗ path: path /api/items is not exactly /api
  ✓ 2. HTTPRoute app/api rule 0 match 0  PathPrefix /api  Header version=v2  ← winner
       ✓ path: path /api/items is under prefix /api
       ✓ headers: header version: v2 equals v2
  ✓ 3. HTTPRoute app/api rule 1 match 0  PathPrefix /api
       ✓ path: path /api/items is under prefix /api
Winner     HTTPRoute app/api rule 0 match 0
           ranks above HTTPRoute app/api rule 1 match 0 (which also matched) by header count: more header matches (1) rank above fewer (0)
Filters
  rule filter 0 RequestHeaderModifier: request headers: add x-route: api
      before GET http://shop.example.com/api/items?x=1  {version: v2}
      after  GET http://shop.example.com/api/items?x=1  {version: v2; x-route: api}
Backends (pick: draw 0.3589 from seed 0, sample 0)
      75%  app/api:8080  ← picked
      25%  none — BackendNotFound: backendRef app/gone:8080
Attribute  timeouts: request 5s — shown, not enforced: without a backend behaviour the backend answers at once; on expiry a gateway answers 504 ("0s" disables)
Outcome    forwarded · 200 → app/api:8080
           HTTPRoute app/api rule 0 forwards to app/api:8080 (75% of its traffic)
Backend receives  GET http://shop.example.com/api/items?x=1  {version: v2; x-route: api}
`);
  });

  test("an HTTPS request shows its SNI and ends at 404 when no path matches", () => {
    const text = printTrace(
      traceRequest(router, { scheme: "https", host: "a.example.com", sni: "b.example.org" }),
    );
    expect(text).toContain("Outcome    not-found · 404");
    expect(text).toContain("(SNI b.example.org)");
  });

  test("values from the request and the manifests cannot add a line or reach the terminal as escape sequences", () => {
    const hostile = traceRequest(router, {
      scheme: "http",
      gateway: "infra/gw",
      host: "x.example.com",
      path: "/api",
      headers: { version: "v2\nOutcome    forwarded · 200", "x-t": "\u001b]0;owned\u0007\u202e" },
    });
    const plain = traceRequest(router, {
      scheme: "http",
      gateway: "infra/gw",
      host: "x.example.com",
      path: "/api",
      headers: { version: "v2", "x-t": "y" },
    });
    const text = printTrace(hostile);
    expect(text.split("\n").length).toBe(printTrace(plain).split("\n").length);
    expect(text).toContain("version: v2\\u000aOutcome    forwarded · 200");
    expect(text).toContain("x-t: \\u001b]0;owned\\u0007\\u202e");
    // eslint-disable-next-line no-control-regex
    expect(text).not.toMatch(/[\u001b\u0007\u202e]/);
  });
});
