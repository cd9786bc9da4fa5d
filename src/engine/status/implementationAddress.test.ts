/**
 * Azure Application Gateway for Containers' documented BYO Gateway requests
 * `type: alb.networking.azure.io/alb-frontend` with its GatewayClass (installed by the ALB
 * controller) not in the slice: the type is implementation-specific and the controller unknown,
 * so the Gateway is not refused as a fact.
 */
import { describe, expect, test } from "vitest";
import { analyze } from "../analyze";
import type { WorldMode } from "../resolve/world";
import type { GatewayStatus } from "../types";

const gateway = (type: string) => `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw, namespace: infra}
spec:
  gatewayClassName: azure-alb-external
  listeners: [{name: http, port: 80, protocol: HTTP}]
  addresses:
  - type: ${type}
    value: frontend
`;
const CLASS = `---
apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: azure-alb-external}
spec: {controllerName: alb.networking.azure.io/alb-controller}
`;

function run(text: string, world: WorldMode) {
  const analysis = analyze([{ name: "in.yaml", text }], { world });
  const status = analysis.status["Gateway/infra/gw"] as GatewayStatus | undefined;
  const accepted = status?.conditions.find((c) => c.type === "Accepted");
  const notes = analysis.diagnostics
    .filter((d) => d.code === "assume.address-type")
    .map((d) => [d.line, d.column, d.message.split(" because")[0]]);
  return { accepted, notes, addresses: status?.addresses };
}

describe("implementation-specific Gateway address types", () => {
  test("auto and open, class not in the input: assumed supported, one note at the type", () => {
    for (const world of ["auto", "open"] as const) {
      const r = run(gateway("alb.networking.azure.io/alb-frontend"), world);
      expect(r.accepted).toMatchObject({ status: "True", reason: "Accepted" });
      expect(r.notes).toEqual([
        [
          8,
          11,
          "Address type alb.networking.azure.io/alb-frontend is implementation-specific; assumed supported by the Gateway's controller",
        ],
      ]);
      expect(r.addresses).toEqual([
        { type: "alb.networking.azure.io/alb-frontend", value: "frontend" },
      ]);
    }
    expect(run(gateway("NamedAddress"), "auto").accepted).toMatchObject({ status: "True" });
  });

  test("a class in the input, or a type that is not implementation-specific: UnsupportedAddress", () => {
    const withClass = run(gateway("alb.networking.azure.io/alb-frontend") + CLASS, "auto");
    expect(withClass.accepted).toMatchObject({ status: "False", reason: "UnsupportedAddress" });
    expect(withClass.notes).toEqual([]);
    const bogus = run(gateway("PoolName"), "open");
    expect(bogus.accepted).toMatchObject({ status: "False", reason: "UnsupportedAddress" });
  });
});
