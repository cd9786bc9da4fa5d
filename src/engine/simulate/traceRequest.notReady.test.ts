import { describe, expect, test } from "vitest";
import { analyze } from "../analyze";
import { compileRouter } from "../routing/compileRouter";
import { traceRequest } from "./traceRequest";

// An HTTPS listener without a certificate is accepted but never programmed: the trace must say
// that, not that no listener covers the request's name (the listener does, it just cannot serve).
const text = `apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: example}
spec: {controllerName: example.com/gateway}
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw, namespace: infra}
spec:
  gatewayClassName: example
  listeners:
    - {name: https, protocol: HTTPS, port: 443}
    - name: tls-only
      protocol: HTTP
      port: 8080
      allowedRoutes: {kinds: [{kind: TLSRoute}]}
`;

describe("a listener that serves no traffic, in the trace", () => {
  const router = compileRouter(analyze([{ name: "gw.yaml", text }]));
  const trace = (scheme: "https" | "http", port: number) =>
    traceRequest(router, {
      gateway: "infra/gw",
      scheme,
      port,
      host: "shop.example.com",
      method: "GET",
      path: "/",
      headers: {},
    });

  test("names the certificate problem on the listener and in the outcome", () => {
    const t = trace("https", 443);
    expect(t.listeners.find((l) => l.listener === "https")?.reason).toContain(
      "HTTPS listener has no tls section",
    );
    expect(t.outcome.reason).toContain("listener https covers the SNI shop.example.com");
    expect(t.outcome.reason).toContain("HTTPS listener has no tls section");
  });

  test("names why a listener no route kind can attach to serves nothing", () => {
    const t = trace("http", 8080);
    expect(t.listeners.find((l) => l.listener === "tls-only")?.reason).toContain(
      "no route kind can attach",
    );
  });
});
