/**
 * `group: core` (Linkerd's documentation, Kong's BackendTLSPolicy example): gwsim said the route
 * had "no status … parentRef kind core/Service is not a parent gwsim reconciles (Gateway,
 * ListenerSet, or core Service)" or "group "core" kind Service is not a supported backend (only
 * core Service)", with 0 warnings; now a warning at each such group says why.
 */
import { describe, expect, test } from "vitest";
import { analyze } from "../analyze";

const INPUT = `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: r, namespace: app}
spec:
  parentRefs: [{group: core, kind: Service, name: web, port: 80}, {group: "", kind: Service, name: web, port: 81}]
  rules:
  - backendRefs: [{group: core, kind: Service, name: web, port: 80}, {name: web, port: 80}]
    filters: [{type: RequestMirror, requestMirror: {backendRef: {group: core, name: m, port: 80}}}]
---
apiVersion: gateway.networking.k8s.io/v1beta1
kind: ReferenceGrant
metadata: {name: g, namespace: app}
spec:
  from: [{group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: other}]
  to: [{group: core, kind: Service}]
---
apiVersion: v1
kind: Service
metadata: {name: web, namespace: app}
spec: {ports: [{port: 80}]}
`;

describe("group: core", () => {
  test("the warning names the implementations that accept it at that reference", () => {
    const said = analyze([{ name: "in.yaml", text: INPUT }])
      .diagnostics.filter((d) => d.code === "ref.core-group-spelling")
      .map((d) => [d.path, d.message.includes("Linkerd"), d.message.includes("Traefik")]);
    // Traefik reads only the Gateway API group in a parentRef (and has no mesh).
    expect(said).toEqual([
      ["spec.parentRefs[0].group", true, false],
      ["spec.rules[0].backendRefs[0].group", true, true],
      ["spec.rules[0].filters[0].requestMirror.backendRef.group", true, false],
      ["spec.to[0].group", true, true],
    ]);
  });

  test("a warning at each reference that spells the core group 'core', none elsewhere", () => {
    const found = analyze([{ name: "in.yaml", text: INPUT }])
      .diagnostics.filter((d) => d.code === "ref.core-group-spelling")
      .map((d) => [d.severity, d.path, d.line]);
    expect(found).toEqual([
      ["warning", "spec.parentRefs[0].group", 5],
      ["warning", "spec.rules[0].backendRefs[0].group", 7],
      ["warning", "spec.rules[0].filters[0].requestMirror.backendRef.group", 8],
      ["warning", "spec.to[0].group", 15],
    ]);
  });
});

const CERTIFICATES = `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw, namespace: app}
spec:
  gatewayClassName: c
  listeners:
  - {name: a, protocol: HTTP, port: 80}
  - name: b
    protocol: HTTPS
    port: 443
    tls: {certificateRefs: [{name: ok}, {group: core, kind: Secret, name: bad}]}
---
apiVersion: gateway.networking.k8s.io/v1
kind: BackendTLSPolicy
metadata: {name: p, namespace: app}
spec:
  targetRefs: [{group: "", kind: Service, name: web}, {group: core, kind: Service, name: web2}]
  validation:
    hostname: web.example.com
    caCertificateRefs: [{group: core, kind: ConfigMap, name: ca}]
`;

test("certificateRefs, targetRefs and caCertificateRefs: a warning at the entry that spells it, by its index", () => {
  const found = analyze([{ name: "in.yaml", text: CERTIFICATES }])
    .diagnostics.filter((d) => d.code === "ref.core-group-spelling")
    .map((d) => [d.path, d.line]);
  expect(found).toEqual([
    ["spec.listeners[1].tls.certificateRefs[1].group", 11],
    ["spec.targetRefs[1].group", 17],
    ["spec.validation.caCertificateRefs[0].group", 20],
  ]);
});
