/** A TLS Secret whose key is not its certificate's: the listener is refused, and the Secret says why. */
import { describe, expect, test } from "vitest";
import { analyze } from "../analyze";
import * as K from "../testdata/x509Keys";
import type { GatewayStatus } from "../types";

const indent = (pem: string) => pem.trim().split("\n").join("\n    ");

const input = (crt: string, key: string) => `apiVersion: gateway.networking.k8s.io/v1
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
stringData:
  tls.crt: |
    ${indent(crt)}
  tls.key: |
    ${indent(key)}
`;

function run(crt: string, key: string) {
  const analysis = analyze([{ name: "in.yaml", text: input(crt, key) }], { world: "closed" });
  const listener = (analysis.status["Gateway/default/gw"] as GatewayStatus).listeners[0];
  const resolved = listener?.conditions.find((c) => c.type === "ResolvedRefs");
  const notes = analysis.diagnostics.filter((d) => d.code.startsWith("secret.tls-key"));
  return { resolved, notes };
}

describe("TLS Secret key pair", () => {
  test("a matching RSA pair and a matching P-256 pair: the listener resolves, nothing to say", () => {
    for (const [crt, key] of [
      [K.RSA_CRT, K.RSA_KEY_PKCS8],
      [K.EC_CRT, K.EC_KEY_SEC1_NO_PUBLIC],
    ] as const) {
      const r = run(crt, key);
      expect(r.resolved).toMatchObject({ status: "True" });
      expect(r.notes).toEqual([]);
    }
  });

  test("a key of another pair: ResolvedRefs=False InvalidCertificateRef, and a warning at tls.key", () => {
    const r = run(K.RSA_CRT, K.RSA_OTHER_KEY);
    expect(r.resolved).toMatchObject({ status: "False", reason: "InvalidCertificateRef" });
    expect(r.resolved?.message).toContain(
      "tls.key does not belong to the certificate in tls.crt (the RSA moduli differ)",
    );
    expect(r.notes.map((d) => [d.code, d.severity, d.path, d.line])).toEqual([
      ["secret.tls-key-mismatch", "warning", "stringData.tls.key", 38],
    ]);
  });

  test("a pair gwsim cannot read (Ed25519): a warning saying so, and the listener is not refused on a guess", () => {
    const r = run(K.ED25519_CRT, K.ED25519_KEY);
    expect(r.resolved).toMatchObject({ status: "True" });
    expect(r.notes.map((d) => [d.code, d.severity])).toEqual([
      ["secret.tls-key-unchecked", "warning"],
    ]);
    expect(r.notes[0]?.message).toContain("Ed25519 certificates are not compared");
  });
});
