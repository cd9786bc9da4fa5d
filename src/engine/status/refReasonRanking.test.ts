/**
 * A ResolvedRefs condition carries one reason however many refs fail: the reason must follow the
 * spec's words, never the order the refs are written in (leadingProblem.ts).
 */
import { describe, expect, test } from "vitest";
import { analyze } from "../analyze";
import type { AnalyzeOptions, Condition, GatewayStatus, RouteStatus } from "../types";

const PREAMBLE = `apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: gc}
spec: {controllerName: example.com/c}
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
kind: Secret
metadata: {name: other, namespace: elsewhere}
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
apiVersion: v1
kind: Service
metadata: {name: far, namespace: elsewhere}
spec: {ports: [{port: 80}]}
`;

const gateway = (certificateRefs: string, extra = "") => `---
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
${extra}`;

function listenerResolvedRefs(yaml: string, options: AnalyzeOptions = { world: "closed" }) {
  const analysis = analyze([{ name: "in.yaml", text: PREAMBLE + yaml }], options);
  const listener = (analysis.status["Gateway/default/gw"] as GatewayStatus).listeners[0];
  return listener?.conditions.find((c) => c.type === "ResolvedRefs");
}

const MISSING = "{name: gone}";
const REFUSED = "{name: other, namespace: elsewhere}";
const SERVED: AnalyzeOptions = {
  world: "closed",
  readings: { partlyInvalidCertificateRefs: "valid-ones-served" },
};

describe("listener certificateRefs failing in two ways", () => {
  test.each([
    ["missing first", `${MISSING}, ${REFUSED}`],
    ["refused first", `${REFUSED}, ${MISSING}`],
  ])(
    "a ref no grant allows gives RefNotPermitted, the missing one is in the message (%s)",
    (_, refs) => {
      const c = listenerResolvedRefs(gateway(refs));
      expect(c).toMatchObject({ status: "False", reason: "RefNotPermitted" });
      expect(c?.message).toContain("Secret default/gone");
      expect(c?.message).toContain("Secret elsewhere/other");
    },
  );

  test("a wrong kind and a refused ref: RefNotPermitted", () => {
    const c = listenerResolvedRefs(
      gateway(`{group: example.com, kind: Vault, name: v}, ${REFUSED}`),
    );
    expect(c).toMatchObject({ reason: "RefNotPermitted" });
  });

  test("under valid-ones-served, a missing ref after a refused one still gives RefNotPermitted", () => {
    const c = listenerResolvedRefs(gateway(`{name: cert}, ${MISSING}, ${REFUSED}`), SERVED);
    expect(c).toMatchObject({ status: "False", reason: "RefNotPermitted" });
  });

  test("a refused certificate and an invalid route kind: RefNotPermitted", () => {
    const yaml = gateway(REFUSED).replace(
      "      tls:",
      "      allowedRoutes: {kinds: [{kind: TCPRoute}]}\n      tls:",
    );
    const c = listenerResolvedRefs(yaml);
    expect(c).toMatchObject({ reason: "RefNotPermitted" });
    expect(c?.message).toContain("TCPRoute");
  });
});

const route = (backendRefs: string) => `---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: r, namespace: default}
spec:
  parentRefs: [{name: gw}]
  rules: [{backendRefs: [${backendRefs}]}]
`;

function routeResolvedRefs(backendRefs: string): Condition | undefined {
  const yaml = gateway("{name: cert}") + route(backendRefs);
  const analysis = analyze([{ name: "in.yaml", text: PREAMBLE + yaml }], { world: "closed" });
  const status = analysis.status["HTTPRoute/default/r"] as RouteStatus;
  return status.parents[0]?.conditions.find((c) => c.type === "ResolvedRefs");
}

const NOT_FOUND = "{name: nowhere, port: 80}";
const NOT_PERMITTED = "{name: far, namespace: elsewhere, port: 80}";
const BAD_KIND = "{group: example.com, kind: Bucket, name: b}";

describe("route backendRefs failing in several ways", () => {
  test.each([
    [`${NOT_FOUND}, ${NOT_PERMITTED}`],
    [`${NOT_PERMITTED}, ${NOT_FOUND}`],
    [`${BAD_KIND}, ${NOT_PERMITTED}`],
  ])("RefNotPermitted whatever the order: %s", (refs) => {
    const c = routeResolvedRefs(refs);
    expect(c).toMatchObject({ status: "False", reason: "RefNotPermitted" });
  });

  test.each([[`${NOT_FOUND}, ${BAD_KIND}`], [`${BAD_KIND}, ${NOT_FOUND}`]])(
    "BackendNotFound before InvalidKind (alphabetical, as Envoy Gateway sorts them): %s",
    (refs) => {
      const c = routeResolvedRefs(refs);
      expect(c).toMatchObject({ reason: "BackendNotFound" });
      expect(c?.message).toContain("Bucket");
    },
  );
});

const policy = (caCertificateRefs: string) => `---
apiVersion: v1
kind: ConfigMap
metadata: {name: ca, namespace: default}
data:
  ca.crt: "-----BEGIN CERTIFICATE-----\\nMIIB\\n-----END CERTIFICATE-----\\n"
---
apiVersion: gateway.networking.k8s.io/v1
kind: BackendTLSPolicy
metadata: {name: p, namespace: default}
spec:
  targetRefs: [{group: "", kind: Service, name: web}]
  validation:
    hostname: web.example.com
    caCertificateRefs: [${caCertificateRefs}]
`;

function policyConditions(caCertificateRefs: string) {
  const yaml = gateway("{name: cert}") + route("{name: web, port: 80}") + policy(caCertificateRefs);
  const analysis = analyze([{ name: "in.yaml", text: PREAMBLE + yaml }], { world: "closed" });
  const status = analysis.status["BackendTLSPolicy/default/p"] as {
    ancestors: { conditions: Condition[] }[];
  };
  const conditions = status.ancestors[0]?.conditions ?? [];
  const notFound = analysis.diagnostics.filter((d) => d.code === "ref.not-found");
  return { condition: (type: string) => conditions.find((c) => c.type === type), notFound };
}

const CA = "{group: '', kind: ConfigMap, name: ca}";
const CA_MISSING = "{group: '', kind: ConfigMap, name: lost}";
const CA_BAD_KIND = "{group: '', kind: Secret, name: s}";

describe("BackendTLSPolicy caCertificateRefs failing in several ways", () => {
  test.each([[`${CA_BAD_KIND}, ${CA_MISSING}`], [`${CA_MISSING}, ${CA_BAD_KIND}`]])(
    "every ref is checked and InvalidCACertificateRef leads whatever the order: %s",
    (refs) => {
      const r = policyConditions(refs);
      expect(r.condition("ResolvedRefs")).toMatchObject({
        status: "False",
        reason: "InvalidCACertificateRef",
      });
      expect(r.condition("ResolvedRefs")?.message).toContain("Secret s");
      expect(r.condition("ResolvedRefs")?.message).toContain("ConfigMap lost");
      expect(r.condition("Accepted")).toMatchObject({
        status: "False",
        reason: "NoValidCACertificate",
      });
      expect(r.notFound).toHaveLength(1);
    },
  );

  test("one invalid ref among valid ones: Accepted (only ALL invalid is NoValidCACertificate), ResolvedRefs=False", () => {
    const r = policyConditions(`${CA_MISSING}, ${CA}`);
    expect(r.condition("Accepted")).toMatchObject({ status: "True" });
    expect(r.condition("ResolvedRefs")).toMatchObject({
      status: "False",
      reason: "InvalidCACertificateRef",
    });
  });
});
