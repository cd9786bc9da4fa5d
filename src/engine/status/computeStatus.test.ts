/**
 * The model routing reads and the reasoning behind status, built from small hand-made inputs.
 * Status itself is covered by the goldens and the conformance expectations.
 */
import { describe, expect, test } from "vitest";
import {
  aGateway,
  aGatewayClass,
  aManifest,
  anHTTPRoute,
  aNamespace,
  aService,
  lineOfObjectLocator,
} from "../../test-utils/manifests";
import { indexResources } from "../resolve/indexResources";
import type { Manifest } from "../types";
import type { WorldMode } from "../resolve/world";
import { computeStatus } from "./computeStatus";

const run = (manifests: Manifest[], world: WorldMode = "auto") =>
  computeStatus(indexResources(manifests, world), lineOfObjectLocator, {
    clock: () => "2026-01-01T00:00:00Z",
  });

describe('computeStatus: explain answers "why is my route not attached"', () => {
  test("each candidate listener lists its checks with the values compared", () => {
    const result = run([
      aGatewayClass(),
      aNamespace("app", { team: "a" }),
      aGateway("infra", "gw", [
        { name: "internal", port: 80, protocol: "HTTP" },
        {
          name: "public",
          port: 80,
          protocol: "HTTP",
          hostname: "www.example.com",
          allowedRoutes: {
            namespaces: { from: "Selector", selector: { matchLabels: { team: "b" } } },
          },
        },
      ]),
      anHTTPRoute("app", "r", {
        parentRefs: [{ name: "gw", namespace: "infra" }],
        hostnames: ["www.example.com"],
      }),
    ]);
    const [explain] = result.explain;
    expect(explain).toMatchObject({
      route: "HTTPRoute/app/r",
      parentRefIndex: 0,
      parent: "Gateway/infra/gw",
      accepted: false,
      reason: "NotAllowedByListeners",
    });
    expect(
      explain?.listeners.map((l) => [
        l.listener,
        l.attached,
        l.checks.filter((c) => !c.pass).map((c) => c.detail),
      ]),
    ).toEqual([
      [
        "internal",
        false,
        ["listener internal allows routes from namespaces Same (infra); route is in app"],
      ],
      [
        "public",
        false,
        [
          "listener public allows routes from namespaces Selector (team=b); route is in app, which does not match: requires team=b, has team=a",
        ],
      ],
    ]);
    expect(result.attachments).toEqual([]);
  });

  test("a parentRef to a missing Gateway has no status entry, a noStatusReason and a located warning", () => {
    const route = anHTTPRoute("app", "r", { parentRefs: [{ name: "nope" }] });
    const result = run([aGatewayClass(), route], "closed");
    expect(result.status["HTTPRoute/app/r"]).toBeUndefined();
    expect(result.explain[0]?.noStatusReason).toContain("Gateway app/nope is not in the input");
    expect(result.diagnostics).toEqual([
      expect.objectContaining({
        code: "ref.not-found",
        severity: "warning",
        file: "test.yaml",
        line: route.source.line,
        path: "spec.parentRefs[0]",
        object: { kind: "HTTPRoute", namespace: "app", name: "r" },
      }),
    ]);
  });
});

describe("computeStatus: the resolved model for routing", () => {
  const manifests = () => [
    aGatewayClass(),
    aGateway("infra", "gw", [
      {
        name: "http",
        port: 80,
        protocol: "HTTP",
        hostname: "*.example.com",
        allowedRoutes: { namespaces: { from: "All" } },
      },
      { name: "tcp", port: 80, protocol: "TCP" },
      { name: "alt", port: 8080, protocol: "HTTP" },
    ]),
    aService("app", "web"),
    aService("app", "shadow"),
    anHTTPRoute("app", "r", {
      parentRefs: [{ name: "gw", namespace: "infra", sectionName: "http" }],
      hostnames: ["a.example.com", "a.example.org"],
      rules: [
        {
          filters: [
            {
              type: "RequestMirror",
              requestMirror: { backendRef: { name: "shadow", port: 8080 } },
            },
          ],
          backendRefs: [
            { name: "web", port: 8080 },
            { name: "missing", port: 8080, weight: 3 },
          ],
        },
        {
          matches: [{ path: { type: "RegularExpression", value: "(" } }],
          backendRefs: [{ name: "web", port: 8080 }],
        },
      ],
    }),
  ];

  test("gateways carry every listener with its readiness; conflicted listeners are not ready", () => {
    const [gw] = run(manifests()).gateways;
    expect(gw?.listeners.map((l) => [l.name, l.protocol, l.ready, l.supportedKinds])).toEqual([
      ["http", "HTTP", false, ["HTTPRoute", "GRPCRoute"]],
      ["tcp", "TCP", false, ["TCPRoute"]],
      ["alt", "HTTP", true, ["HTTPRoute", "GRPCRoute"]],
    ]);
  });

  test("a Gateway whose class is missing is in the model, unreconciled, with no listener ready and no status", () => {
    const result = run(
      [aGateway("infra", "lonely", [{ name: "http", port: 80, protocol: "HTTP" }])],
      "closed",
    );
    expect(result.gateways).toEqual([
      {
        key: "Gateway/infra/lonely",
        namespace: "infra",
        name: "lonely",
        className: "gwsim",
        reconciled: false,
        listeners: [
          {
            gateway: "Gateway/infra/lonely",
            owner: "Gateway/infra/lonely",
            name: "http",
            port: 80,
            protocol: "HTTP",
            ready: false,
            supportedKinds: ["HTTPRoute", "GRPCRoute"],
          },
        ],
      },
    ]);
    expect(result.status).toEqual({});
    expect(result.diagnostics.map((d) => d.code)).toEqual(["ref.not-found"]);
  });

  test("attachments carry the intersected hostnames; a route still attaches to a conflicted listener", () => {
    expect(run(manifests()).attachments).toEqual([
      {
        route: "HTTPRoute/app/r",
        parentRefIndex: 0,
        gateway: "Gateway/infra/gw",
        listener: "http",
        owner: "Gateway/infra/gw",
        hostnames: ["a.example.com"],
      },
    ]);
  });

  test("routes carry resolved backends (weight default 1), mirror backends and dropped rules", () => {
    const [route] = run(manifests()).routes;
    const [rule0, rule1] = route?.rules ?? [];
    expect(rule0?.backendRefs.map((b) => [b.name, b.weight, b.valid, b.reason, b.target])).toEqual([
      ["web", 1, true, undefined, "Service/app/web"],
      ["missing", 3, false, "BackendNotFound", undefined],
    ]);
    expect(rule0?.filters[0]?.mirrorBackend).toMatchObject({
      name: "shadow",
      valid: true,
      target: "Service/app/shadow",
    });
    expect(rule1).toMatchObject({ index: 1, valid: false, invalidReason: "UnsupportedValue" });
  });

  test("policies: targetRefs of opaque policy objects and parametersRef links are resolved", () => {
    const policy = aManifest({
      apiVersion: "gateway.envoyproxy.io/v1alpha1",
      kind: "SecurityPolicy",
      metadata: { name: "auth", namespace: "infra" },
      spec: {
        targetRefs: [
          { group: "gateway.networking.k8s.io", kind: "Gateway", name: "gw" },
          { group: "gateway.networking.k8s.io", kind: "HTTPRoute", name: "gone" },
        ],
      },
    });
    const proxy = aManifest({
      apiVersion: "gateway.envoyproxy.io/v1alpha1",
      kind: "EnvoyProxy",
      metadata: { name: "proxy", namespace: "envoy" },
      spec: {},
    });
    const cls = aGatewayClass("eg", {
      parametersRef: {
        group: "gateway.envoyproxy.io",
        kind: "EnvoyProxy",
        name: "proxy",
        namespace: "envoy",
      },
    });
    // Closed: auto would assume the HTTPRoute the input lacks (computeEffectivePolicies.test.ts).
    const result = run([...manifests(), policy, proxy, cls], "closed");
    expect(result.policies).toEqual([
      {
        policy: "SecurityPolicy/infra/auth",
        policyKind: "SecurityPolicy",
        targetRefIndex: 0,
        targetRef: {
          group: "gateway.networking.k8s.io",
          kind: "Gateway",
          name: "gw",
          namespace: "infra",
        },
        target: "Gateway/infra/gw",
      },
      {
        policy: "SecurityPolicy/infra/auth",
        policyKind: "SecurityPolicy",
        targetRefIndex: 1,
        targetRef: {
          group: "gateway.networking.k8s.io",
          kind: "HTTPRoute",
          name: "gone",
          namespace: "infra",
        },
      },
      {
        policy: "EnvoyProxy/envoy/proxy",
        policyKind: "EnvoyProxy",
        targetRefIndex: 0,
        targetRef: {
          group: "gateway.networking.k8s.io",
          kind: "GatewayClass",
          name: "eg",
          namespace: "",
        },
        target: "GatewayClass//eg",
      },
    ]);
    expect(
      result.diagnostics.filter((d) => d.object?.kind === "SecurityPolicy").map((d) => d.message),
    ).toEqual(["SecurityPolicy targets HTTPRoute infra/gone, which is not in the input."]);
  });

  test("a policy target the input holds in another group is a wrong group, not a missing object", () => {
    // NGINX Gateway Fabric's examples/upstream-settings-policy writes `group: core`.
    const policy = aManifest({
      apiVersion: "gateway.nginx.org/v1alpha1",
      kind: "UpstreamSettingsPolicy",
      metadata: { name: "zone", namespace: "app" },
      spec: {
        targetRefs: [
          { group: "core", kind: "Service", name: "tea" },
          { group: "gateway.networking.k8s.io", kind: "Service", name: "tea" },
          { group: "", kind: "Service", name: "gone" },
        ],
      },
    });
    const found = run([aService("app", "tea"), policy], "closed").diagnostics.filter(
      (d) => d.object?.kind === "UpstreamSettingsPolicy",
    );
    expect(found.map((d) => [d.code, d.path])).toEqual([
      ["ref.core-group-spelling", "spec.targetRefs[0].group"],
      ["ref.not-found", "spec.targetRefs[1].group"],
      ["ref.not-found", "spec.targetRefs"],
    ]);
    expect(found[0]?.message).toContain('Service app/tea with group "core", but the input holds');
    expect(found[1]?.message).toBe(
      'UpstreamSettingsPolicy targets Service app/tea in group gateway.networking.k8s.io, but the input holds Service app/tea in the core API group (""), so the policy has no target.',
    );
    expect(found[2]?.message).toBe(
      "UpstreamSettingsPolicy targets Service app/gone, which is not in the input.",
    );
  });

  test("a cluster-scoped policy target is looked up and named without the policy's namespace", () => {
    const policy = aManifest({
      apiVersion: "example.com/v1",
      kind: "TrafficPolicy",
      metadata: { name: "p", namespace: "app" },
      spec: {
        targetRefs: [
          { group: "", kind: "Namespace", name: "team-a" },
          { group: "", kind: "Namespace", name: "gone" },
          { group: "gateway.networking.k8s.io", kind: "GatewayClass", name: "missing-class" },
        ],
      },
    });
    const result = run([aNamespace("team-a"), policy], "closed");
    expect(result.policies.map((p) => p.target)).toEqual([
      "Namespace//team-a",
      undefined,
      undefined,
    ]);
    expect(
      result.diagnostics.filter((d) => d.object?.kind === "TrafficPolicy").map((d) => d.message),
    ).toEqual([
      "TrafficPolicy targets Namespace gone, which is not in the input.",
      "TrafficPolicy targets GatewayClass missing-class, which is not in the input.",
    ]);
  });

  test("observedGeneration and lastTransitionTime come from the object and the clock", () => {
    const route = anHTTPRoute("infra", "r", { parentRefs: [{ name: "gw" }] }, { generation: 7 });
    const status = run([
      aGatewayClass(),
      aGateway("infra", "gw", [{ name: "http", port: 80, protocol: "HTTP" }]),
      route,
    ]).status["HTTPRoute/infra/r"];
    expect(status).toMatchObject({
      parents: [
        {
          conditions: [
            { type: "Accepted", observedGeneration: 7, lastTransitionTime: "2026-01-01T00:00:00Z" },
            { type: "ResolvedRefs", observedGeneration: 7 },
          ],
        },
      ],
    });
  });
});

describe("computeStatus: an HTTPS listener without a certificate", () => {
  const resolvedRefs = (tls: Record<string, unknown> | undefined) => {
    const listener: Record<string, unknown> = { name: "https", port: 443, protocol: "HTTPS" };
    if (tls) listener["tls"] = tls;
    const status = run([aGatewayClass(), aGateway("infra", "gw", [listener])]).status[
      "Gateway/infra/gw"
    ] as { listeners: { conditions: { type: string; reason: string; message: string }[] }[] };
    return status.listeners[0]?.conditions.find((c) => c.type === "ResolvedRefs");
  };

  test("with no tls section at all, says the tls section is missing, not that a mode is set", () => {
    const c = resolvedRefs(undefined);
    expect(c?.reason).toBe("InvalidCertificateRef");
    expect(c?.message).toMatch(/^HTTPS listener has no tls section/);
    expect(c?.message).not.toContain("Terminate mode");
  });

  test("with a tls section in Terminate mode and no certificateRefs, names the empty list", () => {
    const c = resolvedRefs({ mode: "Terminate" });
    expect(c?.reason).toBe("InvalidCertificateRef");
    expect(c?.message).toBe("HTTPS listener in Terminate mode has no tls.certificateRefs");
  });

  // GKE's pre-shared certificates and Istio's tls.yaml testdata (ISTIO_MUTUAL): the CRD's rule is
  // "certificateRefs or options must be specified when mode is Terminate"; gwsim said
  // InvalidCertificateRef and Programmed=False for a listener the API admits as complete.
  test.each([
    { "networking.gke.io/pre-shared-certs": "store-example-com" },
    { "gateway.istio.io/tls-terminate-mode": "ISTIO_MUTUAL" },
  ])("with options and no certificateRefs, the options name the certificate: %o", (options) => {
    const c = resolvedRefs({ mode: "Terminate", options });
    expect(c).toMatchObject({ status: "True", reason: "ResolvedRefs" });
  });

  test("empty options are no certificate source", () => {
    expect(resolvedRefs({ mode: "Terminate", options: {} })?.reason).toBe("InvalidCertificateRef");
  });
});

describe("computeStatus: a Gateway that names no GatewayClass", () => {
  test("is reconciled by no controller in any world: no class named '' is assumed or looked up", () => {
    const gw = aManifest({
      apiVersion: "gateway.networking.k8s.io/v1",
      kind: "Gateway",
      metadata: { name: "gw", namespace: "infra" },
      spec: { listeners: [{ name: "http", port: 80, protocol: "HTTP" }] },
    });
    const route = anHTTPRoute("infra", "r", { parentRefs: [{ name: "gw" }] });
    for (const world of ["auto", "open", "closed"] as const) {
      const result = run([gw, route], world);
      expect(result.explain[0]?.noStatusReason, world).toBe(
        "Gateway infra/gw is not reconciled: it names no GatewayClass (spec.gatewayClassName is required); no controller writes status for it",
      );
      expect(result.status["Gateway/infra/gw"], world).toBeUndefined();
      expect(result.assumptions, world).toEqual([]);
      expect(
        result.diagnostics.filter((d) => d.path === "spec.gatewayClassName"),
        world,
      ).toEqual([]);
    }
  });
});
