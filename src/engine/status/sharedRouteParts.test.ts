/**
 * What the status stage shares between routes that resolve alike (frozen backend references,
 * their lists, frozen passing conditions and their pairs) is shared only where every field is
 * equal, is never written to, and prints as if each route held its own copy.
 */
import { describe, expect, test } from "vitest";
import { analyze } from "../analyze";
import { printStatus } from "../print/printStatus";
import type { ResolvedRoute, RouteStatus } from "../types";

const header = `apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: c}
spec: {controllerName: example.com/c}
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw, namespace: app}
spec:
  gatewayClassName: c
  listeners:
  - {name: http, port: 80, protocol: HTTP}
  - {name: alt, port: 81, protocol: HTTP}
---
apiVersion: v1
kind: Service
metadata: {name: web, namespace: app}
spec: {ports: [{port: 8080}]}
`;

function route(name: string, rules: string, parents = "[{name: gw}]"): string {
  return `---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: ${name}, namespace: app}
spec:
  parentRefs: ${parents}
  rules:
${rules}`;
}

const oneBackend = "  - backendRefs: [{name: web, port: 8080}]\n";

function routeNamed(routes: readonly ResolvedRoute[], name: string): ResolvedRoute {
  const found = routes.find((r) => r.name === name);
  if (found === undefined) throw new Error(`no route ${name}`);
  return found;
}

describe("parts routes share", () => {
  test("routes naming a Service alike share its reference and the rule's list of them", () => {
    const a = analyze([
      { name: "in.yaml", text: header + route("a", oneBackend) + route("b", oneBackend) },
    ]);
    const [ra, rb] = [routeNamed(a.routes, "a"), routeNamed(a.routes, "b")];
    expect(rb.rules[0]?.backendRefs[0]).toBe(ra.rules[0]?.backendRefs[0]);
    expect(rb.rules[0]?.backendRefs).toBe(ra.rules[0]?.backendRefs);
    expect(ra.rules[0]?.backendRefs).toEqual([
      {
        index: 0,
        group: "",
        kind: "Service",
        namespace: "app",
        name: "web",
        weight: 1,
        valid: true,
        filters: [],
        port: 8080,
        target: "Service/app/web",
      },
    ]);
  });

  test("a reference with filters is a copy of its own; the shared one keeps no filters", () => {
    const filtered = `  - backendRefs:
    - name: web
      port: 8080
      filters: [{type: RequestHeaderModifier, requestHeaderModifier: {set: [{name: x, value: "1"}]}}]
`;
    const a = analyze([
      { name: "in.yaml", text: header + route("a", oneBackend) + route("b", filtered) },
    ]);
    const plain = routeNamed(a.routes, "a").rules[0]?.backendRefs[0];
    const own = routeNamed(a.routes, "b").rules[0]?.backendRefs[0];
    expect(own).not.toBe(plain);
    expect(own?.filters.map((f) => f.filter.type)).toEqual(["RequestHeaderModifier"]);
    expect(plain?.filters).toEqual([]);
  });

  test("the lone-backend reading writes its weight into a copy, not into the shared reference", () => {
    const lone = "  - backendRefs: [{name: web, port: 8080, weight: 0}]\n";
    // The same reference (Service, port, weight 0, position 0) beside another: not alone.
    const split =
      "  - backendRefs: [{name: web, port: 8080, weight: 0}, {name: web, port: 8080}]\n";
    const a = analyze([{ name: "in.yaml", text: header + route("a", split) + route("b", lone) }], {
      readings: { loneBackendZeroWeight: "all-traffic" },
    });
    expect(routeNamed(a.routes, "b").rules[0]?.backendRefs[0]?.weight).toBe(1);
    expect(routeNamed(a.routes, "a").rules[0]?.backendRefs[0]?.weight).toBe(0);
  });

  test("passing conditions are shared between routes and print in full", () => {
    const text =
      header +
      route("a", oneBackend) +
      route("b", oneBackend, "[{name: gw, sectionName: http}, {name: gw, sectionName: alt}]");
    const a = analyze([{ name: "in.yaml", text }]);
    const statusOf = (name: string) => a.status[`HTTPRoute/app/${name}`] as RouteStatus;
    const [pa, pb] = [statusOf("a").parents, statusOf("b").parents];
    expect(pb[0]?.conditions[1]).toBe(pa[0]?.conditions[1]);
    expect(pb[1]?.conditions).not.toBe(pb[0]?.conditions);
    expect(pb[1]?.conditions[1]).toBe(pb[0]?.conditions[1]);
    const printed = printStatus(
      a.status,
      a.objects.filter((o) => o.name === "b"),
    );
    // One ResolvedRefs condition object under both parents: written twice, never as an alias.
    expect(printed).not.toMatch(/[&*]a\d/);
    expect(printed.match(/message: All references resolved/g)).toHaveLength(2);
  });
});
