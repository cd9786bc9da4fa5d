import { describe, expect, test } from "vitest";
import { analyze } from "../analyze";
import { compileRouter } from "../routing/compileRouter";
import { traceRequest } from "../simulate/traceRequest";
import { parseCaseFile } from "../conformance/parseCaseFile";
import { runConformanceCase } from "../conformance/runConformanceCase";
import { createCaseEngine } from "../conformance/createCaseEngine";
import type { WorldMode } from "./world";

/** A slice of a cluster: no GatewayClass, no Secret, a Service only in team-a. */
const SLICE = `
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: public, namespace: infra}
spec:
  gatewayClassName: platform
  listeners:
  - name: https
    protocol: HTTPS
    port: 443
    hostname: shop.example.com
    tls: {certificateRefs: [{name: shop-tls}]}
    allowedRoutes: {namespaces: {from: All}}
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: shop, namespace: team-b}
spec:
  parentRefs: [{name: public, namespace: infra}]
  hostnames: [shop.example.com]
  rules:
  - matches: [{path: {type: PathPrefix, value: /typo}}]
    backendRefs: [{name: cart-v3, namespace: team-a, port: 8080}]
  - backendRefs: [{name: shop-v1, port: 8080}]
---
apiVersion: gateway.networking.k8s.io/v1beta1
kind: ReferenceGrant
metadata: {name: from-team-b, namespace: team-a}
spec:
  from: [{group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: team-b}]
  to: [{group: '', kind: Service}]
---
apiVersion: v1
kind: Service
metadata: {name: cart-v2, namespace: team-a}
spec: {ports: [{port: 8080}]}
`;

const run = (text: string, world?: WorldMode) =>
  analyze([{ name: "slice.yaml", text }], world === undefined ? {} : { world });
const get = (text: string, world: WorldMode, path: string) => {
  const analysis = run(text, world);
  return traceRequest(compileRouter(analysis), {
    gateway: "infra/public",
    scheme: "https",
    host: "shop.example.com",
    path,
  }).outcome;
};
const conditions = (status: unknown) =>
  (status as { conditions: { type: string; status: string; reason: string }[] }).conditions.map(
    (c) => `${c.type}=${c.status}/${c.reason}`,
  );

describe("world modes on the same manifest", () => {
  test("auto is the default", () => {
    expect(run(SLICE).world).toBe("auto");
    expect(run(SLICE).assumptions).toEqual(run(SLICE, "auto").assumptions);
  });

  test("closed: the input is the whole cluster; the Gateway is not reconciled and nothing is assumed", () => {
    const a = run(SLICE, "closed");
    expect(a.assumptions).toEqual([]);
    expect(a.status["Gateway/infra/public"]).toBeUndefined();
    expect(a.diagnostics.filter((d) => d.code.startsWith("assume."))).toEqual([]);
    expect(get(SLICE, "closed", "/").kind).toBe("connection-refused");
  });

  test("auto: the class, the Secret and team-b's Service are assumed; a typo in team-a, which holds Services, is not", () => {
    const a = run(SLICE, "auto");
    expect(a.assumptions.map((x) => x.key)).toEqual([
      "GatewayClass//platform",
      "Secret/infra/shop-tls",
      "Service/team-b/shop-v1",
    ]);
    expect(conditions(a.status["Gateway/infra/public"])).toEqual([
      "Accepted=True/Accepted",
      "Programmed=True/Programmed",
      "ResolvedRefs=True/ResolvedRefs",
    ]);
    expect(get(SLICE, "auto", "/")).toMatchObject({
      status: 200,
      backend: { target: "team-b/shop-v1:8080" },
    });
    expect(get(SLICE, "auto", "/typo")).toMatchObject({ status: 500 });
    const route = a.status["HTTPRoute/team-b/shop"] as {
      parents: { conditions: { type: string; reason: string }[] }[];
    };
    expect(route.parents[0]?.conditions.find((c) => c.type === "ResolvedRefs")?.reason).toBe(
      "BackendNotFound",
    );
  });

  test("open: every missing object is assumed, the typo too", () => {
    const a = run(SLICE, "open");
    expect(a.assumptions.map((x) => x.key)).toEqual([
      "GatewayClass//platform",
      "Secret/infra/shop-tls",
      "Service/team-a/cart-v3",
      "Service/team-b/shop-v1",
    ]);
    expect(get(SLICE, "open", "/typo")).toMatchObject({
      status: 200,
      backend: { target: "team-a/cart-v3:8080" },
    });
  });

  test("results stay plain data", () => {
    const a = run(SLICE, "auto");
    expect(structuredClone(a)).toEqual(a);
  });
});

describe("each assumed kind is visible and counted once", () => {
  test("one info diagnostic per assumed object, at its first reference, however many references rely on it", () => {
    const twice = SLICE.replace(
      "backendRefs: [{name: shop-v1, port: 8080}]",
      "backendRefs: [{name: shop-v1, port: 8080}, {name: shop-v1, port: 9090}]",
    );
    const a = run(twice, "auto");
    const service = a.diagnostics.filter((d) => d.code === "assume.service");
    expect(service).toHaveLength(1);
    expect(service[0]).toMatchObject({ severity: "info", path: "spec.rules[1].backendRefs[0]" });
    expect(service[0]?.message).toContain("port 8080, one ready endpoint, port 9090");
    expect(a.assumptions.find((x) => x.kind === "Service")?.references).toBe(2);
  });

  test("the GatewayClass: assumed only when the input holds no class at all", () => {
    expect(run(SLICE).diagnostics.find((d) => d.code === "assume.gateway-class")?.path).toBe(
      "spec.gatewayClassName",
    );
    const withOtherClass = `${SLICE}---\napiVersion: gateway.networking.k8s.io/v1\nkind: GatewayClass\nmetadata: {name: other}\nspec: {controllerName: example.com/x}\n`;
    const a = run(withOtherClass, "auto");
    expect(a.assumptions.map((x) => x.kind)).not.toContain("GatewayClass");
    expect(
      a.diagnostics.find((d) => d.code === "ref.not-found" && d.path === "spec.gatewayClassName")
        ?.message,
    ).toContain(
      "(auto world: the input declares GatewayClass other (slice.yaml), taken as the cluster's whole set of classes).",
    );
  });

  test("route status through an assumed class names no known controller", () => {
    const route = run(SLICE).status["HTTPRoute/team-b/shop"] as {
      parents: { controllerName: string }[];
    };
    expect(route.parents[0]?.controllerName).toBe("gwsim.dev/unknown-controller");
  });

  test("a parentRef to a Gateway not in the workspace is unknown, never rejected", () => {
    const text = SLICE.replace(
      "parentRefs: [{name: public, namespace: infra}]",
      "parentRefs: [{name: public, namespace: infra}, {name: edge, namespace: edge-system}]",
    );
    const a = run(text, "auto");
    const explain = a.explain.find((e) => e.parentRefIndex === 1);
    expect(explain).toMatchObject({ unknownParent: true, accepted: false });
    expect(explain?.noStatusReason).toMatch(
      /^unknown: Gateway edge-system\/edge is not in the workspace/,
    );
    const route = a.status["HTTPRoute/team-b/shop"] as { parents: unknown[] };
    expect(route.parents).toHaveLength(1);
    expect(a.diagnostics.find((d) => d.code === "assume.parent")).toMatchObject({
      severity: "info",
      path: "spec.parentRefs[1]",
    });
    expect(run(text, "closed").diagnostics.find((d) => d.path === "spec.parentRefs[1]")?.code).toBe(
      "ref.not-found",
    );
  });

  test("a parentRef to a ListenerSet whose Gateway is not in the workspace is unknown, never rejected", () => {
    // One file of a folder: the ListenerSet and its route, the Gateway declared elsewhere.
    const text = `apiVersion: gateway.networking.k8s.io/v1
kind: ListenerSet
metadata: {name: extra, namespace: infra}
spec:
  parentRef: {name: shared}
  listeners: [{name: tcp, port: 9000, protocol: TCP}]
---
apiVersion: gateway.networking.k8s.io/v1alpha2
kind: TCPRoute
metadata: {name: db, namespace: infra}
spec:
  parentRefs: [{kind: ListenerSet, name: extra, sectionName: tcp}]
  rules: [{backendRefs: [{name: db, port: 5432}]}]
`;
    const a = run(text, "auto");
    expect(a.explain).toHaveLength(1);
    expect(a.explain[0]).toMatchObject({ unknownParent: true, accepted: false });
    expect(a.explain[0]?.noStatusReason).toMatch(
      /^unknown: ListenerSet infra\/extra's parent Gateway infra\/shared is not in the workspace/,
    );
    expect(a.diagnostics.filter((d) => d.severity !== "info")).toEqual([]);
    // Closed world: the Gateway is missing, so no controller reconciles the ListenerSet.
    const closed = run(text, "closed");
    expect(closed.explain[0]?.unknownParent).toBeUndefined();
    expect(closed.explain[0]?.noStatusReason).toMatch(/has no reconciled parent Gateway/);
    expect(closed.diagnostics.map((d) => d.code)).toEqual(
      expect.arrayContaining(["ref.not-found", "lint.parent-ref-no-status"]),
    );
  });

  test("parametersRef targets: of a GatewayClass and of a Gateway", () => {
    const text = `${SLICE.replace("gatewayClassName: platform", "gatewayClassName: platform\n  infrastructure: {parametersRef: {group: example.com, kind: Tuning, name: t}}")}---
apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: platform}
spec: {controllerName: example.com/x, parametersRef: {group: example.com, kind: Config, name: c, namespace: cfg}}
`;
    const auto = run(text, "auto");
    expect(
      auto.assumptions.filter((x) => x.kind === "Config" || x.kind === "Tuning").map((x) => x.key),
    ).toEqual(["Config/cfg/c", "Tuning/infra/t"]);
    expect(conditions(auto.status["GatewayClass//platform"])).toEqual(["Accepted=True/Accepted"]);
    expect(conditions(auto.status["Gateway/infra/public"])[0]).toBe("Accepted=True/Accepted");
    expect(conditions(run(text, "closed").status["GatewayClass//platform"])).toEqual([
      "Accepted=False/InvalidParameters",
    ]);
  });

  test("a mesh parent Service not in the workspace binds the port the parentRef names", () => {
    const text = `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: mesh, namespace: app}
spec:
  parentRefs: [{group: '', kind: Service, name: checkout, port: 8080}]
  rules: [{backendRefs: [{name: checkout, port: 8080}]}]
`;
    const route = run(text, "auto").status["HTTPRoute/app/mesh"] as {
      parents: { conditions: { type: string; status: string }[] }[];
    };
    expect(route.parents[0]?.conditions.find((c) => c.type === "Accepted")?.status).toBe("True");
    expect(run(text, "closed").status["HTTPRoute/app/mesh"]).toBeUndefined();
  });
});

describe("trace lines for assumptions", () => {
  test("the Gateway, listener and backend steps each say what they relied on", () => {
    const trace = traceRequest(compileRouter(run(SLICE)), {
      gateway: "infra/public",
      scheme: "https",
      host: "shop.example.com",
      path: "/",
    });
    expect(trace.gatewayAssumed).toEqual([
      "GatewayClass platform is not in the workspace; assumed Accepted (controller unknown) (closed world: no controller reconciles its Gateways, which serve nothing)",
    ]);
    expect(trace.listeners.find((l) => l.chosen)?.assumed?.[0]).toMatch(
      /^Secret infra\/shop-tls is not in the workspace; assumed to hold a valid certificate/,
    );
    expect(trace.outcome.backend?.assumed).toBe(
      "Service team-b/shop-v1:8080 is not in the workspace; assumed to exist (closed world: 500)",
    );
  });
});

describe("cert-manager", () => {
  const certificate = (dnsNames: string[]) => `---
apiVersion: cert-manager.io/v1
kind: Certificate
metadata: {name: shop, namespace: infra}
spec: {secretName: shop-tls, dnsNames: ${JSON.stringify(dnsNames)}, issuerRef: {name: le, kind: ClusterIssuer}}
`;
  const withSecretElsewhere = `${SLICE}---\napiVersion: v1\nkind: Secret\nmetadata: {name: other, namespace: infra}\ntype: kubernetes.io/tls\ndata: {}\n`;

  test("a Certificate naming the Secret makes it known even where the input holds other Secrets, with its dnsNames as SANs", () => {
    const a = run(withSecretElsewhere + certificate(["shop.example.com"]), "auto");
    const secret = a.assumptions.find((x) => x.kind === "Secret");
    expect(secret).toMatchObject({
      key: "Secret/infra/shop-tls",
      facts: ["SANs shop.example.com from Certificate infra/shop"],
    });
    expect(a.diagnostics.filter((d) => d.code === "cert.hostname-not-covered")).toEqual([]);
    expect(get(withSecretElsewhere + certificate(["shop.example.com"]), "auto", "/").status).toBe(
      200,
    );
    // Without the Certificate, the namespace's other Secret makes the input authoritative: missing.
    expect(get(withSecretElsewhere, "auto", "/").kind).toBe("connection-refused");
  });

  test("a wildcard dnsName covers one label", () => {
    expect(
      run(SLICE + certificate(["*.example.com"])).diagnostics.filter(
        (d) => d.code === "cert.hostname-not-covered",
      ),
    ).toEqual([]);
    expect(
      run(SLICE + certificate(["*.other.example.com"])).diagnostics.filter(
        (d) => d.code === "cert.hostname-not-covered",
      ),
    ).toHaveLength(1);
  });

  test("dnsNames that do not cover the listener hostname are reported at the hostname", () => {
    const a = run(SLICE + certificate(["www.example.com"]));
    const warning = a.diagnostics.find((d) => d.code === "cert.hostname-not-covered");
    expect(warning).toMatchObject({ severity: "warning", path: "spec.listeners[0].hostname" });
    expect(warning?.message).toContain("www.example.com");
  });

  test("closed: a Certificate does not create the Secret", () => {
    expect(get(SLICE + certificate(["shop.example.com"]), "closed", "/").kind).toBe(
      "connection-refused",
    );
  });

  test.each(["cert-manager.io/issuer", "cert-manager.io/cluster-issuer"])(
    "gateway-shim annotation %s: the Secret the shim creates, for the listener hostname",
    (annotation) => {
      const annotated = withSecretElsewhere.replace(
        "metadata: {name: public, namespace: infra}",
        `metadata: {name: public, namespace: infra, annotations: {${annotation}: le}}`,
      );
      const a = run(annotated, "auto");
      expect(a.assumptions.find((x) => x.kind === "Secret")).toMatchObject({
        key: "Secret/infra/shop-tls",
        facts: ["SANs shop.example.com from gateway-shim on Gateway infra/public"],
      });
      expect(
        run(withSecretElsewhere, "auto").assumptions.find((x) => x.kind === "Secret"),
      ).toBeUndefined();
    },
  );
});

describe("case files take a top-level world", () => {
  const files: Record<string, string> = { "slice.yaml": SLICE };
  const caseText = (world: string) => `name: Slice
world: ${world}
manifests: [slice.yaml]
requests:
- name: served
  gateway: infra/public
  request: {scheme: https, host: shop.example.com, path: /}
  expect: {status: 200, backend: team-b/shop-v1}
`;
  const runCase = (world: string) => {
    const parsed = parseCaseFile("case.yaml", caseText(world));
    if (!parsed.ok) throw new Error(parsed.errors.join("\n"));
    return runConformanceCase(parsed.caseFile, {
      readFile: (p) => files[p] ?? "",
      engine: createCaseEngine(),
    });
  };

  test("the key picks the world", () => {
    expect(runCase("auto").every((r) => r.pass)).toBe(true);
    expect(runCase("closed").every((r) => r.pass)).toBe(false);
  });

  test("an unknown world is a located error", () => {
    const parsed = parseCaseFile("case.yaml", caseText("half"));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors[0]).toContain("world: must be one of open, auto, closed");
  });
});

describe("a mirror to an assumed Service", () => {
  test("is configured and its trace line says it is assumed", () => {
    const text = SLICE.replace(
      "  - backendRefs: [{name: shop-v1, port: 8080}]",
      "  - backendRefs: [{name: shop-v1, port: 8080}]\n    filters: [{type: RequestMirror, requestMirror: {backendRef: {name: shadow, port: 9090}}}]",
    );
    const outcome = get(text, "auto", "/");
    expect(outcome.mirrors).toEqual([
      expect.objectContaining({
        valid: true,
        assumed:
          "Service team-b/shadow:9090 is not in the workspace; assumed to exist (closed world: not mirrored)",
      }),
    ]);
    expect(get(text, "closed", "/").mirrors).toEqual([]);
  });
});

describe("a BackendTLSPolicy on an assumed Service with an assumed CA ConfigMap", () => {
  const policy = `---
apiVersion: gateway.networking.k8s.io/v1
kind: BackendTLSPolicy
metadata: {name: tls, namespace: team-b}
spec:
  targetRefs: [{group: '', kind: Service, name: shop-v1}]
  validation: {hostname: shop.internal, caCertificateRefs: [{group: '', kind: ConfigMap, name: ca}]}
`;
  test("auto: both assumed, the forwarded request carries the SNI of the policy; closed: nothing applies", () => {
    const a = run(SLICE + policy, "auto");
    expect(a.assumptions.map((x) => x.key)).toEqual(
      expect.arrayContaining(["Service/team-b/shop-v1", "ConfigMap/team-b/ca"]),
    );
    expect(get(SLICE + policy, "auto", "/").request?.backendTLS?.sni).toBe("shop.internal");
    // The client's https ends at the listener: the backend hop is https only by the policy.
    expect(get(SLICE + policy, "auto", "/").request?.scheme).toBe("https");
    expect(get(SLICE, "auto", "/").request?.scheme).toBe("http");
    const closed = run(SLICE + policy, "closed");
    expect(
      closed.diagnostics.filter((d) => d.object?.kind === "BackendTLSPolicy").map((d) => d.code),
    ).toContain("ref.not-found");
  });
});
