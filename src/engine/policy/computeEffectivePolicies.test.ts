import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { analyze } from "../analyze";
import type { ResourceKey } from "../api/keys";
import type { EffectivePolicies, EffectivePolicy } from "./policyTypes";

const EXAMPLE = readFileSync(
  new URL("../../../fixtures/examples/envoy-gateway-policies.yaml", import.meta.url),
  "utf8",
);
const effective = (text: string): EffectivePolicies =>
  analyze([{ name: "p.yaml", text }]).effectivePolicies;
const of = (eff: EffectivePolicies, key: string): EffectivePolicy[] | undefined =>
  eff[key as ResourceKey];

const BASE = `
apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: gc}
spec: {controllerName: example.com/ctl}
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw, namespace: infra}
spec:
  gatewayClassName: gc
  listeners:
    - {name: web, protocol: HTTP, port: 80, allowedRoutes: {namespaces: {from: All}}}
    - {name: admin, protocol: HTTP, port: 8080, hostname: admin.example.com, allowedRoutes: {namespaces: {from: Same}}}
`;

const route = (name: string, namespace: string, parentRef: string): string => `
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: ${name}, namespace: ${namespace}}
spec:
  parentRefs: [${parentRef}]
  rules: [{backendRefs: [{name: svc, port: 80}]}]
`;

const policy = (kind: string, name: string, namespace: string, targetRef: string): string => `
---
apiVersion: gateway.envoyproxy.io/v1alpha1
kind: ${kind}
metadata: {name: ${name}, namespace: ${namespace}}
spec:
  targetRefs: [${targetRef}]
`;

const GW_REF = "{group: gateway.networking.k8s.io, kind: Gateway, name: gw";

describe("computeEffectivePolicies on the Envoy Gateway template", () => {
  const eff = effective(EXAMPLE);

  it("gives each HTTPRoute the ClientTrafficPolicy it inherits through Gateway eg, after its own policy", () => {
    expect(of(eff, "HTTPRoute/apps/api")).toEqual([
      {
        policy: "BackendTrafficPolicy/apps/api-resilience",
        policyKind: "BackendTrafficPolicy",
        reach: "direct",
        target: "HTTPRoute/apps/api",
      },
      {
        policy: "ClientTrafficPolicy/apps/client-defaults",
        policyKind: "ClientTrafficPolicy",
        reach: "gateway",
        target: "Gateway/apps/eg",
      },
    ]);
    expect(of(eff, "HTTPRoute/apps/admin")).toEqual([
      {
        policy: "SecurityPolicy/apps/admin-auth",
        policyKind: "SecurityPolicy",
        reach: "direct",
        target: "HTTPRoute/apps/admin",
      },
      {
        policy: "ClientTrafficPolicy/apps/client-defaults",
        policyKind: "ClientTrafficPolicy",
        reach: "gateway",
        target: "Gateway/apps/eg",
      },
    ]);
  });

  it("gives the Gateway its own policy and the EnvoyProxy its class points at, and the class its parameters", () => {
    expect(of(eff, "Gateway/apps/eg")).toEqual([
      {
        policy: "ClientTrafficPolicy/apps/client-defaults",
        policyKind: "ClientTrafficPolicy",
        reach: "direct",
        target: "Gateway/apps/eg",
      },
      {
        policy: "EnvoyProxy/envoy-gateway-system/proxy-config",
        policyKind: "EnvoyProxy",
        reach: "class",
        target: "GatewayClass//eg",
      },
    ]);
    expect(of(eff, "GatewayClass//eg")).toEqual([
      {
        policy: "EnvoyProxy/envoy-gateway-system/proxy-config",
        policyKind: "EnvoyProxy",
        reach: "direct",
        target: "GatewayClass//eg",
      },
    ]);
    expect(of(eff, "Service/apps/api")).toBeUndefined();
  });

  it("drops the inherited entries when the route is renamed away from its policy target", () => {
    const renamed = effective(
      EXAMPLE.replace(
        "name: api\n  namespace: apps\nspec:\n  parentRefs",
        "name: api-v2\n  namespace: apps\nspec:\n  parentRefs",
      ),
    );
    expect(of(renamed, "HTTPRoute/apps/api")).toBeUndefined();
    expect(of(renamed, "HTTPRoute/apps/api-v2")?.map((e) => e.policy)).toEqual([
      "ClientTrafficPolicy/apps/client-defaults",
    ]);
  });
});

describe("computeEffectivePolicies counterexamples", () => {
  it("a route that names the Gateway but is not attached (namespace not allowed) inherits nothing", () => {
    const eff = effective(
      BASE +
        route("r", "app", "{name: gw, namespace: infra, sectionName: admin}") +
        policy("ClientTrafficPolicy", "ctp", "infra", `${GW_REF}}`),
    );
    expect(of(eff, "HTTPRoute/app/r")).toBeUndefined();
    expect(of(eff, "Gateway/infra/gw")?.map((e) => e.reach)).toEqual(["direct"]);
  });

  it("a listener policy applies only to routes attached through that listener", () => {
    const text =
      BASE +
      route("on-web", "app", "{name: gw, namespace: infra, sectionName: web}") +
      route("on-admin", "infra", "{name: gw, sectionName: admin}") +
      policy("ClientTrafficPolicy", "admin-only", "infra", `${GW_REF}, sectionName: admin}`);
    const eff = effective(text);
    expect(of(eff, "HTTPRoute/app/on-web")).toBeUndefined();
    expect(of(eff, "HTTPRoute/infra/on-admin")).toEqual([
      {
        policy: "ClientTrafficPolicy/infra/admin-only",
        policyKind: "ClientTrafficPolicy",
        reach: "listener",
        target: "Gateway/infra/gw",
        sectionName: "admin",
      },
    ]);
    expect(of(eff, "Gateway/infra/gw")).toEqual([
      {
        policy: "ClientTrafficPolicy/infra/admin-only",
        policyKind: "ClientTrafficPolicy",
        reach: "section",
        target: "Gateway/infra/gw",
        sectionName: "admin",
      },
    ]);
  });

  it("a more specific policy of the same kind overrides the less specific one; other kinds stay", () => {
    const text =
      BASE +
      route("r", "infra", "{name: gw, sectionName: admin}") +
      policy("ClientTrafficPolicy", "gw-wide", "infra", `${GW_REF}}`) +
      policy("ClientTrafficPolicy", "admin-listener", "infra", `${GW_REF}, sectionName: admin}`) +
      policy("BackendTrafficPolicy", "gw-btp", "infra", `${GW_REF}}`) +
      policy(
        "BackendTrafficPolicy",
        "route-btp",
        "infra",
        "{group: gateway.networking.k8s.io, kind: HTTPRoute, name: r}",
      );
    const eff = effective(text);
    expect(of(eff, "HTTPRoute/infra/r")?.map((e) => [e.policy, e.reach, e.overriddenBy])).toEqual([
      ["BackendTrafficPolicy/infra/route-btp", "direct", undefined],
      ["ClientTrafficPolicy/infra/admin-listener", "listener", undefined],
      ["ClientTrafficPolicy/infra/gw-wide", "gateway", "ClientTrafficPolicy/infra/admin-listener"],
      ["BackendTrafficPolicy/infra/gw-btp", "gateway", "BackendTrafficPolicy/infra/route-btp"],
    ]);
    // On the Gateway itself the section policy covers one listener only: the Gateway-wide one still applies.
    expect(
      of(eff, "Gateway/infra/gw")?.find((e) => e.policy === "ClientTrafficPolicy/infra/gw-wide")
        ?.overriddenBy,
    ).toBeUndefined();
  });

  it("a listener policy does not override the Gateway policy while the route also attaches through another listener", () => {
    const text =
      BASE +
      route("both", "infra", "{name: gw}") +
      policy("ClientTrafficPolicy", "gw-wide", "infra", `${GW_REF}}`) +
      policy("ClientTrafficPolicy", "admin-listener", "infra", `${GW_REF}, sectionName: admin}`);
    const eff = effective(text);
    expect(
      of(eff, "HTTPRoute/infra/both")?.map((e) => [e.policy, e.reach, e.overriddenBy]),
    ).toEqual([
      ["ClientTrafficPolicy/infra/admin-listener", "listener", undefined],
      ["ClientTrafficPolicy/infra/gw-wide", "gateway", undefined],
    ]);
  });

  it("a route attached through a ListenerSet listener inherits from the ListenerSet and from its Gateway", () => {
    const text = `${BASE.replace("  gatewayClassName: gc\n", "  gatewayClassName: gc\n  allowedListeners: {namespaces: {from: Same}}\n")}
---
apiVersion: gateway.networking.k8s.io/v1
kind: ListenerSet
metadata: {name: extra, namespace: infra}
spec:
  parentRef: {name: gw}
  listeners: [{name: admin, protocol: HTTP, port: 9090, allowedRoutes: {namespaces: {from: Same}}}]
${route("r", "infra", "{group: gateway.networking.k8s.io, kind: ListenerSet, name: extra, sectionName: admin}")}${policy("ClientTrafficPolicy", "gw-wide", "infra", `${GW_REF}}`)}${policy(
      "ClientTrafficPolicy",
      "gw-admin",
      "infra",
      `${GW_REF}, sectionName: admin}`,
    )}${policy("BackendTrafficPolicy", "ls-admin", "infra", "{group: gateway.networking.k8s.io, kind: ListenerSet, name: extra, sectionName: admin}")}`;
    // The Gateway's own listener "admin" is not the ListenerSet's "admin": gw-admin does not apply.
    expect(
      of(effective(text), "HTTPRoute/infra/r")?.map((e) => [e.policy, e.reach, e.target]),
    ).toEqual([
      ["BackendTrafficPolicy/infra/ls-admin", "listener", "ListenerSet/infra/extra"],
      ["ClientTrafficPolicy/infra/gw-wide", "gateway", "Gateway/infra/gw"],
    ]);
  });

  it("a policy whose target is missing from the input gives no entry anywhere", () => {
    const eff = effective(
      BASE +
        route("r", "infra", "{name: gw}") +
        policy(
          "ClientTrafficPolicy",
          "lost",
          "infra",
          "{group: gateway.networking.k8s.io, kind: Gateway, name: nope}",
        ),
    );
    expect(eff).toEqual({});
  });

  it("BackendTLSPolicy reaches its Service directly, or by section with a port name", () => {
    const text = `${BASE}
---
apiVersion: v1
kind: Service
metadata: {name: svc, namespace: infra}
spec: {ports: [{name: https, port: 443}]}
---
apiVersion: gateway.networking.k8s.io/v1
kind: BackendTLSPolicy
metadata: {name: tls, namespace: infra}
spec:
  targetRefs: [{group: "", kind: Service, name: svc, sectionName: https}]
  validation: {hostname: svc.example.com, wellKnownCACertificates: System}
`;
    expect(of(effective(text), "Service/infra/svc")).toEqual([
      {
        policy: "BackendTLSPolicy/infra/tls",
        policyKind: "BackendTLSPolicy",
        reach: "section",
        target: "Service/infra/svc",
        sectionName: "https",
      },
    ]);
  });

  it("a Gateway parametersRef overrides the class parametersRef of the same kind", () => {
    const text = `
apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: gc}
spec:
  controllerName: example.com/ctl
  parametersRef: {group: gateway.envoyproxy.io, kind: EnvoyProxy, name: class-proxy, namespace: sys}
---
apiVersion: gateway.envoyproxy.io/v1alpha1
kind: EnvoyProxy
metadata: {name: class-proxy, namespace: sys}
---
apiVersion: gateway.envoyproxy.io/v1alpha1
kind: EnvoyProxy
metadata: {name: gw-proxy, namespace: infra}
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw, namespace: infra}
spec:
  gatewayClassName: gc
  infrastructure: {parametersRef: {group: gateway.envoyproxy.io, kind: EnvoyProxy, name: gw-proxy}}
  listeners: [{name: web, protocol: HTTP, port: 80}]
`;
    expect(
      of(effective(text), "Gateway/infra/gw")?.map((e) => [e.policy, e.reach, e.overriddenBy]),
    ).toEqual([
      ["EnvoyProxy/infra/gw-proxy", "direct", undefined],
      ["EnvoyProxy/sys/class-proxy", "class", "EnvoyProxy/infra/gw-proxy"],
    ]);
  });
});

describe("computeEffectivePolicies on a backend the world assumes", () => {
  const SLICE = `
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw, namespace: ai}
spec:
  gatewayClassName: platform
  listeners: [{name: web, protocol: HTTP, port: 80}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: llm, namespace: ai}
spec:
  parentRefs: [{name: gw}]
  rules: [{backendRefs: [{group: inference.networking.k8s.io, kind: InferencePool, name: pool}]}]
---
apiVersion: networking.gke.io/v1
kind: GCPBackendPolicy
metadata: {name: timeouts, namespace: ai}
spec:
  targetRef: {group: inference.networking.k8s.io, kind: InferencePool, name: pool}
`;
  const run = (world: "auto" | "closed") => analyze([{ name: "p.yaml", text: SLICE }], { world });

  it("auto: the policy applies to the assumed InferencePool, marked as an assumed target", () => {
    const a = run("auto");
    expect(a.assumptions.map((x) => x.key)).toContain("InferencePool/ai/pool");
    expect(of(a.effectivePolicies, "InferencePool/ai/pool")).toEqual([
      {
        policy: "GCPBackendPolicy/ai/timeouts",
        policyKind: "GCPBackendPolicy",
        reach: "direct",
        target: "InferencePool/ai/pool",
        targetAssumed: true,
      },
    ]);
    expect(a.policies).toEqual([
      expect.objectContaining({
        policy: "GCPBackendPolicy/ai/timeouts",
        assumedTarget: "InferencePool/ai/pool",
      }),
    ]);
    // A backend passes nothing down: the route inherits nothing from the pool's policy.
    expect(of(a.effectivePolicies, "HTTPRoute/ai/llm")).toBeUndefined();
  });

  it("closed: the pool is missing, so no policy applies to anything", () => {
    const a = run("closed");
    expect(a.effectivePolicies).toEqual({});
    expect(a.policies[0]?.assumedTarget).toBeUndefined();
  });
});

describe("a policy pasted without its target (Kuadrant's examples/toystore/authpolicy.yaml)", () => {
  const SLICE = `
apiVersion: kuadrant.io/v1
kind: AuthPolicy
metadata: {name: toystore, namespace: shop}
spec:
  targetRef: {group: gateway.networking.k8s.io, kind: HTTPRoute, name: toystore}
---
apiVersion: kuadrant.io/v1
kind: RateLimitPolicy
metadata: {name: edge, namespace: infra}
spec:
  targetRef: {group: gateway.networking.k8s.io, kind: Gateway, name: ingress, sectionName: web}
---
apiVersion: example.com/v1
kind: TrafficPolicy
metadata: {name: svc, namespace: shop}
spec:
  targetRefs:
  - {group: "", kind: Service, name: toys}
  - {group: core, kind: Service, name: toys}
  - {group: gateway.networking.k8s.io, kind: GatewayClass, name: eg}
`;
  const run = (world: "auto" | "closed") => analyze([{ name: "p.yaml", text: SLICE }], { world });
  const findings = (a: ReturnType<typeof run>) =>
    a.diagnostics.map((d) => [d.code, d.severity, d.path, d.line]);

  it("auto: the route, Gateway and Service are assumed, as a route's parent or backend would be", () => {
    const a = run("auto");
    expect(a.assumptions.map((x) => [x.key, x.closedWorld])).toEqual([
      ["HTTPRoute/shop/toystore", "AuthPolicy shop/toystore has no target"],
      ["Gateway/infra/ingress", "RateLimitPolicy infra/edge has no target"],
      ["Service/shop/toys", "TrafficPolicy shop/svc has no target"],
    ]);
    expect(a.policies.map((p) => p.assumedTarget)).toEqual([
      "HTTPRoute/shop/toystore",
      "Gateway/infra/ingress",
      "Service/shop/toys",
      undefined,
      undefined,
    ]);
    // `group: core` and a cluster-scoped GatewayClass are not assumed: each keeps its warning.
    expect(findings(a)).toEqual([
      ["ref.not-found", "warning", "spec.targetRefs", 18],
      ["ref.not-found", "warning", "spec.targetRefs", 18],
      ["assume.object", "info", "spec.targetRef", 6],
      ["assume.object", "info", "spec.targetRef", 12],
      ["assume.object", "info", "spec.targetRefs[0]", 19],
    ]);
    expect(of(a.effectivePolicies, "Gateway/infra/ingress")).toEqual([
      expect.objectContaining({ policy: "RateLimitPolicy/infra/edge", targetAssumed: true }),
    ]);
    // The graph draws the policies with an assumed target as such, not as TargetNotFound.
    const node = (key: string) => a.graph.nodes.find((n) => n.id === key);
    expect(node("AuthPolicy/shop/toystore")?.status).not.toBe("warning");
    expect(node("TrafficPolicy/shop/svc")?.status).toBe("warning");
  });

  it("closed: every target is missing and warned about", () => {
    const a = run("closed");
    expect(a.assumptions).toEqual([]);
    expect(a.policies.every((p) => p.assumedTarget === undefined)).toBe(true);
    // The two Service targets say the same words at the same field: one finding.
    expect(findings(a).map(([code]) => code)).toEqual(Array(4).fill("ref.not-found"));
  });
});
