import { describe, expect, it } from "vitest";
import { analyze } from "../analyze";
import type { ResourceKey } from "../api/keys";

const SLICE = `
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw, namespace: infra}
spec:
  gatewayClassName: eg
  listeners: [{name: web, protocol: HTTP, port: 80}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: r, namespace: infra}
spec:
  parentRefs: [{name: gw}]
  rules: [{name: main, backendRefs: [{name: svc, port: 80}]}]
---
apiVersion: v1
kind: Service
metadata: {name: svc, namespace: infra}
spec:
  ports: [{name: http, port: 80}]
---
apiVersion: kuadrant.io/v1
kind: RateLimitPolicy
metadata: {name: rl, namespace: infra}
spec:
  targetRef: {group: gateway.networking.k8s.io, kind: Gateway, name: gw, sectionName: websecure}
---
apiVersion: kuadrant.io/v1
kind: AuthPolicy
metadata: {name: ap, namespace: infra}
spec:
  targetRefs:
  - {group: gateway.networking.k8s.io, kind: HTTPRoute, name: r, sectionName: main}
  - {group: gateway.networking.k8s.io, kind: HTTPRoute, name: r, sectionName: rule-1}
---
apiVersion: example.com/v1
kind: TrafficPolicy
metadata: {name: tp, namespace: infra}
spec:
  targetRefs:
  - {group: "", kind: Service, name: svc, sectionName: http}
  - {group: "", kind: Service, name: svc, sectionName: https}
  - {group: gateway.networking.k8s.io, kind: Gateway, name: gw, sectionName: web}
`;

describe("a policy whose sectionName names no section of its target (GEP-713)", () => {
  const found = analyze([{ name: "p.yaml", text: SLICE }], { world: "auto" }).diagnostics.filter(
    (d) => d.code === "ref.section-not-found",
  );

  it("warns at the sectionName, naming the sections the target has", () => {
    expect(found.map((d) => [d.object?.name, d.path, d.line, d.severity])).toEqual([
      ["rl", "spec.targetRef.sectionName", 26, "warning"],
      ["ap", "spec.targetRefs[1].sectionName", 34, "warning"],
      ["tp", "spec.targetRefs[1].sectionName", 42, "warning"],
    ]);
    expect(found.map((d) => d.message)).toEqual([
      'RateLimitPolicy targets listener "websecure" of Gateway infra/gw, which has no listener of that name (its listeners: "web"), so the policy does not attach.',
      'AuthPolicy targets rule "rule-1" of HTTPRoute infra/r, which has no rule of that name (its rules: "main"), so the policy does not attach.',
      'TrafficPolicy targets port "https" of Service infra/svc, which has no port of that name (its ports: "http"), so the policy does not attach.',
    ]);
  });

  const analysis = analyze([{ name: "p.yaml", text: SLICE }], { world: "auto" });

  it("is effective nowhere: not on the whole target, and the sections that exist keep theirs", () => {
    const on = (key: string) =>
      (analysis.effectivePolicies[key as ResourceKey] ?? []).map(
        (e) => `${e.policy} ${e.sectionName ?? ""}`,
      );
    expect(on("Gateway/infra/gw")).toEqual(["TrafficPolicy/infra/tp web"]);
    // The route inherits tp through listener web, and nothing through rl's "websecure".
    expect(on("HTTPRoute/infra/r")).toEqual([
      "AuthPolicy/infra/ap main",
      "TrafficPolicy/infra/tp web",
    ]);
    expect(on("Service/infra/svc")).toEqual(["TrafficPolicy/infra/tp http"]);
  });

  it("draws its edge as missing, with the section it lacks", () => {
    const edge = analysis.graph.edges.find((e) => e.id === "policy:AuthPolicy/infra/ap:1");
    expect([edge?.status, edge?.reason, edge?.message]).toEqual([
      "missing",
      "SectionNotFound",
      'HTTPRoute infra/r has no section "rule-1"',
    ]);
  });
});
