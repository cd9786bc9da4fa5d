/**
 * A NetworkPolicy peer that would admit the Gateway's namespace on assumed labels, but the
 * namespace is already assumed to carry labels the peer contradicts (one set of assumed labels
 * per namespace, resolve/namespaceLabelPlan): the lens's network-policy-blocks leak names the
 * earlier selector and where it is written, as a refused matrix cell does (`✗ conflicts with [n]`).
 */
import { describe, expect, it } from "vitest";
import { analyzeRevision } from "../analyze";
import { printIsolationLens } from "../print/printIsolationLens";
import type { WorldMode } from "../resolve/world";
import { computeIsolationLens } from "./computeIsolationLens";

const SLICE = `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw, namespace: edge}
spec:
  gatewayClassName: external
  listeners:
  - name: http
    port: 80
    protocol: HTTP
    allowedRoutes: {namespaces: {from: Selector, selector: {matchLabels: {exposure: external}}}}
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: shop, namespace: app}
spec:
  parentRefs: [{name: gw, namespace: edge}]
  rules: [{backendRefs: [{name: web, port: 80}]}]
---
apiVersion: v1
kind: Service
metadata: {name: web, namespace: app}
spec: {selector: {app: web}, ports: [{port: 80}]}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: only-internal, namespace: app}
spec:
  podSelector: {matchLabels: {app: web}}
  ingress:
  - from:
    - namespaceSelector: {matchLabels: {exposure: internal}}
`;
const lensOf = (world: WorldMode, text = SLICE) =>
  computeIsolationLens(analyzeRevision([{ name: "slice.yaml", text }], { world }));
const blocks = (world: WorldMode, text?: string) =>
  lensOf(world, text).leaks.filter((l) => l.kind === "network-policy-blocks");

describe("a NetworkPolicy peer contradicting an assumed namespace label", () => {
  it("auto: the blocking leak names the earlier selector and where it is written", () => {
    const [leak, ...rest] = blocks("auto");
    expect(rest).toEqual([]);
    expect(leak?.severity).toBe("warning");
    expect(leak?.conflictsWith).toEqual({
      site: "listener http of Gateway edge/gw (exposure=external)",
      file: "slice.yaml",
      line: 10,
      column: 50,
      listener: "Gateway/edge/gw#http",
    });
    expect(leak?.message).toContain(
      "the peer of only-internal that admits namespaces labeled exposure=internal cannot: namespace edge is already assumed labeled as listener http of Gateway edge/gw (exposure=external) selects (read earlier in the input), and these labels cannot also hold, so it does not match (listener http of Gateway edge/gw (exposure=external) is at slice.yaml:10:50). Add Namespace edge to the input to check",
    );
  });

  it("the CLI lens prints it as a refused cell's conflict: ✗ conflicts with [n] and file:line:col", () => {
    expect(printIsolationLens(lensOf("auto"))).toContain(
      "    ✗ conflicts with [1]: listener http of Gateway edge/gw (exposure=external) (slice.yaml:10:50)\n",
    );
  });

  it("an earlier selector that is not a listener's is named by what it is", () => {
    // Another policy's peer, read first, assumes edge labeled exposure=partner.
    const earlier = SLICE.replace(
      "apiVersion: networking.k8s.io/v1",
      `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: partners, namespace: other}
spec:
  podSelector: {}
  ingress:
  - from:
    - namespaceSelector: {matchLabels: {exposure: partner}}
---
apiVersion: networking.k8s.io/v1`,
    ).replace("matchLabels: {exposure: external}}}}", "matchLabels: {team: shop}}}}");
    const [leak] = blocks("auto", earlier);
    expect(leak?.conflictsWith?.site).toContain("NetworkPolicy other/partners");
    expect(leak?.conflictsWith?.listener).toBeUndefined();
    expect(printIsolationLens(lensOf("auto", earlier))).toMatch(
      /^ {4}✗ conflicts with an earlier selector: .*NetworkPolicy other\/partners.* \(slice\.yaml:\d+:\d+\)$/m,
    );
  });

  it("declared namespaces: their labels decide, a plain block with no conflict to name", () => {
    const declared = `${SLICE}---
apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: external}
spec: {controllerName: example.com/gateway}
---
apiVersion: v1
kind: Namespace
metadata: {name: edge}
---
apiVersion: v1
kind: Namespace
metadata: {name: app, labels: {exposure: external}}
`;
    const [leak, ...rest] = blocks("closed", declared);
    expect(rest).toEqual([]);
    expect(leak?.message).toContain("no ingress rule admits namespace edge");
    expect(leak?.conflictsWith).toBeUndefined();
    expect(leak?.message).not.toContain("already assumed");
  });
});
