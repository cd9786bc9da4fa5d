/**
 * Secret `data` / ConfigMap `binaryData` values the API server cannot decode (a documentation
 * placeholder `LS0tLS1CRUdJTi...`, aws-application-networking-k8s files/examples): the object is
 * refused, and a listener naming the Secret must say why rather than "the Secret has no tls.crt".
 */
import { describe, expect, test } from "vitest";
import { analyze } from "../analyze";
import { describeIllegalBase64 } from "../x509/base64";
import type { GatewayStatus } from "../types";

const input = (data: string) => `apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: gc}
spec: {controllerName: example.com/c}
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw, namespace: default}
spec:
  gatewayClassName: gc
  listeners: [{name: https, protocol: HTTPS, port: 443, tls: {certificateRefs: [{name: cert}]}}]
---
apiVersion: v1
kind: Secret
metadata: {name: cert, namespace: default}
type: kubernetes.io/tls
data:
${data}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: cm, namespace: default}
binaryData:
  blob: "AAA"
`;

describe("base64 values of Secrets and ConfigMaps", () => {
  test("Go's padded standard encoding: CR/LF skipped, anything else outside it refused", () => {
    expect(describeIllegalBase64("SGVsbG8=")).toBeUndefined();
    expect(describeIllegalBase64("SGVs\r\nbG8=\n")).toBeUndefined();
    expect(describeIllegalBase64("")).toBeUndefined();
    expect(describeIllegalBase64("LS0tLS1CRUdJTi...")).toBe('the character "." at offset 14');
    expect(describeIllegalBase64("SGVs bG8=")).toBe('the character " " at offset 4');
    expect(describeIllegalBase64("SGVsbG8")).toMatch(/not a multiple of 4/);
    expect(describeIllegalBase64("SG=sbG8=")).toBe("data after '=' at offset 3");
    expect(describeIllegalBase64("S===")).toBe("a third '=' at offset 3");
  });

  test("an undecodable tls.crt is an error at the value, and the listener names it", () => {
    const analysis = analyze(
      [{ name: "in.yaml", text: input("  tls.crt: LS0tLS1CRUdJTi...\n  tls.key: SGVsbG8=") }],
      { world: "closed" },
    );
    const errors = analysis.diagnostics
      .filter((d) => d.code === "schema.pattern")
      .map((d) => [d.severity, d.path, d.line, d.objectKey]);
    expect(errors).toEqual([
      ["error", "data.tls.crt", 18, "Secret/default/cert"],
      ["error", "binaryData.blob", 25, "ConfigMap/default/cm"],
    ]);
    const listener = (analysis.status["Gateway/default/gw"] as GatewayStatus).listeners[0];
    const resolved = listener?.conditions.find((c) => c.type === "ResolvedRefs");
    expect(resolved).toMatchObject({ status: "False", reason: "InvalidCertificateRef" });
    expect(resolved?.message).toContain(
      'data.tls.crt is not valid base64 (the character "." at offset 14); the API server refuses the Secret',
    );
  });
});
