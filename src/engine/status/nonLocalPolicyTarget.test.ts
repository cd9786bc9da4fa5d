import { describe, expect, it } from "vitest";
import { analyze } from "../analyze";

const SLICE = `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: r, namespace: app}
spec:
  rules: [{backendRefs: [{name: svc, port: 80}]}]
---
apiVersion: gateway.envoyproxy.io/v1alpha1
kind: BackendTrafficPolicy
metadata: {name: btp, namespace: other}
spec:
  targetRefs:
  - {group: gateway.networking.k8s.io, kind: HTTPRoute, name: r, namespace: app}
---
apiVersion: gateway.envoyproxy.io/v1alpha1
kind: SecurityPolicy
metadata: {name: local, namespace: app}
spec:
  targetRef: {group: gateway.networking.k8s.io, kind: HTTPRoute, name: r, namespace: app}
`;

describe("a policy whose targetRef names another namespace (GEP-713: targetRefs are local)", () => {
  const analysis = analyze([{ name: "p.yaml", text: SLICE }], { world: "closed" });

  it("does not apply to the object of the other namespace; the one in its own does", () => {
    expect(analysis.effectivePolicies["HTTPRoute/app/r" as never]?.map((e) => e.policy)).toEqual([
      "SecurityPolicy/app/local",
    ]);
    expect(analysis.policies.map((p) => [p.policy, p.targetRef.namespace, p.target])).toEqual([
      ["BackendTrafficPolicy/other/btp", "other", undefined],
      ["SecurityPolicy/app/local", "app", "HTTPRoute/app/r"],
    ]);
  });

  it("warns at the targetRef's namespace, naming where the controller looks", () => {
    // One finding for the one cause: no second "HTTPRoute other/r is not in the input".
    expect(analysis.diagnostics.filter((d) => d.object?.name === "btp").map((d) => d.code)).toEqual(
      ["ref.policy-target-namespace"],
    );
    const found = analysis.diagnostics.filter((d) => d.code === "ref.policy-target-namespace");
    expect(found.map((d) => [d.object?.name, d.path, d.line, d.column, d.severity])).toEqual([
      ["btp", "spec.targetRefs[0].namespace", 12, 77, "warning"],
    ]);
    expect(found[0]?.message).toBe(
      "BackendTrafficPolicy other/btp targets HTTPRoute app/r in another namespace, but a policy's targetRef is local (GEP-713): the API server drops this namespace for the policy CRDs built on it, and the controller looks for HTTPRoute other/r instead, so the policy configures nothing in app.",
    );
  });
});
