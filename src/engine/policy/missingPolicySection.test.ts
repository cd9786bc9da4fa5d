import { describe, expect, it } from "vitest";
import { analyze } from "../analyze";

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
});
