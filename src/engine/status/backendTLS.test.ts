/**
 * Backend TLS (BackendTLSPolicy + Gateway spec.tls.backend): which backends the Gateway reaches
 * over TLS, with which SNI, and which client certificate it presents. The Secrets and ConfigMaps
 * are the conformance suite's real PEM data.
 */
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { analyze } from "../analyze";
import { compileRouter } from "../routing/compileRouter";
import { traceRequest } from "../simulate/traceRequest";
import { printTrace } from "../print/printTrace";

const NS = "gateway-conformance-infra";
const base = ["gatewayclass.yaml", "programmatic-resources.yaml"].map((f) => ({
  name: f,
  text: readFileSync(`fixtures/conformance/base/${f}`, "utf8"),
}));

const gateway = (name: string, tls: string): string => `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: ${name}, namespace: ${NS}}
spec:
  gatewayClassName: gwsim
  listeners:
    - {name: http, port: 80, protocol: HTTP}
${tls}`;

const YAML = [
  gateway(
    "with-cert",
    "  tls:\n    backend:\n      clientCertificateRef: {kind: Secret, name: tls-checks-client-certificate}\n",
  ),
  gateway("without-cert", ""),
  gateway(
    "bad-cert",
    "  tls:\n    backend:\n      clientCertificateRef: {kind: Secret, name: no-such-secret}\n",
  ),
  `apiVersion: v1
kind: Service
metadata: {name: secure, namespace: ${NS}}
spec:
  ports: [{name: https, port: 443}, {name: plain, port: 8080}]
---
apiVersion: v1
kind: Service
metadata: {name: dual, namespace: ${NS}}
spec:
  ports: [{name: quic, port: 443, protocol: UDP}, {name: https, port: 443, protocol: TCP}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: BackendTLSPolicy
metadata: {name: dual-https, namespace: ${NS}}
spec:
  targetRefs: [{group: "", kind: Service, name: dual, sectionName: https}]
  validation:
    caCertificateRefs: [{group: "", kind: ConfigMap, name: tls-checks-ca-certificate}]
    hostname: dual.example.com
---
apiVersion: v1
kind: Service
metadata: {name: whole, namespace: ${NS}}
spec:
  ports: [{port: 443}]
---
apiVersion: v1
kind: Service
metadata: {name: broken, namespace: ${NS}}
spec:
  ports: [{port: 443}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: BackendTLSPolicy
metadata: {name: secure-https, namespace: ${NS}}
spec:
  targetRefs: [{group: "", kind: Service, name: secure, sectionName: https}]
  validation:
    caCertificateRefs: [{group: "", kind: ConfigMap, name: tls-checks-ca-certificate}]
    hostname: secure.example.com
---
apiVersion: gateway.networking.k8s.io/v1
kind: BackendTLSPolicy
metadata: {name: whole-service, namespace: ${NS}}
spec:
  targetRefs: [{group: "", kind: Service, name: whole}]
  validation:
    caCertificateRefs: [{group: "", kind: ConfigMap, name: tls-checks-ca-certificate}]
    hostname: whole.example.com
---
apiVersion: gateway.networking.k8s.io/v1
kind: BackendTLSPolicy
metadata: {name: broken-ca, namespace: ${NS}}
spec:
  targetRefs: [{group: "", kind: Service, name: broken}]
  validation:
    caCertificateRefs: [{group: "", kind: ConfigMap, name: no-such-ca}]
    hostname: broken.example.com
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: app, namespace: ${NS}}
spec:
  parentRefs: [{name: with-cert}, {name: without-cert}, {name: bad-cert}]
  rules:
    - matches: [{path: {type: PathPrefix, value: /tls}}]
      backendRefs: [{name: secure, port: 443}]
    - matches: [{path: {type: PathPrefix, value: /plain}}]
      backendRefs: [{name: secure, port: 8080}]
    - matches: [{path: {type: PathPrefix, value: /dual}}]
      backendRefs: [{name: dual, port: 443}]
    - matches: [{path: {type: PathPrefix, value: /whole}}]
      backendRefs: [{name: whole, port: 443}]
    - matches: [{path: {type: PathPrefix, value: /broken}}]
      backendRefs: [{name: broken, port: 443}]
`,
].join("---\n");

describe("backend TLS", () => {
  const analysis = analyze([...base, { name: "backend-tls.yaml", text: YAML }]);
  const router = compileRouter(analysis);
  const backendTLS = (gw: string, path: string) => {
    const trace = traceRequest(router, {
      gateway: `${NS}/${gw}`,
      scheme: "http",
      host: "app.example.com",
      path,
    });
    expect(trace.outcome.status).toBe(200);
    return trace.outcome.request?.backendTLS;
  };

  test("an accepted policy for the port (sectionName) sets the SNI; the Gateway adds its client certificate", () => {
    expect(backendTLS("with-cert", "/tls")).toEqual({
      sni: "secure.example.com",
      clientCertificate: `${NS}/tls-checks-client-certificate`,
    });
  });

  test("the certificate belongs to the Gateway: the same route through another Gateway presents none", () => {
    expect(backendTLS("without-cert", "/tls")).toEqual({ sni: "secure.example.com" });
  });

  test("a clientCertificateRef that does not resolve is not presented", () => {
    expect(backendTLS("bad-cert", "/tls")).toEqual({ sni: "secure.example.com" });
  });

  test("another port of the same Service stays plain", () => {
    expect(backendTLS("with-cert", "/plain")).toBeUndefined();
  });

  test("a port number listed per protocol: sectionName names the TCP entry the Gateway connects to", () => {
    // 443/UDP (quic) is listed first; the Gateway's TLS connection goes to 443/TCP (https).
    expect(backendTLS("with-cert", "/dual")).toMatchObject({ sni: "dual.example.com" });
    expect(analysis.status[`BackendTLSPolicy/${NS}/dual-https`]).toMatchObject({
      ancestors: [{ conditions: [{ type: "Accepted", status: "True" }, {}] }, {}, {}],
    });
  });

  test("a policy without sectionName covers every port of the Service", () => {
    expect(backendTLS("with-cert", "/whole")).toEqual({
      sni: "whole.example.com",
      clientCertificate: `${NS}/tls-checks-client-certificate`,
    });
  });

  test("a policy that is not accepted (its CA ConfigMap is missing) sets no TLS", () => {
    expect(analysis.status[`BackendTLSPolicy/${NS}/broken-ca`]).toMatchObject({
      ancestors: [{ conditions: [{ type: "Accepted", status: "False" }, {}] }, {}, {}],
    });
    expect(backendTLS("with-cert", "/broken")).toBeUndefined();
  });
});

describe("backend TLS behind a TLS listener (TLSRoute)", () => {
  const listener = (name: string, port: number, mode: string, cert: string) =>
    `    - {name: ${name}, port: ${port}, protocol: TLS, hostname: tls.example.com, tls: {mode: ${mode}${cert}}}\n`;
  const route = (
    name: string,
    section: string,
    service: string,
  ) => `apiVersion: gateway.networking.k8s.io/v1
kind: TLSRoute
metadata: {name: ${name}, namespace: ${NS}}
spec:
  parentRefs: [{name: tls-gw, sectionName: ${section}}]
  hostnames: [tls.example.com]
  rules: [{backendRefs: [{name: ${service}, port: 8443}]}]
`;
  const service = (name: string) => `apiVersion: v1
kind: Service
metadata: {name: ${name}, namespace: ${NS}}
spec: {ports: [{name: btls, port: 8443}]}
`;
  const CERT = ", certificateRefs: [{name: tls-terminate-checks-certificate}]";
  const yaml = [
    `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: tls-gw, namespace: ${NS}}
spec:
  gatewayClassName: gwsim
  listeners:
${listener("terminate", 8443, "Terminate", CERT)}${listener("passthrough", 9443, "Passthrough", "")}`,
    route("reencrypt", "terminate", "secured"),
    route("passthrough", "passthrough", "secured-too"),
    service("secured"),
    service("secured-too"),
    service("plain"),
    `apiVersion: gateway.networking.k8s.io/v1
kind: BackendTLSPolicy
metadata: {name: secured, namespace: ${NS}}
spec:
  targetRefs: [{group: "", kind: Service, name: secured, sectionName: btls}, {group: "", kind: Service, name: secured-too}]
  validation:
    caCertificateRefs: [{group: "", kind: ConfigMap, name: tls-checks-ca-certificate}]
    hostname: abc.example.com
`,
  ].join("---\n");
  const analysis = analyze([...base, { name: "tls-route.yaml", text: yaml }]);
  const router = compileRouter(analysis);
  const streamAt = (port: number) =>
    traceRequest(router, {
      gateway: `${NS}/tls-gw`,
      scheme: "tls",
      port,
      sni: "tls.example.com",
    }).outcome.backendStream;

  test("Terminate re-encrypts to a backend a BackendTLSPolicy covers, with the policy's hostname as SNI", () => {
    expect(streamAt(8443)).toEqual({
      tls: true,
      sni: "abc.example.com",
      origin: "BackendTLSPolicy",
    });
    const trace = traceRequest(router, {
      gateway: `${NS}/tls-gw`,
      scheme: "tls",
      port: 8443,
      sni: "tls.example.com",
    });
    expect(printTrace(trace)).toContain(
      "Backend stream    TLS, SNI abc.example.com (re-encrypted by the Gateway per BackendTLSPolicy)",
    );
  });

  test("Passthrough forwards the client's TLS, whatever policy covers the backend", () => {
    expect(streamAt(9443)).toEqual({ tls: true, sni: "tls.example.com", origin: "passthrough" });
  });

  test("Terminate without a policy forwards plaintext", () => {
    const plain = analyze([
      ...base,
      {
        name: "plain.yaml",
        text: yaml.replace("name: secured, port: 8443", "name: plain, port: 8443"),
      },
    ]);
    const t = traceRequest(compileRouter(plain), {
      gateway: `${NS}/tls-gw`,
      scheme: "tls",
      port: 8443,
      sni: "tls.example.com",
    });
    expect(t.outcome.backendStream).toEqual({ tls: false });
  });
});

describe("an assumed CA ConfigMap (open world)", () => {
  const policyWith = (refs: string[]) => `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw, namespace: ${NS}}
spec:
  gatewayClassName: gwsim
  listeners: [{name: http, port: 80, protocol: HTTP}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: app, namespace: ${NS}}
spec:
  parentRefs: [{name: gw}]
  rules: [{backendRefs: [{name: secure, port: 443}]}]
---
apiVersion: v1
kind: Service
metadata: {name: secure, namespace: ${NS}}
spec:
  ports: [{name: https, port: 443}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: BackendTLSPolicy
metadata: {name: p, namespace: ${NS}}
spec:
  targetRefs: [{group: "", kind: Service, name: secure}]
  validation:
    caCertificateRefs: [${refs.map((r) => `{group: "", kind: ConfigMap, name: ${r}}`).join(", ")}]
    hostname: secure.example.com
`;
  const run = (refs: string[]) => {
    const analysis = analyze([...base, { name: "p.yaml", text: policyWith(refs) }], {
      world: "open",
    });
    const note = analysis.diagnostics.find(
      (d) => d.code === "assume.object" && d.message.startsWith("ConfigMap"),
    );
    return { analysis, message: note?.message ?? "" };
  };

  test("the words name the closed world's conditions and the Accepted status written under the assumption", () => {
    const { analysis, message } = run(["assumed-ca"]);
    expect(analysis.status[`BackendTLSPolicy/${NS}/p`]).toMatchObject({
      ancestors: [{ conditions: [{ type: "Accepted", status: "True" }, { status: "True" }] }],
    });
    expect(message).toContain(
      "In a closed world: ResolvedRefs=False (InvalidCACertificateRef) and Accepted=False (NoValidCACertificate); the status shown counts it as a valid CA bundle.",
    );
  });

  test("with another caCertificateRef, a closed world leaves the policy Accepted if that one is valid", () => {
    const { message } = run(["assumed-ca", "tls-checks-ca-certificate"]);
    expect(message).toContain(
      "the policy is not Accepted (NoValidCACertificate) unless another caCertificateRef holds a valid CA bundle",
    );
  });
});
