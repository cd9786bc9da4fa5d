import { describe, expect, test } from "vitest";
import { analyze } from "../analyze";
import { predictHealth, type GitOpsTool } from "./predictHealth";

const cls = `apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: gc}
spec: {controllerName: example.com/c}
`;
const gateway = (listener = "{name: http, protocol: HTTP, port: 80}", className = "gc") => `---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw, namespace: default}
spec:
  gatewayClassName: ${className}
  listeners: [${listener}]
`;
const service = `---
apiVersion: v1
kind: Service
metadata: {name: svc, namespace: default}
spec: {ports: [{port: 80}]}
`;
const route = (kind: string, parent = "gw", backend = "svc") => `---
apiVersion: gateway.networking.k8s.io/v1
kind: ${kind}
metadata: {name: r, namespace: default}
spec:
  parentRefs: [{name: ${parent}}]
  rules:
    - backendRefs: [{name: ${backend}, port: 80}]
`;

// The cases describe clusters in which what the input lacks really is absent (a class nobody
// installed, a Secret nobody made): the closed world, where gwsim assumes nothing.
function health(text: string, tool: GitOpsTool, key: string) {
  const p = predictHealth(analyze([{ name: "in.yaml", text }], { world: "closed" }), tool).find(
    (x) => x.object === key,
  );
  expect(p, key).toBeDefined();
  return p!;
}

describe("predictHealth: Argo CD", () => {
  test("GatewayClass accepted is Healthy with the controller message", () => {
    const p = health(cls, "argocd", "GatewayClass//gc");
    expect(p.status).toBe("Healthy");
  });

  test("a Gateway with an accepted, programmed listener is Healthy", () => {
    expect(health(cls + gateway(), "argocd", "Gateway/default/gw")).toMatchObject({
      status: "Healthy",
      reason: "Gateway is healthy",
    });
  });

  test("a Gateway whose HTTPS listener lacks its certificate Secret is Degraded by the Gateway’s own ResolvedRefs=False", () => {
    const text =
      cls +
      gateway(
        "{name: https, protocol: HTTPS, port: 443, tls: {certificateRefs: [{name: missing}]}}",
      );
    const p = health(text, "argocd", "Gateway/default/gw");
    expect(p.status).toBe("Degraded");
    expect(p.reason).toBe("listeners with unresolved references: https");
  });

  test("a Gateway of a class nobody defines gets no status: Progressing for ever", () => {
    const p = health(gateway(undefined, "nope"), "argocd", "Gateway/default/gw");
    expect(p.status).toBe("Progressing");
    expect(p.reason).toContain("Waiting for Gateway status");
  });

  test("an attached HTTPRoute with resolved backends is Healthy", () => {
    expect(
      health(cls + gateway() + service + route("HTTPRoute"), "argocd", "HTTPRoute/default/r"),
    ).toMatchObject({ status: "Healthy", reason: "HTTPRoute is healthy" });
  });

  test("an HTTPRoute with a missing backend is Degraded with the parent and the ResolvedRefs message", () => {
    const p = health(
      cls + gateway() + route("HTTPRoute", "gw", "gone"),
      "argocd",
      "HTTPRoute/default/r",
    );
    expect(p.status).toBe("Degraded");
    expect(p.reason).toMatch(/^Parent gw: .*gone/);
  });

  test("a GRPCRoute on a Gateway with only a TCP listener is not accepted: Degraded by Accepted=False", () => {
    const text =
      cls + gateway("{name: tcp, protocol: TCP, port: 9000}") + service + route("GRPCRoute");
    const p = health(text, "argocd", "GRPCRoute/default/r");
    expect(p.status).toBe("Degraded");
    expect(p.reason.startsWith("Parent gw: ")).toBe(true);
  });

  test("the trap: a route whose Gateway no controller reconciles stays Progressing for ever", () => {
    const p = health(
      gateway(undefined, "nope") + service + route("HTTPRoute"),
      "argocd",
      "HTTPRoute/default/r",
    );
    expect(p.status).toBe("Progressing");
    expect(p.reason).toContain("for ever");
    expect(p.reason).toContain("argoproj/argo-cd#28352");
  });

  test("kinds without a built-in check (TCPRoute, ReferenceGrant) have no health", () => {
    const text = `${cls}${gateway("{name: tcp, protocol: TCP, port: 9000}")}${service}---
apiVersion: gateway.networking.k8s.io/v1alpha2
kind: TCPRoute
metadata: {name: t, namespace: default}
spec:
  parentRefs: [{name: gw}]
  rules: [{backendRefs: [{name: svc, port: 80}]}]
---
apiVersion: gateway.networking.k8s.io/v1beta1
kind: ReferenceGrant
metadata: {name: g, namespace: default}
spec:
  from: [{group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: other}]
  to: [{group: "", kind: Service}]
`;
    expect(health(text, "argocd", "TCPRoute/default/t").status).toBe("None");
    expect(health(text, "argocd", "ReferenceGrant/default/g").status).toBe("None");
    // Only gateway.networking.k8s.io objects are predicted: the Service is not.
    expect(
      predictHealth(analyze([{ name: "in.yaml", text }]), "argocd").some((p) =>
        p.object.startsWith("Service/"),
      ),
    ).toBe(false);
  });
});

describe("predictHealth: Flux (kstatus)", () => {
  test("a healthy route is Current", () => {
    const p = health(cls + gateway() + service + route("HTTPRoute"), "flux", "HTTPRoute/default/r");
    expect(p).toMatchObject({ status: "Healthy", toolStatus: "Current" });
    expect(p.reason).not.toContain("even though");
  });

  test("a route with a missing backend is still Current, and the reason says what Flux misses", () => {
    const p = health(
      cls + gateway() + route("HTTPRoute", "gw", "gone"),
      "flux",
      "HTTPRoute/default/r",
    );
    expect(p).toMatchObject({ status: "Healthy", toolStatus: "Current" });
    expect(p.reason).toContain("even though parent gw ResolvedRefs=False (BackendNotFound)");
    expect(p.reason).toContain("healthCheckExprs");
  });

  test("a route no controller writes status for is Current too: Flux does not wait for it", () => {
    const p = health(
      gateway(undefined, "nope") + service + route("HTTPRoute"),
      "flux",
      "HTTPRoute/default/r",
    );
    expect(p.toolStatus).toBe("Current");
    expect(p.reason).toContain("no controller writes status for it");
  });

  test("a Gateway with a refused listener is Current, naming the listener condition", () => {
    const text =
      cls +
      gateway(
        "{name: https, protocol: HTTPS, port: 443, tls: {certificateRefs: [{name: missing}]}}",
      );
    const p = health(text, "flux", "Gateway/default/gw");
    expect(p.toolStatus).toBe("Current");
    expect(p.reason).toMatch(/even though (listener https )?\w+=False/);
  });
});
