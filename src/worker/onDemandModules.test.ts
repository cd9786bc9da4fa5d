import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, test, vi } from "vitest";
import type { SourceFile } from "../engine";
import { createEngineApi } from "./engineApi";
import { createRevisionCache } from "./revisionCache";

const EXAMPLES = new URL("../../fixtures/examples/", import.meta.url);
const read = (name: string) => readFileSync(new URL(name, EXAMPLES), "utf8");
const clock = () => "2026-01-01T00:00:00Z";

/** A document quickParse gives up on (an anchor and an alias): only the `yaml` library reads it. */
const ANCHORED = `apiVersion: v1
kind: Service
metadata:
  name: anchored
  namespace: &ns store
  labels: { team: *ns }
spec:
  ports: [{ port: 80 }]
`;

/** A catch-all regular expression ranked above a prefix match: lint proves the prefix shadowed. */
const SHADOWING_ROUTES = ["catch-all", "api"]
  .map(
    (name) => `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: { name: ${name}, namespace: app }
spec:
  parentRefs: [{ name: web, namespace: infra }]
  hostnames: [shop.example.com]
  rules:
    - matches: [{ path: ${name === "api" ? "{ type: PathPrefix, value: /api }" : '{ type: RegularExpression, value: "/.*" }'} }]
      backendRefs: [{ name: svc, port: 8080 }]
`,
  )
  .join("---\n");

const SHADOWING_CLUSTER = `apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: { name: example }
spec: { controllerName: gwsim.dev/controller }
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: { name: web, namespace: infra }
spec:
  gatewayClassName: example
  listeners: [{ name: http, protocol: HTTP, port: 80, allowedRoutes: { namespaces: { from: All } } }]
---
apiVersion: v1
kind: Service
metadata: { name: svc, namespace: app }
spec: { ports: [{ port: 8080 }] }
`;

/**
 * The engine and worker modules evaluated afresh (vi.resetModules): a registry in which no
 * on-demand module is loaded yet, as in the worker after its first chunk ran. The test file's own
 * imports above keep the registry the setup file filled (everything loaded): the reference.
 */
async function freshWorker() {
  vi.resetModules();
  const modules = await import("../engine/modules");
  const { createEngineApi: create } = await import("./engineApi");
  const { createRevisionCache: cache } = await import("./revisionCache");
  const { withOnDemandModules } = await import("./onDemandModules");
  const raw = create(cache({ clock }));
  return { modules, raw, api: withOnDemandModules(raw), withOnDemandModules };
}

const preloaded = () => createEngineApi(createRevisionCache({ clock }));

describe("the worker loads an on-demand engine module when a revision needs it, and retries", () => {
  test("the default example's first analysis runs without `yaml`", async () => {
    const { modules, api } = await freshWorker();
    const sources = [{ name: "workspace.yaml", text: read("shared-gateway-two-teams.yaml") }];
    const result = await api.analyze(1, sources);
    for (const name of [
      "yaml",
      "incremental",
      "drift",
      "ingress",
      "backendTls",
      "policy",
      "shadowProof",
      "re2",
      "kindSchemas",
      "routeFilters",
      "diagnosticWords",
      "implementationSupport",
      "gatewayAddresses",
      "hostnameOverlaps",
      "jsonStream",
    ] as const)
      expect([name, modules.isEngineModuleLoaded(name)]).toEqual([name, false]);
    expect(result).toEqual(preloaded().analyze(1, sources));
  });

  test.each([
    ["cluster-dump-with-drift.yaml", "drift"],
    ["ingress-nginx-migration.yaml", "ingress"],
  ] as const)(
    "%s loads the %s module, and answers what a preloaded worker answers",
    async (example, module) => {
      const { modules, api } = await freshWorker();
      const sources = [{ name: "workspace.yaml", text: read(example) }];
      const result = await api.analyze(1, sources);
      expect(modules.isEngineModuleLoaded(module)).toBe(true);
      expect(result).toEqual(preloaded().analyze(1, sources));
    },
  );

  test("a shadowed match loads the shadowProof module, and its finding (with the proving request) equals a preloaded worker's", async () => {
    const { modules, api } = await freshWorker();
    const text = `${SHADOWING_CLUSTER}---\n${SHADOWING_ROUTES}`;
    const sources = [{ name: "workspace.yaml", text }];
    const result = await api.analyze(1, sources);
    expect(modules.isEngineModuleLoaded("shadowProof")).toBe(true);
    expect(result).toEqual(preloaded().analyze(1, sources));
    const shadowed = result.analysis.diagnostics.filter((d) => d.code === "lint.shadowed-match");
    expect(shadowed.map((d) => d.message)).toEqual([expect.stringContaining("For example,")]);
  });

  test("a BackendTLSPolicy loads the backendTls module: its status, rules and SNI marks equal a preloaded worker's", async () => {
    const { modules, api } = await freshWorker();
    const policy = (name: string, validation: string) => `apiVersion: gateway.networking.k8s.io/v1
kind: BackendTLSPolicy
metadata: { name: ${name}, namespace: team-a }
spec:
  targetRefs: [{ group: "", kind: Service, name: store-api }]
  validation: ${validation}
`;
    const text = [
      read("shared-gateway-two-teams.yaml"),
      policy("api-tls", "{ hostname: api.internal, wellKnownCACertificates: System }"),
      // Both CA sources: a CEL rule of BackendTLSPolicy refuses it (validation, also on demand).
      policy(
        "both-sources",
        "{ hostname: api.internal, wellKnownCACertificates: System, caCertificateRefs: [{ group: '', kind: ConfigMap, name: ca }] }",
      ),
    ].join("\n---\n");
    const sources = [{ name: "workspace.yaml", text }];
    const result = await api.analyze(1, sources);
    expect(modules.isEngineModuleLoaded("backendTls")).toBe(true);
    expect(result).toEqual(preloaded().analyze(1, sources));
    const json = JSON.stringify(result);
    expect(json).toContain("must not contain both CACertificateRefs and WellKnownCACertificates");
    expect(json).toContain('"sni":"api.internal"');
  });

  test("envoy-gateway-policies.yaml (policies attached to its objects) loads the policy module, and equals a preloaded worker's", async () => {
    const { modules, api } = await freshWorker();
    const sources = [{ name: "workspace.yaml", text: read("envoy-gateway-policies.yaml") }];
    const result = await api.analyze(1, sources);
    expect(modules.isEngineModuleLoaded("policy")).toBe(true);
    expect(result).toEqual(preloaded().analyze(1, sources));
    expect(Object.keys(result.analysis.effectivePolicies).length).toBeGreaterThan(0);
  });

  test("an IngressClass alone loads the ingress module for its validation, and equals a preloaded worker's", async () => {
    const { modules, api } = await freshWorker();
    const text = `apiVersion: networking.k8s.io/v1
kind: IngressClass
metadata: { name: nginx }
spec: { controller: k8s.io/ingress-nginx, unknownField: 1 }
`;
    const sources = [{ name: "workspace.yaml", text }];
    const result = await api.analyze(1, sources);
    expect(modules.isEngineModuleLoaded("ingress")).toBe(true);
    expect(result).toEqual(preloaded().analyze(1, sources));
    expect(JSON.stringify(result)).toContain("unknownField");
  });

  test("a RegularExpression match loads re2 (an invalid one diagnosticWords too), and the analysis (its invalid regex included) equals a preloaded worker's", async () => {
    const { modules, api } = await freshWorker();
    const route = (name: string, match: string) => `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: { name: ${name}, namespace: app }
spec:
  parentRefs: [{ name: web, namespace: infra }]
  rules:
    - matches: [${match}]
      backendRefs: [{ name: svc, port: 8080 }]
`;
    const text = [
      SHADOWING_CLUSTER,
      route("by-header", '{ headers: [{ type: RegularExpression, name: x-id, value: "[0-9]+" }] }'),
      route("broken", '{ path: { type: RegularExpression, value: "/(a" } }'),
    ].join("---\n");
    const sources = [{ name: "workspace.yaml", text }];
    expect(modules.isEngineModuleLoaded("re2")).toBe(false);
    const result = await api.analyze(1, sources);
    expect(modules.isEngineModuleLoaded("re2")).toBe(true);
    // The dropped rule's located warning is worded by diagnosticWords, loaded on demand too.
    expect(modules.isEngineModuleLoaded("diagnosticWords")).toBe(true);
    expect(result).toEqual(preloaded().analyze(1, sources));
    expect(result.analysis.diagnostics.map((d) => d.code)).toContain("rule.regex-not-re2");
    // The invalid pattern's RE2 error is in the result, as RE2 words it.
    expect(JSON.stringify(result)).toContain(
      "is not a valid RE2 regular expression: error parsing",
    );
  });

  test.each([
    ["GRPCRoute", "grpc-method-routing-with-header-canary.yaml"],
    ["TLSRoute", "tls-passthrough.yaml"],
  ] as const)(
    "a %s (%s) loads the kindSchemas module for its validation, and equals a preloaded worker's",
    async (kind, example) => {
      const { modules, api } = await freshWorker();
      const text = read(example);
      expect(text).toContain(`kind: ${kind}`);
      const sources = [{ name: "workspace.yaml", text }];
      const result = await api.analyze(1, sources);
      expect(modules.isEngineModuleLoaded("kindSchemas")).toBe(true);
      expect(result).toEqual(preloaded().analyze(1, sources));
    },
  );

  test("a ListenerSet's schema error, found with the kindSchemas module loaded on demand, equals a preloaded worker's", async () => {
    const { modules, api } = await freshWorker();
    const text = `${SHADOWING_CLUSTER}---
apiVersion: gateway.networking.k8s.io/v1
kind: ListenerSet
metadata: { name: extra, namespace: infra }
spec:
  parentRef: { name: web }
  listeners: [{ name: extra, protocol: HTTP, port: 99999 }]
`;
    const sources = [{ name: "workspace.yaml", text }];
    const result = await api.analyze(1, sources);
    expect(modules.isEngineModuleLoaded("kindSchemas")).toBe(true);
    expect(result).toEqual(preloaded().analyze(1, sources));
    const schemaErrors = result.analysis.diagnostics.filter((d) => d.code.startsWith("schema."));
    expect(schemaErrors.map((d) => d.message)).toEqual([expect.stringContaining("99999")]);
  });

  test("a route filter loads the routeFilters module for its CEL rules (a repeated filter refused), and equals a preloaded worker's", async () => {
    const { modules, api } = await freshWorker();
    const text = `${SHADOWING_CLUSTER}---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: { name: filtered, namespace: app }
spec:
  parentRefs: [{ name: web, namespace: infra }]
  rules:
    - filters:
        - { type: RequestHeaderModifier, requestHeaderModifier: { set: [{ name: x-a, value: "1" }] } }
        - { type: RequestHeaderModifier, requestHeaderModifier: { set: [{ name: x-b, value: "2" }] } }
      backendRefs: [{ name: svc, port: 8080 }]
`;
    const sources = [{ name: "workspace.yaml", text }];
    const result = await api.analyze(1, sources);
    expect(modules.isEngineModuleLoaded("routeFilters")).toBe(true);
    expect(result).toEqual(preloaded().analyze(1, sources));
    const messages = result.analysis.diagnostics.map((d) => d.message);
    expect(messages).toContainEqual(expect.stringContaining("filter cannot be repeated"));
  });

  test("a misspelt field and a Helm values file load diagnosticWords (catalog, suggestion, not-an-object words): equal to a preloaded worker's", async () => {
    const { modules, api } = await freshWorker();
    const sources = [
      {
        name: "workspace.yaml",
        text: SHADOWING_CLUSTER.replace(
          "spec: { controllerName:",
          "spec: { descripton: typo, controllerName:",
        ),
      },
      { name: "values.yaml", text: "replicaCount: 2\nimage: { repository: nginx }\n" },
    ];
    const result = await api.analyze(1, sources);
    expect(modules.isEngineModuleLoaded("diagnosticWords")).toBe(true);
    expect(result).toEqual(preloaded().analyze(1, sources));
    const codes = result.analysis.diagnostics.map((d) => d.code);
    expect(codes).toContain("schema.unknown-field");
    expect(result.analysis.diagnostics.map((d) => d.file)).toContain("values.yaml");
    const hints = result.analysis.diagnostics.map((d) => `${d.message} ${d.hint ?? ""}`);
    expect(hints).toContainEqual(expect.stringContaining("Did you mean `description`?"));
    expect(hints).toContainEqual(expect.stringContaining("it looks like Helm chart values"));
  });

  test("a workspace that misses two modules is analysed twice in all (one rerun), and equals a preloaded worker's", async () => {
    const { modules, raw, withOnDemandModules } = await freshWorker();
    // An Ingress (the ingress module) and a misspelt field (diagnosticWords): a run stops at the
    // first module it misses, so loading only that one would cost a second rerun.
    let runs = 0;
    const analyze = raw.analyze.bind(raw);
    const counted = {
      ...raw,
      analyze: (...args: Parameters<typeof analyze>) => {
        runs += 1;
        return analyze(...args);
      },
    };
    const api = withOnDemandModules(counted);
    const text = read("ingress-nginx-migration.yaml").replace(
      "kind: IngressClass\nmetadata:",
      "kind: IngressClass\nmetadat:",
    );
    expect(text).toContain("metadat:");
    const sources = [{ name: "workspace.yaml", text }];
    const result = await api.analyze(1, sources);
    expect(runs).toBe(2);
    expect(result).toEqual(preloaded().analyze(1, sources));
    for (const name of ["ingress", "diagnosticWords"] as const)
      expect([name, modules.isEngineModuleLoaded(name)]).toEqual([name, true]);
    // The rest of the batch: what any miss brings, and what the Ingress hints at (its regexes).
    for (const name of ["yaml", "re2"] as const)
      expect([name, modules.isEngineModuleLoaded(name)]).toEqual([name, true]);
    // A module nothing hinted at stays for the preload after the first graph.
    expect(modules.isEngineModuleLoaded("shadowProof")).toBe(false);
  });

  test("a module the texts did not hint at, missed by the rerun, brings every module for a last run", async () => {
    const { modules, raw } = await freshWorker();
    // A GRPCRoute (kindSchemas) and a route filter (routeFilters), with no texts to hint at either.
    const text = `${read("grpc-method-routing-with-header-canary.yaml")}\n---\n${SHADOWING_CLUSTER}---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: { name: filtered, namespace: app }
spec:
  parentRefs: [{ name: web, namespace: infra }]
  rules:
    - filters: [{ type: RequestHeaderModifier, requestHeaderModifier: { set: [{ name: x-a, value: "1" }] } }]
      backendRefs: [{ name: svc, port: 8080 }]
`;
    const sources = [{ name: "workspace.yaml", text }];
    let runs = 0;
    const result = await modules.withEngineModules(() => {
      runs += 1;
      return raw.analyze(1, sources);
    });
    expect(runs).toBe(3);
    expect(result).toEqual(preloaded().analyze(1, sources));
    for (const name of modules.ENGINE_MODULE_NAMES)
      expect([name, modules.isEngineModuleLoaded(name)]).toEqual([name, true]);
  });

  test("an InferencePool backend, an HBONE listener and a policy on a missing pool load implementationSupport, and equal a preloaded worker's", async () => {
    const { modules, api } = await freshWorker();
    const text = `${SHADOWING_CLUSTER}---
apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: { name: istio-waypoint }
spec: { controllerName: istio.io/mesh-controller }
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: { name: waypoint, namespace: infra }
spec:
  gatewayClassName: istio-waypoint
  listeners: [{ name: mesh, protocol: HBONE, port: 15008 }]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: { name: llm, namespace: app }
spec:
  parentRefs: [{ name: web, namespace: infra }]
  rules:
    - backendRefs: [{ group: inference.networking.k8s.io, kind: InferencePool, name: pool }]
---
apiVersion: networking.gke.io/v1
kind: GCPBackendPolicy
metadata: { name: pool-policy, namespace: app }
spec:
  targetRef: { group: inference.networking.k8s.io, kind: InferencePool, name: other-pool }
`;
    const sources = [{ name: "workspace.yaml", text }];
    const result = await api.analyze(1, sources);
    expect(modules.isEngineModuleLoaded("implementationSupport")).toBe(true);
    expect(result).toEqual(preloaded().analyze(1, sources));
    const json = JSON.stringify(result);
    expect(json).toContain("backend kind InferencePool (inference.networking.k8s.io)");
    // Istio's mesh controller serves HBONE (the table's case a): the listener is ready.
    expect(json).toContain('"protocol":"HBONE","ready":true');
  });

  test("a Gateway whose GatewayClass is a well-known one the input lacks, overlapping TLS listeners and a refused cross-namespace backend load implementationSupport and diagnosticWords, and equal a preloaded worker's", async () => {
    const { modules, api } = await freshWorker();
    const text = `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: { name: gke, namespace: infra }
spec:
  gatewayClassName: gke-l7-global-external-managed
  listeners:
    - { name: a, protocol: HTTPS, port: 443, hostname: "*.example.com", tls: { certificateRefs: [{ name: cert }] } }
    - { name: b, protocol: HTTPS, port: 443, hostname: shop.example.com, tls: { certificateRefs: [{ name: cert }] } }
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: { name: shop, namespace: infra }
spec:
  parentRefs: [{ name: gke }]
  rules: [{ backendRefs: [{ name: svc, namespace: app, port: 8080 }] }]
---
apiVersion: v1
kind: Service
metadata: { name: svc, namespace: app }
spec: { ports: [{ port: 8080 }] }
`;
    const sources = [{ name: "workspace.yaml", text }];
    const result = await api.analyze(1, sources);
    expect(modules.isEngineModuleLoaded("implementationSupport")).toBe(true);
    expect(modules.isEngineModuleLoaded("diagnosticWords")).toBe(true);
    expect(result).toEqual(preloaded().analyze(1, sources));
    const json = JSON.stringify(result);
    // The well-known class's controller, the overlap's words and the refusal's words are there.
    expect(json).toContain("networking.gke.io/gateway");
    expect(json).toContain("overlaps shop.example.com");
    expect(json).toContain("gwsim takes its ReferenceGrants to be in the input too");
  });

  test("a Service backend and a policy on a missing Gateway leave implementationSupport unloaded", async () => {
    const { modules, api } = await freshWorker();
    const text = `${SHADOWING_CLUSTER}---
apiVersion: gateway.envoyproxy.io/v1alpha1
kind: ClientTrafficPolicy
metadata: { name: missing-target, namespace: infra }
spec:
  targetRefs: [{ group: gateway.networking.k8s.io, kind: Gateway, name: nowhere }]
`;
    const sources = [{ name: "workspace.yaml", text }];
    const result = await api.analyze(1, sources);
    expect(result).toEqual(preloaded().analyze(1, sources));
    expect(modules.isEngineModuleLoaded("implementationSupport")).toBe(false);
  });

  test("a Gateway requesting addresses (a malformed one, a NamedAddress on a missing class) loads gatewayAddresses, and equals a preloaded worker's", async () => {
    const { modules, api } = await freshWorker();
    // No GatewayClass in the input: the class of each Gateway is assumed, so is the address type.
    const text = `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: { name: fixed, namespace: infra }
spec:
  gatewayClassName: example
  addresses: [{ type: IPAddress, value: "192.0.2.10:80" }, { value: 192.0.2.11 }]
  listeners: [{ name: http, protocol: HTTP, port: 80 }]
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: { name: named, namespace: infra }
spec:
  gatewayClassName: not-in-the-input
  addresses: [{ type: NamedAddress, value: my-lb }]
  listeners: [{ name: http, protocol: HTTP, port: 80 }]
`;
    const sources = [{ name: "workspace.yaml", text }];
    const result = await api.analyze(1, sources);
    expect(modules.isEngineModuleLoaded("gatewayAddresses")).toBe(true);
    expect(result).toEqual(preloaded().analyze(1, sources));
    const json = JSON.stringify(result);
    expect(json).toContain("is not an IPv4 or IPv6 address, which type IPAddress requires");
    expect(json).toContain("assume.address-type");
  });

  test("Gateways without addresses leave gatewayAddresses unloaded", async () => {
    const { modules, api } = await freshWorker();
    const sources = [{ name: "workspace.yaml", text: SHADOWING_CLUSTER }];
    const result = await api.analyze(1, sources);
    expect(result).toEqual(preloaded().analyze(1, sources));
    expect(modules.isEngineModuleLoaded("gatewayAddresses")).toBe(false);
  });

  test("two Gateways claiming one hostname on one port load hostnameOverlaps, and equal a preloaded worker's", async () => {
    const { modules, api } = await freshWorker();
    const second = SHADOWING_CLUSTER.replace("name: web,", "name: web-2,");
    // Each Gateway has its own route for shop.example.com: a client reaches only one of them.
    const text = `${SHADOWING_CLUSTER}---\n${second.split("---\n")[1]}---
${SHADOWING_ROUTES}---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: { name: other, namespace: app }
spec:
  parentRefs: [{ name: web-2, namespace: infra }]
  hostnames: [shop.example.com]
  rules: [{ backendRefs: [{ name: svc, port: 8080 }] }]
`;
    expect(text.match(/^kind: Gateway$/gm)).toHaveLength(2);
    const sources = [{ name: "workspace.yaml", text }];
    const result = await api.analyze(1, sources);
    expect(modules.isEngineModuleLoaded("hostnameOverlaps")).toBe(true);
    expect(result).toEqual(preloaded().analyze(1, sources));
    expect(JSON.stringify(result)).toContain("lint.hostname-overlap-across-gateways");
  });

  test("one Gateway leaves hostnameOverlaps unloaded", async () => {
    const { modules, api } = await freshWorker();
    const sources = [{ name: "workspace.yaml", text: SHADOWING_CLUSTER }];
    const result = await api.analyze(1, sources);
    expect(result).toEqual(preloaded().analyze(1, sources));
    expect(modules.isEngineModuleLoaded("hostnameOverlaps")).toBe(false);
  });

  test("an object defined twice, an unrendered template key and a misspelt field are worded with diagnosticWords loaded on demand, equal to a preloaded worker's", async () => {
    const { modules, api } = await freshWorker();
    const service = `apiVersion: v1
kind: Service
metadata: { name: twice, namespace: app }
spec: { ports: [{ port: 80 }] }
`;
    const text = `${service}---\n${service}---
apiVersion: v1
kind: Service
metadata: { name: templated, namespace: app }
spec:
  ports:
    - port: {{ .Values.port }}
---
${SHADOWING_CLUSTER.replace("gatewayClassName: example", "gatewayClassName: example\n  listner: []")}`;
    const sources = [{ name: "workspace.yaml", text }];
    const result = await api.analyze(1, sources);
    expect(modules.isEngineModuleLoaded("diagnosticWords")).toBe(true);
    expect(result).toEqual(preloaded().analyze(1, sources));
    const codes = result.analysis.diagnostics.map((d) => d.code);
    expect(codes).toEqual(
      expect.arrayContaining(["object.duplicate", "yaml.complex-key", "schema.unknown-field"]),
    );
  });

  test("a stream of JSON objects loads jsonStream, reads every object, and equals a preloaded worker's", async () => {
    const { modules, api } = await freshWorker();
    const service = (name: string) =>
      JSON.stringify(
        { apiVersion: "v1", kind: "Service", metadata: { name, namespace: "app" } },
        null,
        2,
      );
    const sources = [{ name: "services.json", text: `${service("a")}\n${service("b")}\n` }];
    const result = await api.analyze(1, sources);
    expect(modules.isEngineModuleLoaded("jsonStream")).toBe(true);
    expect(result).toEqual(preloaded().analyze(1, sources));
    expect(result.analysis.graph.nodes.map((n) => n.id)).toEqual(
      expect.arrayContaining(["Service/app/a", "Service/app/b"]),
    );
  });

  test("a YAML syntax error, a field written above spec and a Secret over 1 MiB are described with diagnosticWords loaded on demand, equal to a preloaded worker's", async () => {
    const { modules, api } = await freshWorker();
    const big = "A".repeat(1_500_000);
    const text = `${SHADOWING_CLUSTER}---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: { name: flat, namespace: app }
hostnames: [shop.example.com]
spec:
  parentRefs: [{ name: web, namespace: infra }]
---
apiVersion: v1
kind: Secret
metadata: { name: big, namespace: app }
data:
  blob: ${big}
---
apiVersion: v1
kind: Service
metadata:
  name:broken
   namespace: app
`;
    const sources = [{ name: "workspace.yaml", text }];
    const result = await api.analyze(1, sources);
    expect(modules.isEngineModuleLoaded("diagnosticWords")).toBe(true);
    expect(result).toEqual(preloaded().analyze(1, sources));
    const messages = result.analysis.diagnostics.map(
      (d) => `${d.code} ${d.message} ${d.hint ?? ""}`,
    );
    expect(messages.some((m) => m.startsWith("yaml.syntax YAML syntax error"))).toBe(true);
    expect(messages.some((m) => m.includes("`hostnames` belongs under spec"))).toBe(true);
    expect(messages.some((m) => m.startsWith("schema.length data: the Secret holds"))).toBe(true);
  });

  test("a misspelt core kind next to a Deployment is worded with diagnosticWords loaded on demand, equal to a preloaded worker's", async () => {
    const { modules, api } = await freshWorker();
    const text = `${SHADOWING_CLUSTER}---
apiVersion: v1
kind: Servxice
metadata: { name: typo, namespace: app }
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: web, namespace: app }
`;
    const sources = [{ name: "workspace.yaml", text }];
    const result = await api.analyze(1, sources);
    expect(modules.isEngineModuleLoaded("diagnosticWords")).toBe(true);
    expect(result).toEqual(preloaded().analyze(1, sources));
    expect(
      result.analysis.diagnostics
        .filter((d) => d.code === "object.unknown-kind")
        .map((d) => [d.severity, d.object?.name, d.hint]),
    ).toEqual([["warning", "typo", "Change kind to Service."]]);
  });

  test("a misspelt kind, another project's kind, a Flux targetNamespace and a misspelt parent are worded with diagnosticWords loaded on demand, equal to a preloaded worker's", async () => {
    const { modules, api } = await freshWorker();
    const text = `${SHADOWING_CLUSTER}---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoutes
metadata: { name: typo, namespace: app }
---
apiVersion: example.com/v1
kind: Widget
metadata: { name: w, namespace: app }
---
apiVersion: kustomize.toolkit.fluxcd.io/v1
kind: Kustomization
metadata: { name: apps, namespace: flux-system }
spec: { path: ./apps, targetNamespace: app }
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: { name: lost, namespace: app }
spec:
  parentRefs: [{ name: webb, namespace: infra }]
`;
    const sources = [{ name: "workspace.yaml", text }];
    const result = await api.analyze(1, sources);
    expect(modules.isEngineModuleLoaded("diagnosticWords")).toBe(true);
    expect(result).toEqual(preloaded().analyze(1, sources));
    const messages = result.analysis.diagnostics.map(
      (d) => `${d.code} ${d.message} ${d.hint ?? ""}`,
    );
    expect(messages.filter((m) => m.startsWith("object.unknown-kind"))).toEqual([
      expect.stringContaining("Did you mean HTTPRoute?"),
      expect.stringContaining("Widget (example.com/v1) is not a kind gwsim models"),
    ]);
    expect(messages.some((m) => m.includes("with targetNamespace app"))).toBe(true);
    expect(messages.some((m) => m.includes("did you mean Gateway infra/web?"))).toBe(true);
  });

  test("an edit (a revision after the first) loads the incremental pass and equals a preloaded worker's", async () => {
    const { modules, api } = await freshWorker();
    const reference = preloaded();
    const text = read("shared-gateway-two-teams.yaml");
    const edited = text.replace("name: store-web", "name: store-www");
    for (const [revision, t] of [text, edited].entries()) {
      const sources = [{ name: "workspace.yaml", text: t }];
      expect(await api.analyze(revision, sources)).toEqual(reference.analyze(revision, sources));
      expect(modules.isEngineModuleLoaded("incremental")).toBe(revision > 0);
    }
  });

  test("a revision quickParse cannot read throws ModuleNeededError unwrapped, never a diagnostic", async () => {
    const { modules, raw } = await freshWorker();
    const sources = [{ name: "workspace.yaml", text: ANCHORED }];
    // The loader's per-file catch lets it through instead of reporting a lost file.
    expect(() => raw.analyze(1, sources)).toThrow(modules.ModuleNeededError);
    expect(modules.isEngineModuleLoaded("yaml")).toBe(false);
  });

  test("…and the wrapped API loads `yaml`, runs it again, and answers what a preloaded worker answers", async () => {
    const { modules, api } = await freshWorker();
    const sources = [
      {
        name: "workspace.yaml",
        text: `${read("shared-gateway-two-teams.yaml")}\n---\n${ANCHORED}`,
      },
    ];
    const result = await api.analyze(2, sources);
    expect(modules.isEngineModuleLoaded("yaml")).toBe(true);
    const reference = preloaded().analyze(2, sources);
    expect(result).toEqual(reference);
    expect(result.analysis.objects.some((o) => o.name === "anchored")).toBe(true);
  });

  test("a located diagnostic in a document quickParse read (its nodes built on demand) is retried too", async () => {
    const { modules, api } = await freshWorker();
    const text = read("broken-on-purpose.yaml");
    const sources = [{ name: "workspace.yaml", text }];
    const result = await api.analyze(3, sources);
    expect(result).toEqual(preloaded().analyze(3, sources));
    expect(result.analysis.diagnostics.length).toBeGreaterThan(0);
    expect(modules.isEngineModuleLoaded("yaml")).toBe(true);
    // Its diagnostics' severities and hints: the catalog's module was loaded for them.
    expect(modules.isEngineModuleLoaded("diagnosticWords")).toBe(true);
  });

  test("preloadModules (the page calls it once its first graph is shown) loads every on-demand module", async () => {
    const { modules, api } = await freshWorker();
    expect(modules.ENGINE_MODULE_NAMES).toEqual([
      "yaml",
      "incremental",
      "drift",
      "ingress",
      "backendTls",
      "policy",
      "shadowProof",
      "re2",
      "kindSchemas",
      "routeFilters",
      "diagnosticWords",
      "implementationSupport",
      "gatewayAddresses",
      "hostnameOverlaps",
      "jsonStream",
    ]);
    await api.preloadModules();
    for (const name of modules.ENGINE_MODULE_NAMES)
      expect([name, modules.isEngineModuleLoaded(name)]).toEqual([name, true]);
  });

  test("every example, alone and after the default one, as a worker session would send them: equal to a preloaded worker, deltas included", async () => {
    const { api } = await freshWorker();
    const reference = preloaded();
    const names = readdirSync(EXAMPLES).filter((n) => n.endsWith(".yaml"));
    expect(names.length).toBeGreaterThan(10);
    let base: number | undefined;
    let referenceBase: number | undefined;
    for (const [revision, name] of names.entries()) {
      const sources: SourceFile[] = [{ name: "workspace.yaml", text: read(name) }];
      const update = await api.analysisUpdate("s", base, revision, sources);
      const expected = await reference.analysisUpdate("s", referenceBase, revision, sources);
      expect({ ...update, timing: undefined }).toEqual({ ...expected, timing: undefined });
      base = update.seq;
      referenceBase = expected.seq;
    }
  });
});
