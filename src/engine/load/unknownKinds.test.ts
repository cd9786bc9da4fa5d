/**
 * Objects of kinds gwsim does not model are kept; what it says about them (unknownKinds.ts): a
 * warning with the nearest kind for a typo in a Gateway API group, one summary for the kinds of
 * well-known implementations, one info per other CRD kind, a warning for a kind the API server's
 * own groups do not serve, and nothing for Kubernetes' built-in kinds or policies.
 */
import { describe, expect, it } from "vitest";
import { loadManifests } from "./loadManifests";

const load = (text: string) => loadManifests([{ name: "in.yaml", text }]);
const unknown = (text: string) =>
  load(text)
    .diagnostics.filter((d) => d.code === "object.unknown-kind")
    .map((d) => `${d.line}:${d.column} ${d.severity} ${d.message}`);

describe("unknown kinds", () => {
  it("a kind the Gateway API does not define: a warning naming the nearest kind", () => {
    const text = `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoutes
metadata: {name: r}
---
apiVersion: gateway.networking.x-k8s.io/v1alpha1
kind: XListnerSet
metadata: {name: l}
---
apiVersion: gateway.networking.k8s.io/v1
kind: Frobnicator
metadata: {name: f}
`;
    const found = load(text).diagnostics.filter((d) => d.code === "object.unknown-kind");
    expect(found.map((d) => [d.line, d.severity, d.hint])).toEqual([
      [2, "warning", "Change kind to HTTPRoute."],
      [6, "warning", "Change kind to XListenerSet."],
      [10, "warning", expect.stringContaining("Use a kind the Gateway API defines: GatewayClass")],
    ]);
    expect(found[0]?.message).toBe(
      'gateway.networking.k8s.io defines no kind HTTPRoutes: the API server refuses this object (no matches for kind "HTTPRoutes"), and gwsim keeps it without interpreting it. Did you mean HTTPRoute?',
    );
  });

  it("the experimental channel's own kinds are no typo (XBackend is installed since v1.6)", () => {
    // Istio's pilot testdata (istio/istio@86c9f01, xbackend.yaml) routes to XBackends.
    const x = (kind: string) =>
      `apiVersion: gateway.networking.x-k8s.io/v1alpha1\nkind: ${kind}\nmetadata: {name: a, namespace: default}\n---\n`;
    expect(unknown(["XBackend", "XBackendTrafficPolicy", "XMesh"].map(x).join(""))).toEqual([]);
  });

  it("the kinds offered are the kind table's Gateway API kinds, in its order, then BackendLBPolicy", () => {
    const text = `apiVersion: gateway.networking.k8s.io/v1
kind: Frobnicator
metadata: {name: f}
`;
    expect(load(text).diagnostics.map((d) => d.hint)).toEqual([
      "Use a kind the Gateway API defines: GatewayClass, Gateway, ListenerSet, HTTPRoute, GRPCRoute, TLSRoute, TCPRoute, UDPRoute, ReferenceGrant, BackendTLSPolicy, BackendLBPolicy.",
    ]);
  });

  it("another project's kind: one info per kind, at its first object, with the count", () => {
    const widget = (name: string) =>
      `apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: ${name}}\nspec: {size: 3}\n---\n`;
    const text = `${widget("a")}${widget("b")}apiVersion: example.com/v1\nkind: Gadget\nmetadata: {name: g}\n`;
    expect(unknown(text)).toEqual([
      "2:7 info Widget (example.com/v1) is not a kind gwsim models: the object is kept unchanged, and counts only as the target of the references and policies that name it (2 objects of this kind in the input).",
      "12:7 info Gadget (example.com/v1) is not a kind gwsim models: the object is kept unchanged, and counts only as the target of the references and policies that name it.",
    ]);
    // Kept, untouched.
    expect(load(text).manifests.map((m) => [m.kind, m.name, m.spec])).toEqual([
      ["Widget", "a", { size: 3 }],
      ["Widget", "b", { size: 3 }],
      ["Gadget", "g", {}],
    ]);
  });

  it("implementations' own kinds: one summary per input naming each kind and its count", () => {
    const obj = (apiVersion: string, kind: string, name: string) =>
      `apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata: {name: ${name}}\n---\n`;
    const text = [
      obj("gateway.envoyproxy.io/v1alpha1", "EnvoyProxy", "p"),
      obj("gateway.envoyproxy.io/v1alpha1", "Backend", "b1"),
      obj("gateway.envoyproxy.io/v1alpha1", "Backend", "b2"),
      obj("networking.istio.io/v1", "VirtualService", "vs"),
      obj("networking.istio.io/v1", "Gateway", "ig"),
      obj("security.istio.io/v1", "AuthorizationPolicy", "ap"),
      obj("gateway.kgateway.dev/v1alpha1", "GatewayParameters", "gp"),
      obj("example.com/v1", "Widget", "w"), // not an implementation's: its own info
      obj("notistio.io/v1", "Thing", "t"), // a domain only ends with istio.io: its own info
      obj("gateway.networking.k8s.io/v1", "HTTPRoutes", "r"), // the typo warning is unchanged
    ].join("");
    expect(unknown(text)).toEqual([
      '38:7 warning gateway.networking.k8s.io defines no kind HTTPRoutes: the API server refuses this object (no matches for kind "HTTPRoutes"), and gwsim keeps it without interpreting it. Did you mean HTTPRoute?',
      "2:7 info 7 objects of 6 kinds that Gateway API implementations define for their own configuration and policies are kept unchanged: gwsim does not model these kinds, and they count only as the target of the references and policies that name them. gateway.envoyproxy.io: Backend (2), EnvoyProxy (1); gateway.kgateway.dev: GatewayParameters (1); networking.istio.io: Gateway (1, not the Gateway API's Gateway), VirtualService (1); security.istio.io: AuthorizationPolicy (1).",
      "30:7 info Widget (example.com/v1) is not a kind gwsim models: the object is kept unchanged, and counts only as the target of the references and policies that name it.",
      "34:7 info Thing (notistio.io/v1) is not a kind gwsim models: the object is kept unchanged, and counts only as the target of the references and policies that name it.",
    ]);
    const [summary] = load(text).diagnostics.filter((d) => d.message.startsWith("7 objects"));
    expect(summary?.object).toEqual({ kind: "EnvoyProxy", namespace: "default", name: "p" });
    expect(summary?.hint).toContain("Nothing to fix");
  });

  it("the summary lists groups, then kinds, in one order whatever the document order", () => {
    const obj = (apiVersion: string, kind: string, name: string) =>
      `apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata: {name: ${name}}\n`;
    const docs = [
      obj("security.istio.io/v1", "AuthorizationPolicy", "ap"),
      obj("gateway.envoyproxy.io/v1alpha1", "EnvoyProxy", "p"),
      obj("networking.istio.io/v1", "VirtualService", "vs"),
      obj("gateway.envoyproxy.io/v1alpha1", "Backend", "b"),
    ];
    const summary = (list: string[]) =>
      load(list.join("---\n")).diagnostics.find((d) => d.code === "object.unknown-kind");
    const forward = summary(docs);
    const backward = summary(docs.slice().reverse());
    expect(forward?.message).toContain(
      "gateway.envoyproxy.io: Backend (1), EnvoyProxy (1); networking.istio.io: VirtualService (1); security.istio.io: AuthorizationPolicy (1).",
    );
    expect(backward?.message).toBe(forward?.message);
    // It still sits at the first such object in document order.
    expect([forward?.object?.name, backward?.object?.name]).toEqual(["ap", "b"]);
  });

  it("Kubernetes' built-in kinds, policies and cert-manager Certificates stay quiet", () => {
    const text = `apiVersion: apps/v1
kind: Deployment
metadata: {name: d}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: c}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: r}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: n}
---
apiVersion: gateway.envoyproxy.io/v1alpha1
kind: BackendTrafficPolicy
metadata: {name: p}
spec: {targetRefs: [{group: gateway.networking.k8s.io, kind: HTTPRoute, name: r}]}
---
apiVersion: cert-manager.io/v1
kind: Certificate
metadata: {name: cert}
spec: {secretName: s}
---
apiVersion: gateway.networking.k8s.io/v1alpha2
kind: BackendLBPolicy
metadata: {name: lb}
`;
    expect(unknown(text)).toEqual([]);
  });

  it("a kind the API server's own group does not serve: a warning naming the nearest kind, the object kept", () => {
    const text = `apiVersion: v1
kind: Servxice
metadata: {name: s}
spec: {ports: [{port: 80}]}
---
apiVersion: apps/v1
kind: Deploymnt
metadata: {name: d}
---
apiVersion: v1
kind: Deployment
metadata: {name: wrong-group}
---
apiVersion: batch/v1
kind: Frobnicator
metadata: {name: f}
`;
    const found = load(text).diagnostics.filter((d) => d.code === "object.unknown-kind");
    expect(found.map((d) => [d.line, d.column, d.severity, d.path, d.hint])).toEqual([
      [2, 7, "warning", "kind", "Change kind to Service."],
      [7, 7, "warning", "kind", "Change kind to Deployment."],
      [
        11,
        7,
        "warning",
        "kind",
        "Change apiVersion to apps/<version> (`kubectl api-resources` lists the groups and kinds).",
      ],
      [
        15,
        7,
        "warning",
        "kind",
        "Check the kind's spelling: `kubectl api-resources --api-group=batch` lists the kinds of batch.",
      ],
    ]);
    expect(found[0]?.message).toBe(
      'the core group (apiVersion v1) has no kind Servxice: the API server refuses this object (no matches for kind "Servxice" in version "v1"), and gwsim keeps it without interpreting it. Did you mean Service?',
    );
    expect(found[2]?.message).toContain(
      "Deployment is not in the core group (apiVersion v1) (apps serves it)",
    );
    // Kept, untouched, like every kind gwsim does not model.
    expect(load(text).manifests.map((m) => [m.kind, m.name, m.spec])).toEqual([
      ["Servxice", "s", { ports: [{ port: 80 }] }],
      ["Deploymnt", "d", {}],
      ["Deployment", "wrong-group", {}],
      ["Frobnicator", "f", {}],
    ]);
  });

  it("list kinds of the built-in groups and the CRDs of other *.k8s.io groups stay quiet", () => {
    const text = `apiVersion: v1
kind: PodList
metadata: {name: pods}
---
apiVersion: snapshot.storage.k8s.io/v1
kind: VolumeSnapshot
metadata: {name: vs}
---
apiVersion: multicluster.x-k8s.io/v1alpha1
kind: ServiceImport
metadata: {name: si}
---
apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata: {name: es}
`;
    expect(unknown(text)).toEqual([]);
  });
});

describe("Flux Kustomization and kustomize namespace", () => {
  const flux = (spec: string) => `apiVersion: kustomize.toolkit.fluxcd.io/v1
kind: Kustomization
metadata: {name: shop, namespace: flux-system}
spec:
  path: ./apps/shop
${spec}---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: r}
spec: {}
`;

  it("targetNamespace: a located warning saying where the namespaceless objects land", () => {
    const found = load(flux("  targetNamespace: shop\n")).diagnostics.filter(
      (d) => d.code === "object.kustomize-config",
    );
    expect(found.map((d) => [d.line, d.column, d.severity])).toEqual([[6, 20, "warning"]]);
    expect(found[0]?.message).toBe(
      "Flux Kustomization flux-system/shop applies the objects under ./apps/shop with targetNamespace shop: each namespaced object there gets namespace shop when applied, whatever its file says. 1 object of the input has no namespace and is read here as default; if it is under ./apps/shop, it lands in shop.",
    );
    expect(found[0]?.hint).toContain("`kustomize build ./apps/shop | gwsim check -`");
  });

  it("several Kustomizations: each counts the namespaceless objects of its own spec.path", () => {
    const ks = (name: string) => `apiVersion: kustomize.toolkit.fluxcd.io/v1
kind: Kustomization
metadata: {name: ${name}, namespace: flux-system}
spec: {path: ./apps/${name}, targetNamespace: team-${name}}
`;
    const obj = (kind: string, name: string) => `apiVersion: v1
kind: ${kind}
metadata: {name: ${name}}
`;
    const found = loadManifests([
      { name: "clusters/ks.yaml", text: `${ks("a")}---\n${ks("b")}---\n${ks("c")}` },
      { name: "repo/apps/a/cm.yaml", text: obj("ConfigMap", "a") },
      { name: "repo/apps/b/cm.yaml", text: `${obj("ConfigMap", "b")}---\n${obj("Secret", "b")}` },
      { name: "repo/apps/ab/cm.yaml", text: obj("ConfigMap", "ab") },
    ]).diagnostics.filter((d) => d.code === "object.kustomize-config");
    expect(
      found.map((d) => d.message.slice(d.message.indexOf("whatever its file says.") + 24)),
    ).toEqual([
      "1 object under ./apps/a has no namespace and is read here as default; applied, it lands in team-a.",
      "2 objects under ./apps/b have no namespace and are read here as default; applied, they land in team-b.",
      // No file of the input is under ./apps/c: which of the four it applies is unknown.
      "4 objects of the input have no namespace and are read here as default; if they are under ./apps/c, they land in team-c.",
    ]);
  });

  it("without targetNamespace: quiet (the objects keep their namespaces)", () => {
    expect(load(flux("")).diagnostics).toEqual([]);
  });

  it("a kustomization.yaml namespace: says the namespaceless objects land there", () => {
    const text = `apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
namespace: shop
resources: [route.yaml]
`;
    const [d] = load(text).diagnostics;
    expect(d?.severity).toBe("warning");
    expect(d?.message).toContain(
      "Its `namespace: shop` puts every namespaced object it builds in shop: those written without a namespace are read here as default.",
    );
  });
});
