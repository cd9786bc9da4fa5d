/**
 * The reading partlyInvalidCertificateRefs: a listener with several certificateRefs, some invalid.
 * gwsim's default leaves it unprogrammed; under valid-ones-served it serves the valid ones, with
 * the conditions Envoy Gateway writes since PR #7909 (ResolvedRefs=False,
 * PartiallyInvalidCertificateRef; Accepted and Programmed True).
 */
import { describe, expect, test } from "vitest";
import { analyze } from "../analyze";
import { compileRouter } from "../routing/compileRouter";
import { routeRequest } from "../simulate/routeRequest";
import type { AnalyzeOptions, GatewayStatus } from "../types";

const text = (certificateRefs: string) => `apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: gc}
spec: {controllerName: example.com/c}
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw, namespace: default}
spec:
  gatewayClassName: gc
  listeners:
    - name: https
      protocol: HTTPS
      port: 443
      tls: {certificateRefs: [${certificateRefs}]}
---
apiVersion: v1
kind: Secret
metadata: {name: cert, namespace: default}
type: kubernetes.io/tls
stringData:
  tls.crt: "-----BEGIN CERTIFICATE-----\\nMIIB\\n-----END CERTIFICATE-----\\n"
  tls.key: "-----BEGIN RSA PRIVATE KEY-----\\nMIIE\\n-----END RSA PRIVATE KEY-----\\n"
---
apiVersion: v1
kind: Service
metadata: {name: web, namespace: default}
spec: {ports: [{port: 80}]}
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: r, namespace: default}
spec:
  parentRefs: [{name: gw}]
  rules: [{backendRefs: [{name: web, port: 80}]}]
`;

const SERVED: AnalyzeOptions = {
  world: "closed",
  readings: { partlyInvalidCertificateRefs: "valid-ones-served" },
};

function run(certificateRefs: string, options: AnalyzeOptions = { world: "closed" }) {
  const analysis = analyze([{ name: "in.yaml", text: text(certificateRefs) }], options);
  const listener = (analysis.status["Gateway/default/gw"] as GatewayStatus).listeners[0];
  const condition = (type: string) => listener?.conditions.find((c) => c.type === type);
  const outcome = routeRequest(compileRouter(analysis), {
    scheme: "https",
    gateway: "default/gw",
    host: "a.example.com",
    path: "/",
  });
  const notes = analysis.diagnostics.filter((d) => d.code === "reading.applied");
  return { condition, outcome, notes };
}

const ONE_MISSING = "{name: cert}, {name: gone}";

describe("reading partlyInvalidCertificateRefs", () => {
  test("default not-programmed: one missing ref of two leaves the listener unprogrammed", () => {
    const r = run(ONE_MISSING);
    expect(r.condition("Programmed")).toMatchObject({ status: "False" });
    expect(r.condition("ResolvedRefs")).toMatchObject({
      status: "False",
      reason: "InvalidCertificateRef",
    });
    expect(r.outcome.kind).toBe("connection-refused");
    expect(r.notes).toEqual([]);
  });

  test("valid-ones-served: the listener is programmed with the valid ref, ResolvedRefs says which is not, a note names the reading", () => {
    const r = run(ONE_MISSING, SERVED);
    expect(r.condition("Accepted")).toMatchObject({ status: "True" });
    expect(r.condition("Programmed")).toMatchObject({ status: "True" });
    expect(r.condition("ResolvedRefs")).toMatchObject({
      status: "False",
      reason: "PartiallyInvalidCertificateRef",
    });
    expect(r.condition("ResolvedRefs")?.message).toContain("Secret default/gone");
    expect(r.outcome).toMatchObject({ kind: "forwarded", backend: "default/web:80" });
    expect(r.notes).toHaveLength(1);
    expect(r.notes[0]).toMatchObject({ path: "spec.listeners[0].tls.certificateRefs" });
    expect(r.notes[0]?.message).toContain("reading partlyInvalidCertificateRefs=valid-ones-served");
  });

  test("valid-ones-served: a ref a grant refuses keeps RefNotPermitted (the field's MUST)", () => {
    const r = run("{name: cert}, {name: other, namespace: elsewhere}", SERVED);
    expect(r.condition("Programmed")).toMatchObject({ status: "True" });
    expect(r.condition("ResolvedRefs")).toMatchObject({
      status: "False",
      reason: "RefNotPermitted",
    });
  });

  test("valid-ones-served: with no valid ref there is nothing to serve, as by default", () => {
    const r = run("{name: gone}, {name: lost}", SERVED);
    expect(r.condition("Programmed")).toMatchObject({ status: "False" });
    expect(r.condition("ResolvedRefs")).toMatchObject({ reason: "InvalidCertificateRef" });
    expect(r.outcome.kind).toBe("connection-refused");
    expect(r.notes).toEqual([]);
  });

  test("all refs valid: nothing for the reading to decide", () => {
    const r = run("{name: cert}", SERVED);
    expect(r.condition("ResolvedRefs")).toMatchObject({ status: "True" });
    expect(r.notes).toEqual([]);
  });
});
