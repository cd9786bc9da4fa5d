import { describe, expect, test } from "vitest";
import { aGateway, anHTTPRoute, attach } from "../../test-utils/routingModels";
import { compileRouteTable } from "../routing/compileRouteTable";
import { printRouteTable } from "./printRouteTable";

describe("printRouteTable", () => {
  test("a tree per listener and virtual host, candidates in precedence order", () => {
    const gw = aGateway("envoy-gateway", "eg", [
      { name: "http", port: 80, protocol: "HTTP", hostname: "*.example.com" },
      { name: "spare", port: 81, protocol: "HTTP", ready: false },
    ]);
    const v2 = anHTTPRoute("default", "api-v2", {
      creationTimestamp: "2020-01-01T00:00:00Z",
      rules: [
        {
          matches: [
            {
              path: { type: "PathPrefix", value: "/api" },
              headers: [{ name: "version", value: "v2" }],
            },
          ],
          backends: [{ name: "api-v2" }],
        },
      ],
    });
    const api = anHTTPRoute("default", "api", {
      creationTimestamp: "2020-01-02T00:00:00Z",
      rules: [
        {
          matches: [{ path: { type: "PathPrefix", value: "/api" } }],
          backends: [
            { name: "api", weight: 90 },
            { name: "api-canary", weight: 10 },
          ],
        },
      ],
    });
    const web = anHTTPRoute("default", "web", {
      hostnames: ["www.example.com"],
      rules: [
        {
          name: "home",
          backends: [
            { name: "web", port: 80 },
            { name: "gone", invalid: "BackendNotFound" },
          ],
        },
        {
          matches: [{ path: { type: "Exact", value: "/old" } }],
          filters: [
            {
              type: "RequestRedirect",
              requestRedirect: { path: { type: "ReplaceFullPath", replaceFullPath: "/new" } },
            },
          ],
        },
      ],
    });
    const table = compileRouteTable(
      [gw],
      [v2, api, web],
      [...attach(v2, gw, ["http"]), ...attach(api, gw, ["http"]), ...attach(web, gw, ["http"])],
    );
    expect(printRouteTable(table)).toBe(
      [
        "Gateway envoy-gateway/eg · listener http :80 (HTTP) · hostname *.example.com",
        "├── host www.example.com",
        "│   ├── 1  Exact /old    → HTTPRoute default/web  rule 1  [RequestRedirect]  → redirect",
        "│   └── 2  PathPrefix /  → HTTPRoute default/web  rule 0 (home)  → default/web:80 (50%), none [BackendNotFound: default/gone:8080] (50%)",
        "└── host *.example.com",
        "    ├── 1  PathPrefix /api  Header version=v2  → HTTPRoute default/api-v2  rule 0  → default/api-v2:8080 (100%)",
        "    └── 2  PathPrefix /api                     → HTTPRoute default/api  rule 0  → default/api:8080 (90%), default/api-canary:8080 (10%)",
        "",
        "Gateway envoy-gateway/eg · listener spare :81 (HTTP) · hostname * · NOT READY (serves no traffic)",
        "└── (no routes)",
        "",
      ].join("\n"),
    );
  });

  test("an empty table says so", () => {
    expect(printRouteTable({ listeners: [] })).toBe("(no listeners)\n");
  });
});
