import { describe, expect, test } from "vitest";
import { applyEdits } from "./applyEdits";
import { checkEdit } from "./checkEdit";
import type { EditOp } from "./editOps";
import { backendEdits, listenerEdits, matchEdits, routeHostnameEdits } from "./formEdits";
import { readField } from "./readField";

const TEXT = `# the edge gateway
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata:
  name: gw       # keep this name
  namespace: infra
spec:
  gatewayClassName: gc
  listeners:
    # public traffic
    - name: http
      protocol: HTTP
      port: 80   # the usual
      hostname: "*.example.com"
    - name: tls
      port: 443
      protocol: TLS
      tls:
        mode: Passthrough
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: web, namespace: infra}
spec:
  parentRefs: [{name: gw}]
  hostnames:
    - a.example.com   # primary
    - b.example.com
  rules:
    - matches:
        - path: {type: PathPrefix, value: /api}
          headers:
            - name: x-canary
              value: "true"
      backendRefs:
        - name: api   # v1
          port: 8080
          weight: 90
        - name: api-v2
          port: 8080
          weight: 10
    - backendRefs:
        - name: web
          port: 80
`;
const gw = { kind: "Gateway", namespace: "infra", name: "gw" };
const route = { kind: "HTTPRoute", namespace: "infra", name: "web" };
const apply = (ops: EditOp[]) => {
  const r = applyEdits(TEXT, ops);
  expect(r.failed).toEqual([]);
  return r.text;
};
/** The lines of `after` that are not in `before` (a crude line diff: enough to show what an edit touched). */
const added = (after: string) => after.split("\n").filter((l) => !TEXT.split("\n").includes(l));
const removed = (after: string) => TEXT.split("\n").filter((l) => !after.split("\n").includes(l));

describe("listener edits", () => {
  test("port, hostname and allowedRoutes change only their own lines; comments and key order stay", () => {
    const text = apply(
      listenerEdits(TEXT, gw, "http", {
        port: "8080",
        hostname: "shop.example.com",
        allowedRoutesFrom: "All",
      }),
    );
    expect(added(text)).toEqual([
      "      port: 8080   # the usual",
      '      hostname: "shop.example.com"',
      "      allowedRoutes:",
      "        namespaces:",
      "          from: All",
    ]);
    expect(removed(text)).toEqual([
      "      port: 80   # the usual",
      '      hostname: "*.example.com"',
    ]);
    expect(text).toContain(
      "# public traffic\n    - name: http\n      protocol: HTTP\n      port: 8080",
    );
  });

  test("switching HTTP to HTTPS adds a Terminate tls with a certificateRef; back to HTTP removes it", () => {
    const https = apply(listenerEdits(TEXT, gw, "http", { protocol: "HTTPS" }));
    expect(https).toContain(
      '      protocol: HTTPS\n      port: 80   # the usual\n      hostname: "*.example.com"\n      tls:\n        mode: Terminate\n        certificateRefs:\n          - name: http-cert\n',
    );
    expect(
      checkEdit(TEXT, listenerEdits(TEXT, gw, "http", { protocol: "HTTPS" }), gw).errors,
    ).toEqual([]);
    const back = applyEdits(https, listenerEdits(https, gw, "http", { protocol: "HTTP" })).text;
    expect(back).toBe(TEXT.replace("protocol: HTTP\n", "protocol: HTTP\n"));
  });

  test("TCP drops the hostname (the CRD forbids it there); TLS mode Terminate on the TLS listener", () => {
    const tcp = apply(listenerEdits(TEXT, gw, "http", { protocol: "TCP" }));
    expect(tcp).not.toContain("*.example.com");
    const terminate = apply(listenerEdits(TEXT, gw, "tls", { tlsMode: "Terminate" }));
    expect(removed(terminate)).toEqual(["        mode: Passthrough"]);
    expect(listenerEdits(TEXT, gw, "nope", { port: 1 })).toEqual([]);
  });

  test("allowedRoutes kinds are written as a list and removed when cleared", () => {
    const text = apply(listenerEdits(TEXT, gw, "http", { allowedKinds: ["HTTPRoute"] }));
    expect(text).toContain("      allowedRoutes:\n        kinds:\n          - kind: HTTPRoute\n");
    expect(listenerEdits(text, gw, "http", { allowedKinds: [] })).toEqual([
      { op: "removeField", target: gw, path: ["spec", "listeners", 0, "allowedRoutes", "kinds"] },
    ]);
  });
});

describe("route edits", () => {
  test("hostnames are set item by item: an unchanged item keeps its comment, an extra one is removed", () => {
    const text = apply(
      routeHostnameEdits(TEXT, route, ["a.example.com", "c.example.com", "d.example.com"]),
    );
    expect(text).toContain(
      "  hostnames:\n    - a.example.com   # primary\n    - c.example.com\n    - d.example.com\n",
    );
    expect(apply(routeHostnameEdits(TEXT, route, ["a.example.com"]))).toContain(
      "  hostnames:\n    - a.example.com   # primary\n  rules:",
    );
    expect(apply(routeHostnameEdits(TEXT, route, []))).not.toContain("hostnames");
  });

  test("a match: path type and value, method, headers; a rule without matches gets its first one", () => {
    const text = apply(
      matchEdits(TEXT, route, 0, 0, {
        pathType: "Exact",
        pathValue: "/api/v1",
        method: "GET",
        headers: [
          { name: "x-canary", value: "false" },
          { type: "RegularExpression", name: "x-env", value: "prod|stage" },
        ],
      }),
    );
    expect(text).toContain(
      '        - path: {type: Exact, value: /api/v1}\n          headers:\n            - name: x-canary\n              value: "false"\n            - type: RegularExpression\n              name: x-env\n              value: prod|stage\n          method: GET\n',
    );
    const first = apply(
      matchEdits(TEXT, route, 1, 0, { pathType: "PathPrefix", pathValue: "/web" }),
    );
    expect(first).toContain(
      "    - backendRefs:\n        - name: web\n          port: 80\n      matches:\n        - path:\n            type: PathPrefix\n            value: /web\n",
    );
  });

  test("query params are set, kept by type, and removed when cleared", () => {
    const text = apply(
      matchEdits(TEXT, route, 0, 0, {
        queryParams: [
          { name: "version", value: "2" },
          { type: "RegularExpression", name: "env", value: "p.*" },
        ],
      }),
    );
    expect(readField(text, route, ["spec", "rules", 0, "matches", 0, "queryParams"])).toEqual([
      { name: "version", value: "2" },
      { type: "RegularExpression", name: "env", value: "p.*" },
    ]);
    const cleared = applyEdits(text, matchEdits(text, route, 0, 0, { queryParams: [] })).text;
    expect(
      readField(cleared, route, ["spec", "rules", 0, "matches", 0, "queryParams"]),
    ).toBeUndefined();
    const created = apply(
      matchEdits(TEXT, route, 1, 0, { queryParams: [{ name: "a", value: "b" }] }),
    );
    expect(readField(created, route, ["spec", "rules", 1, "matches"])).toEqual([
      { queryParams: [{ name: "a", value: "b" }] },
    ]);
  });

  test("a backend: name, port, weight in place; a cleared weight is removed", () => {
    const text = apply(
      backendEdits(TEXT, route, 0, 0, { name: "api-v1", port: "8081", weight: "" }),
    );
    expect(added(text)).toEqual(["        - name: api-v1   # v1", "          port: 8081"]);
    // (port: 8080 stays on the second backend, so the crude line diff does not list it.)
    expect(removed(text)).toEqual(["        - name: api   # v1", "          weight: 90"]);
    expect(text).toContain(
      "        - name: api-v1   # v1\n          port: 8081\n        - name: api-v2",
    );
    expect(backendEdits(TEXT, route, 0, 9, { weight: 1 })).toEqual([]);
  });
});

describe("checkEdit: validation as you type", () => {
  test("values the CRD rejects are reported with their path; nothing to write", () => {
    const port = checkEdit(TEXT, listenerEdits(TEXT, gw, "http", { port: "70000" }), gw);
    expect(port.errors.map((d) => d.path)).toEqual(["spec.listeners[0].port"]);
    const notNumber = checkEdit(TEXT, listenerEdits(TEXT, gw, "http", { port: "80a" }), gw);
    expect(notNumber.errors.length).toBeGreaterThan(0);
    const host = checkEdit(TEXT, routeHostnameEdits(TEXT, route, ["Not_A_Host"]), route);
    expect(host.errors.map((d) => d.path)).toEqual(["spec.hostnames[0]"]);
    const path = checkEdit(TEXT, matchEdits(TEXT, route, 0, 0, { pathValue: "api" }), route);
    expect(path.errors.length).toBeGreaterThan(0);
    const weight = checkEdit(TEXT, backendEdits(TEXT, route, 0, 0, { weight: 1_000_001 }), route);
    expect(weight.errors.map((d) => d.path)).toEqual(["spec.rules[0].backendRefs[0].weight"]);
  });

  test("a valid edit has no errors and returns the edited text", () => {
    const ok = checkEdit(TEXT, listenerEdits(TEXT, gw, "http", { port: 8080 }), gw);
    expect(ok.errors).toEqual([]);
    expect(ok.text).toContain("port: 8080   # the usual");
  });

  test("an error the object already had does not block an unrelated edit", () => {
    const broken = TEXT.replace("port: 443", "port: 0");
    expect(checkEdit(broken, listenerEdits(broken, gw, "http", { port: 81 }), gw).errors).toEqual(
      [],
    );
  });
});
