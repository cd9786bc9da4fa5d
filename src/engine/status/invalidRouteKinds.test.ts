/**
 * A listener whose allowedRoutes.kinds names a kind its protocol cannot carry reports
 * ResolvedRefs=False (InvalidRouteKinds), and each such entry is a located warning at that entry:
 * at its kind, or at its group when the kind is carried but named in another group.
 */
import { describe, expect, test } from "vitest";
import { analyze } from "../analyze";

const CLASS = `apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: gc}
spec: {controllerName: example.com/gc}
---
`;

function gatewayWithKinds(protocol: string, kinds: string): string {
  return `${CLASS}apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw, namespace: infra}
spec:
  gatewayClassName: gc
  listeners:
    - name: l
      protocol: ${protocol}
      port: 443
      tls: {mode: Passthrough}
      allowedRoutes:
        kinds:
${kinds}`;
}

const run = (text: string) => analyze([{ name: "g.yaml", text }]);
const kindWarnings = (text: string) =>
  run(text).diagnostics.filter((d) => d.code === "listener.invalid-route-kind");

describe("allowedRoutes.kinds entries the protocol cannot carry", () => {
  test("one warning per wrong entry, at its kind or group, none for the carried entry", () => {
    const text = gatewayWithKinds(
      "HTTP",
      [
        "          - kind: TCPRoute",
        "          - kind: FooRoute",
        '          - {group: "", kind: HTTPRoute}',
        "          - kind: HTTPRoute",
        "",
      ].join("\n"),
    );
    const found = kindWarnings(text);
    expect(found.map((d) => [d.path, d.line, d.severity])).toEqual([
      ["spec.listeners[0].allowedRoutes.kinds[0].kind", 18, "warning"],
      ["spec.listeners[0].allowedRoutes.kinds[1].kind", 19, "warning"],
      ["spec.listeners[0].allowedRoutes.kinds[2].group", 20, "warning"],
    ]);
    expect(found[0]?.message).toBe(
      "allowedRoutes.kinds names TCPRoute, which HTTP cannot carry: listener l (HTTP) carries HTTPRoute, GRPCRoute, so it reports ResolvedRefs=False (InvalidRouteKinds).",
    );
    expect(found[2]?.message).toContain(
      'HTTPRoute of the core group (group: ""): listener l (HTTP) carries HTTPRoute, GRPCRoute of group gateway.networking.k8s.io only',
    );
    expect(found.every((d) => d.object?.name === "gw")).toBe(true);
    // The condition the warnings explain.
    const status = run(text).status["Gateway/infra/gw"] as {
      listeners: { conditions: { type: string; reason: string }[] }[];
    };
    expect(status.listeners[0]?.conditions).toContainEqual(
      expect.objectContaining({ type: "ResolvedRefs", reason: "InvalidRouteKinds" }),
    );
  });

  test("a TLS listener names what TLS carries", () => {
    const found = kindWarnings(gatewayWithKinds("TLS", "          - kind: HTTPRoute\n"));
    expect(found.map((d) => d.message)).toEqual([
      "allowedRoutes.kinds names HTTPRoute, which TLS cannot carry: listener l (TLS) carries TLSRoute, so it reports ResolvedRefs=False (InvalidRouteKinds).",
    ]);
  });

  test("kinds the protocol carries, or no kinds at all, give no warning", () => {
    expect(kindWarnings(gatewayWithKinds("TLS", "          - kind: TLSRoute\n"))).toEqual([]);
    expect(kindWarnings(gatewayWithKinds("HTTP", "          []\n"))).toEqual([]);
  });
});
