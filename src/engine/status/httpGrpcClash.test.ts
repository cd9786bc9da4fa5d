/** The HTTPRoute/GRPCRoute clash names the real tie-break: age when one is older, else the name. */
import { describe, expect, test } from "vitest";
import { analyze } from "../analyze";

const head = `apiVersion: gateway.networking.k8s.io/v1\nkind: GatewayClass\nmetadata: {name: c}\nspec: {controllerName: example.com/c}\n---\napiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata: {name: gw, namespace: app}\nspec:\n  gatewayClassName: c\n  listeners: [{name: http, port: 80, protocol: HTTP}]\n---\n`;
const route = (kind: string, name: string, created?: string) =>
  `apiVersion: gateway.networking.k8s.io/v1\nkind: ${kind}\nmetadata: {name: ${name}, namespace: app${created ? `, creationTimestamp: "${created}"` : ""}}\nspec:\n  parentRefs: [{name: gw}]\n  hostnames: [shop.example.com]\n---\n`;

function loser(text: string) {
  const e = analyze([{ name: "in.yaml", text }]).explain.find((x) => !x.accepted);
  return { route: e?.route, reason: e?.reason, message: e?.message };
}

describe("HTTPRoute and GRPCRoute on the same hostnames", () => {
  test("without timestamps the tie goes by name, and the message says so", () => {
    expect(loser(head + route("HTTPRoute", "b-web") + route("GRPCRoute", "a-grpc"))).toEqual({
      route: "HTTPRoute/app/b-web",
      reason: "Conflicted",
      message:
        'GRPCRoute app/a-grpc wins the tie by namespace/name (neither has a creationTimestamp, and "app/a-grpc" sorts before "app/b-web") and serves the same hostnames on listener http; an HTTPRoute and a GRPCRoute cannot share them',
    });
  });

  test("an older route wins whatever its name, and the message says it is older", () => {
    const r = loser(
      head +
        route("HTTPRoute", "b-web", "2024-01-01T00:00:00Z") +
        route("GRPCRoute", "a-grpc", "2025-01-01T00:00:00Z"),
    );
    expect(r.route).toBe("GRPCRoute/app/a-grpc");
    expect(r.message).toMatch(/^HTTPRoute app\/b-web is older and serves/);
  });
});
