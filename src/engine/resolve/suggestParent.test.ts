/**
 * A parentRef naming a parent that is not where it resolves: the explanation and the diagnostic
 * name the parent probably meant (suggestParent.ts) and the field to change.
 */
import { describe, expect, it } from "vitest";
import { analyze } from "../analyze";
import type { WorldMode } from "./world";

const INPUT = (parentRefs: string) => `apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: platform}
spec: {controllerName: example.com/gateway}
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: public, namespace: infra}
spec:
  gatewayClassName: platform
  listeners: [{name: http, port: 80, protocol: HTTP, allowedRoutes: {namespaces: {from: All}}}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: shop, namespace: shop}
spec:
  parentRefs: ${parentRefs}
  rules: [{backendRefs: [{name: shop, port: 80}]}]
`;

function outcome(parentRefs: string, world: WorldMode) {
  const a = analyze([{ name: "r.yaml", text: INPUT(parentRefs) }], { world });
  const explain = a.explain.find((e) => e.route === "HTTPRoute/shop/shop");
  const notFound = a.diagnostics.find(
    (d) => d.code === "ref.not-found" && d.message.startsWith("parentRef"),
  );
  return { message: explain?.message, check: explain?.checks[0]?.detail, diag: notFound?.message };
}

describe("did you mean <ns>/<name> for a missing parent", () => {
  it("the same name in another namespace: set namespace", () => {
    const o = outcome("[{name: public, namespace: edge}]", "closed");
    const meant = "did you mean Gateway infra/public? Set `namespace: infra` on the parentRef";
    expect(o.message).toBe(
      `Gateway edge/public is not in the input; a controller writes no status for a parent it cannot see; ${meant}`,
    );
    expect(o.check).toBe(`Gateway edge/public not found; ${meant}`);
    expect(o.diag).toBe(
      `parentRef Gateway edge/public is not in the input, so the route has no status for it (closed world: the input is the whole cluster, so no controller attaches the route to it): ${meant}.`,
    );
  });

  it("an assumed parent (namespace defaulted, auto) names it too", () => {
    const o = outcome("[{name: public}]", "auto");
    expect(o.message).toContain(
      "unknown: Gateway shop/public is not in the workspace (auto: the input holds no Gateway in namespace shop); its controller decides whether it accepts the route; did you mean Gateway infra/public? Set `namespace: infra` on the parentRef",
    );
  });

  it("a close spelling in the same namespace: set name", () => {
    const o = outcome("[{name: publc, namespace: infra}]", "auto");
    expect(o.diag).toBe(
      "parentRef Gateway infra/publc is not in the input, so the route has no status for it (auto world: the workspace declares other Gateway objects in namespace infra, so a missing one is not assumed; the open world, for a slice of the cluster, assumes it exists and leaves whether it accepts the route to its controller): did you mean Gateway infra/public? Set `name: public` on the parentRef.",
    );
  });

  it("a name that only contains the one written is not a spelling slip", () => {
    const o = outcome("[{name: publ, namespace: infra}]", "auto");
    expect(o.diag).toBe(
      "parentRef Gateway infra/publ is not in the input, so the route has no status for it (auto world: the workspace declares other Gateway objects in namespace infra, so a missing one is not assumed; the open world, for a slice of the cluster, assumes it exists and leaves whether it accepts the route to its controller).",
    );
  });

  it("nothing close: no suggestion", () => {
    const o = outcome("[{name: checkout-gateway, namespace: infra}]", "auto");
    expect(o.diag).toBe(
      "parentRef Gateway infra/checkout-gateway is not in the input, so the route has no status for it (auto world: the workspace declares other Gateway objects in namespace infra, so a missing one is not assumed; the open world, for a slice of the cluster, assumes it exists and leaves whether it accepts the route to its controller).",
    );
  });

  it("a parent whose file sets no namespace: fix the parent or render, not the parentRef", () => {
    // A GitOps folder (home-ops style): the Gateway's namespace comes from kustomize or Flux
    // targetNamespace when applied, so it reads as default here while routes point at network.
    const text = `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: envoy-external}
spec:
  gatewayClassName: envoy
  listeners: [{name: http, port: 80, protocol: HTTP}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: app, namespace: media}
spec:
  parentRefs: [{name: envoy-external, namespace: network}]
  rules: [{backendRefs: [{name: app, port: 80}]}]
`;
    const a = analyze([{ name: "gw.yaml", text }], { world: "closed" });
    const diag = a.diagnostics.find(
      (d) => d.code === "ref.not-found" && d.message.startsWith("parentRef"),
    );
    expect(diag?.message).toBe(
      "parentRef Gateway network/envoy-external is not in the input, so the route has no status for it (closed world: the input is the whole cluster, so no controller attaches the route to it): did you mean Gateway default/envoy-external? Its file sets no namespace, so it is read as default; if kustomize (`namespace:`) or Flux (`targetNamespace`) applies it in network, check the rendered output (`kustomize build DIR | gwsim check -`) or set `namespace: network` in its metadata.",
    );
  });
});
