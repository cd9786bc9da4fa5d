/**
 * A GatewayClass parametersRef without namespace names a cluster-scoped object (Consul's
 * GatewayClassConfig). The loader files a CRD object written without metadata.namespace under
 * "default"; the class must still find it, in every world.
 */
import { describe, expect, test } from "vitest";
import { analyze } from "../analyze";
import type { ConditionsStatus } from "../types";

const input = (configNamespace: string) => `apiVersion: api-gateway.consul.hashicorp.com/v1alpha1
kind: GatewayClassConfig
metadata:
  name: config${configNamespace}
---
apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: consul}
spec:
  controllerName: hashicorp.com/consul-api-gateway-controller
  parametersRef: {group: api-gateway.consul.hashicorp.com, kind: GatewayClassConfig, name: config}
`;

function run(text: string, world: "auto" | "closed") {
  const analysis = analyze([{ name: "in.yaml", text }], { world });
  const cls = analysis.status["GatewayClass//consul"] as ConditionsStatus | undefined;
  return {
    accepted: cls?.conditions.find((c) => c.type === "Accepted"),
    assumed: analysis.diagnostics.filter((d) => d.code === "assume.parameters").length,
  };
}

describe("cluster-scoped parametersRef target of an unmodelled kind", () => {
  test("written without a namespace: found, in auto and closed", () => {
    for (const world of ["auto", "closed"] as const) {
      const r = run(input(""), world);
      expect(r.accepted).toMatchObject({ status: "True", reason: "Accepted" });
      expect(r.assumed).toBe(0);
    }
  });

  test("one declared in a namespace is not the cluster-scoped object", () => {
    const r = run(input("\n  namespace: consul"), "closed");
    expect(r.accepted).toMatchObject({ status: "False", reason: "InvalidParameters" });
  });
});

describe("a parametersRef to a namespaced core kind without namespace", () => {
  const text = `apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: stunner}
spec:
  controllerName: l7mp.io/stunner/gateway
  parametersRef: {group: "", kind: ConfigMap, name: cfg}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: cfg}
data: {realm: x}
`;

  test("names no object in every world: InvalidParameters, and the warning names the namesake", () => {
    for (const world of ["auto", "open", "closed"] as const) {
      const analysis = analyze([{ name: "in.yaml", text }], { world });
      const cls = analysis.status["GatewayClass//stunner"] as ConditionsStatus | undefined;
      expect(cls?.conditions.find((c) => c.type === "Accepted")).toMatchObject({
        status: "False",
        reason: "InvalidParameters",
      });
      expect(analysis.diagnostics.filter((d) => d.code === "assume.parameters")).toEqual([]);
      const warning = analysis.diagnostics.filter((d) => d.path === "spec.parametersRef");
      expect(warning.map((d) => [d.code, d.line])).toEqual([["ref.not-found", 6]]);
      expect(warning[0]?.message).toBe(
        "parametersRef ConfigMap cfg has no namespace, and a ConfigMap is namespaced (the field requires namespace for a namespaced kind), so it names no object and the GatewayClass is not Accepted (InvalidParameters); the input holds ConfigMap default/cfg: set `namespace: default` on the parametersRef.",
      );
    }
  });
});
