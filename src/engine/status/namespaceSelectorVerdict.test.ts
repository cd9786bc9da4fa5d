/**
 * A listener that selects route namespaces by label, and a route in a namespace the input holds no
 * Namespace object for: only kubernetes.io/metadata.name is known for certain. A verdict that label
 * decides is a fact; the rest is assumed in auto and open (the namespace is labeled as the listener
 * selects), kept as today's fact in closed. A declared Namespace is always exact.
 */
import { describe, expect, test } from "vitest";
import { analyze } from "../analyze";
import { printTrace } from "../print/printTrace";
import { compileRouter } from "../routing/compileRouter";
import { traceRequest } from "../simulate/traceRequest";
import type { WorldMode } from "../resolve/world";

const gatewayWith = (selector: string) => `apiVersion: gateway.networking.k8s.io/v1
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
  - name: http
    protocol: HTTP
    port: 80
    allowedRoutes:
      namespaces:
        from: Selector
        selector: ${selector}
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: shop, namespace: app}
spec:
  parentRefs: [{name: shared, namespace: infra}]
  rules:
  - backendRefs: [{name: shop, port: 8080}]
`;
const CUSTOM = gatewayWith(`{matchLabels: {shared-gateway-access: "true"}}`);
const appNamespace = (labels: string) => `---
apiVersion: v1
kind: Namespace
metadata: {name: app, labels: ${labels}}
`;

const run = (text: string, world?: WorldMode) =>
  analyze([{ name: "slice.yaml", text }], world === undefined ? {} : { world });
type Parents = { parents: { conditions: { type: string; reason: string }[] }[] };
const accepted = (a: ReturnType<typeof run>) =>
  (a.status["HTTPRoute/app/shop"] as unknown as Parents).parents[0]?.conditions.find(
    (c) => c.type === "Accepted",
  )?.reason;
const namespaceCheck = (a: ReturnType<typeof run>) =>
  a.explain
    .find((p) => p.route === "HTTPRoute/app/shop")
    ?.listeners[0]?.checks.find((c) => c.check === "namespace");
const notes = (a: ReturnType<typeof run>) =>
  a.diagnostics.filter((d) => d.code === "assume.namespace-labels");

describe("a label selector and an undeclared route namespace", () => {
  test("auto: a custom label is assumed; the route attaches, and says so", () => {
    const a = run(CUSTOM);
    expect(accepted(a)).toBe("Accepted");
    expect(namespaceCheck(a)).toEqual({
      check: "namespace",
      pass: true,
      detail:
        "listener http allows routes from namespaces Selector (shared-gateway-access=true); route is in app, assumed: the input holds no Namespace app, so its labels are unknown; assumed labeled as the listener selects",
    });
    expect(notes(a)).toHaveLength(1);
    expect(notes(a)[0]).toMatchObject({
      severity: "info",
      path: "spec.parentRefs[0]",
      object: { kind: "HTTPRoute", namespace: "app", name: "shop" },
      message:
        "Namespace app is not in the workspace; assumed labeled as listener http of Gateway infra/shared selects (shared-gateway-access=true) because auto: the input holds no Namespace, so its labels are unknown. In a closed world: only its kubernetes.io/metadata.name label counts, and routes in it are not allowed by that listener (NotAllowedByListeners).",
    });
    expect(a.assumptions.filter((o) => o.kind === "Namespace")).toMatchObject([
      { key: "Namespace//app", name: "app", references: 1 },
    ]);
  });

  test("the trace says what the winner's attachment assumed", () => {
    const a = run(CUSTOM);
    const printed = printTrace(
      traceRequest(compileRouter(a), {
        gateway: "infra/shared",
        scheme: "http",
        host: "shop.example.com",
        path: "/",
      }),
    );
    expect(printed).toContain(
      "           assumed: Namespace app is not in the workspace; assumed labeled as listener http of Gateway infra/shared selects (shared-gateway-access=true) (closed world: NotAllowedByListeners)\n",
    );
    expect(a.attachments.find((x) => x.route === "HTTPRoute/app/shop")?.assumed).toHaveLength(1);
  });

  test("open: assumed too", () => {
    const a = run(CUSTOM, "open");
    expect(accepted(a)).toBe("Accepted");
    expect(notes(a)).toHaveLength(1);
  });

  test("closed: today's fact, NotAllowedByListeners", () => {
    const a = run(CUSTOM, "closed");
    expect(accepted(a)).toBe("NotAllowedByListeners");
    expect(namespaceCheck(a)?.detail).toContain(
      "which does not match: requires shared-gateway-access=true, has no such label",
    );
    expect(notes(a)).toHaveLength(0);
  });

  test("a declared Namespace without the label: NotAllowedByListeners, a fact", () => {
    const a = run(CUSTOM + appNamespace("{team: shop}"));
    expect(accepted(a)).toBe("NotAllowedByListeners");
    expect(notes(a)).toHaveLength(0);
  });

  test("a declared Namespace with the label: Accepted, no assumption", () => {
    const a = run(CUSTOM + appNamespace(`{shared-gateway-access: "true"}`));
    expect(accepted(a)).toBe("Accepted");
    expect(namespaceCheck(a)?.detail).toContain("which matches");
    expect(notes(a)).toHaveLength(0);
  });

  test.each([
    ["matches", `{matchLabels: {kubernetes.io/metadata.name: app}}`, "Accepted"],
    [
      "does not match",
      `{matchLabels: {kubernetes.io/metadata.name: other}}`,
      "NotAllowedByListeners",
    ],
    [
      "does not match (In)",
      `{matchExpressions: [{key: kubernetes.io/metadata.name, operator: In, values: [a, b]}]}`,
      "NotAllowedByListeners",
    ],
  ])("a selector on the name label alone is exact: %s", (_, selector, reason) => {
    const a = run(gatewayWith(selector));
    expect(accepted(a)).toBe(reason);
    expect(notes(a)).toHaveLength(0);
  });

  test("a name-label requirement that fails decides, whatever the other labels", () => {
    const a = run(
      gatewayWith(
        `{matchLabels: {kubernetes.io/metadata.name: other, shared-gateway-access: "true"}}`,
      ),
    );
    expect(accepted(a)).toBe("NotAllowedByListeners");
    expect(notes(a)).toHaveLength(0);
  });

  test("NotIn / DoesNotExist on an unknown label already match: a fact, nothing assumed", () => {
    const selector = `{matchExpressions: [{key: env, operator: NotIn, values: [prod]}, {key: legacy, operator: DoesNotExist}]}`;
    for (const world of ["auto", "closed"] as const) {
      const a = run(gatewayWith(selector), world);
      expect(accepted(a), world).toBe("Accepted");
      expect(namespaceCheck(a)?.detail, world).toBe(
        "listener http allows routes from namespaces Selector (env NotIn (prod), legacy DoesNotExist); route is in app, which matches",
      );
      expect(notes(a), world).toHaveLength(0);
    }
  });

  test("a contradicting selector matches no labels: a fact", () => {
    const a = run(
      gatewayWith(
        `{matchExpressions: [{key: env, operator: In, values: [prod]}, {key: env, operator: NotIn, values: [prod]}]}`,
      ),
    );
    expect(accepted(a)).toBe("NotAllowedByListeners");
    expect(notes(a)).toHaveLength(0);
  });

  test("a malformed requirement selects nothing: a fact", () => {
    const a = run(gatewayWith(`{matchExpressions: [{key: env, operator: In, values: []}]}`));
    expect(accepted(a)).toBe("NotAllowedByListeners");
    expect(notes(a)).toHaveLength(0);
  });

  test("auto with other Namespaces declared: the input is authoritative for Namespaces", () => {
    const other = `---
apiVersion: v1
kind: Namespace
metadata: {name: infra}
`;
    const a = run(CUSTOM + other);
    expect(accepted(a)).toBe("NotAllowedByListeners");
    expect(notes(a)).toHaveLength(0);
  });
});
