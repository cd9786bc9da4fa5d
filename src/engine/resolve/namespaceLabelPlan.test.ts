/**
 * One set of assumed labels per undeclared namespace (namespaceLabelPlan): selectors are assumed
 * in document order of the routes and ListenerSets that need them; one that cannot hold with those
 * already assumed does not match, and a located warning names both.
 */
import { describe, expect, it } from "vitest";
import { analyze } from "../analyze";
import type { RouteStatus } from "../types";
import type { WorldMode } from "./world";

const listener = (name: string, selector: string) => `  - name: ${name}
    protocol: HTTP
    port: 80
    hostname: ${name}.example.com
    allowedRoutes: {namespaces: {from: Selector, selector: ${selector}}}
`;
const gateway = (listeners: string) => `apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: platform}
spec: {controllerName: example.com/gateway}
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: shared, namespace: infra}
spec:
  gatewayClassName: platform
  listeners:
${listeners}---
`;
const route = (
  name: string,
  ns: string,
  section?: string,
) => `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: ${name}, namespace: ${ns}}
spec:
  parentRefs: [{name: shared, namespace: infra${section === undefined ? "" : `, sectionName: ${section}`}}]
  rules: [{backendRefs: [{name: ${name}, port: 80}]}]
---
`;
const PROD = "{matchLabels: {env: prod}}";
const DEV = "{matchLabels: {env: dev}}";
const TEAM = "{matchExpressions: [{key: team, operator: Exists}]}";

function parents(text: string, world: WorldMode = "auto") {
  const a = analyze([{ name: "ns.yaml", text }], { world });
  const of = (key: string) =>
    ((a.status[key] as RouteStatus | undefined)?.parents ?? []).map((p) => {
      const accepted = p.conditions.find((c) => c.type === "Accepted");
      return `${p.parentRef.sectionName ?? "*"}:${accepted?.status}`;
    });
  return { a, of };
}

describe("assumed namespace labels, one set per namespace", () => {
  it("does not assume one namespace env=prod for one listener and env=dev for another", () => {
    const text =
      gateway(listener("prod", PROD) + listener("dev", DEV)) +
      route("a", "app", "prod") +
      route("b", "app", "dev");
    const { a, of } = parents(text);
    expect(of("HTTPRoute/app/a")).toEqual(["prod:True"]);
    expect(of("HTTPRoute/app/b")).toEqual(["dev:False"]);
    const conflicts = a.diagnostics.filter((d) => d.code === "assume.namespace-labels-conflict");
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({
      severity: "warning",
      file: "ns.yaml",
      line: 21,
      column: 50,
    });
    expect(conflicts[0]?.message).toContain(
      "listener dev of Gateway infra/shared (env=dev) needs labels on namespace app (for HTTPRoute app/b) that contradict the labels already assumed for it: listener prod of Gateway infra/shared (env=prod) (at ns.yaml:16:50",
    );
    expect(conflicts[0]?.message).toContain("Add the Namespace app with its labels to the input");
    const assumed = a.assumptions.filter((x) => x.kind === "Namespace");
    expect(assumed.map((x) => x.facts)).toEqual([
      ["labeled as listener prod of Gateway infra/shared selects (env=prod)"],
    ]);
  });

  it("follows document order: the first route to ask decides", () => {
    const text =
      gateway(listener("prod", PROD) + listener("dev", DEV)) +
      route("b", "app", "dev") +
      route("a", "app", "prod");
    const { of } = parents(text);
    expect(of("HTTPRoute/app/b")).toEqual(["dev:True"]);
    expect(of("HTTPRoute/app/a")).toEqual(["prod:False"]);
  });

  it("assumes selectors that can hold together, and namespaces apart", () => {
    const text =
      gateway(listener("prod", PROD) + listener("team", TEAM) + listener("dev", DEV)) +
      route("a", "app", "prod") +
      route("b", "app", "team") +
      route("c", "other", "dev");
    const { a, of } = parents(text);
    expect(of("HTTPRoute/app/a")).toEqual(["prod:True"]);
    expect(of("HTTPRoute/app/b")).toEqual(["team:True"]);
    expect(of("HTTPRoute/other/c")).toEqual(["dev:True"]);
    expect(a.diagnostics.some((d) => d.code === "assume.namespace-labels-conflict")).toBe(false);
  });

  it("a route without sectionName asks every listener in order", () => {
    const text = gateway(listener("prod", PROD) + listener("dev", DEV)) + route("a", "app");
    const { a } = parents(text);
    const explain = a.explain.find((e) => e.route === "HTTPRoute/app/a");
    expect(JSON.stringify(explain)).toContain("namespace app is already assumed labeled as");
    expect(a.diagnostics.filter((d) => d.code === "assume.namespace-labels-conflict")).toHaveLength(
      1,
    );
  });

  it("closed and declared namespaces are exact: no plan, no conflict", () => {
    const text =
      gateway(listener("prod", PROD) + listener("dev", DEV)) +
      route("a", "app", "prod") +
      route("b", "app", "dev");
    const { a, of } = parents(text, "closed");
    expect(of("HTTPRoute/app/a")).toEqual(["prod:False"]);
    expect(a.diagnostics.some((d) => d.code === "assume.namespace-labels-conflict")).toBe(false);
  });
});
