/**
 * A slice with no Namespace objects: a route's namespace is assumed labeled as the listener it
 * attaches to asks (auto), once per namespace (resolve/namespaceLabelPlan). The lens shows those
 * cells as assumed, refuses the cells whose selector contradicts that assumption, and claims no
 * leak from assumed cells.
 */
import { describe, expect, it } from "vitest";
import { analyzeRevision } from "../analyze";
import { printIsolationLens } from "../print/printIsolationLens";
import type { WorldMode } from "../resolve/world";
import { computeIsolationLens } from "./computeIsolationLens";

const gateway = (name: string, label: string) => `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: ${name}, namespace: gw-${name}}
spec:
  gatewayClassName: ${name}
  listeners:
  - name: http
    port: 80
    protocol: HTTP
    allowedRoutes: {namespaces: {from: Selector, selector: {matchLabels: {exposure: ${label}}}}}
---
`;
const SLICE = `${gateway("external", "external")}${gateway("internal", "internal")}apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: shop, namespace: app}
spec:
  parentRefs: [{name: external, namespace: gw-external}]
  rules: [{backendRefs: [{name: shop, port: 80}]}]
`;
const lensOf = (world: WorldMode) =>
  computeIsolationLens(analyzeRevision([{ name: "slice.yaml", text: SLICE }], { world }));
const EXTERNAL = "Gateway/gw-external/external#http";
const INTERNAL = "Gateway/gw-internal/internal#http";

describe("the isolation lens on assumed namespace labels", () => {
  it("auto: cells allowed only on assumed labels say so; no leak is claimed from them", () => {
    const lens = lensOf("auto");
    const app = lens.cells.filter((c) => c.namespace === "app");
    // app is assumed exposure=external for its route; it cannot also be exposure=internal.
    expect(app.map((c) => [c.listener, c.allowed, c.assumed])).toEqual([
      [EXTERNAL, true, "auto: the input holds no Namespace, so its labels are unknown"],
      [INTERNAL, false, undefined],
    ]);
    expect(app[1]?.detail).toContain(
      "namespace app is already assumed labeled as listener http of Gateway gw-external/external (exposure=external) selects",
    );
    expect(lens.leaks.filter((l) => l.kind === "namespace-open-to-domains")).toEqual([]);
  });

  it("the CLI table marks them and says what the mark means", () => {
    const text = printIsolationLens(lensOf("auto"));
    expect(text).toMatch(/^app +✓ assumed \(1 attached\) +✗ conflicts with \[1\]$/m);
    expect(text).toContain(
      "✓ assumed: allowed only if the namespace carries labels the input cannot show (auto: the input holds no Namespace, so its labels are unknown); add the Namespace objects, or use --world closed",
    );
  });

  it("closed: refused, nothing assumed", () => {
    const lens = lensOf("closed");
    const app = lens.cells.filter((c) => c.namespace === "app");
    expect(app.map((c) => [c.allowed, c.assumed])).toEqual([
      [false, undefined],
      [false, undefined],
    ]);
    expect(printIsolationLens(lens)).not.toContain("✓ assumed");
  });
  it("a namespace no route asks about carries one set of labels too", () => {
    // ops holds only a Service: no route asks for its labels. The lens continues the plan: it is
    // assumed exposure=external for [1], so it cannot also be exposure=internal for [2].
    const text = `${SLICE}---\napiVersion: v1\nkind: Service\nmetadata: {name: tools, namespace: ops}\nspec: {ports: [{port: 80}]}\n`;
    const lens = computeIsolationLens(analyzeRevision([{ name: "slice.yaml", text }]));
    const ops = lens.cells.filter((c) => c.namespace === "ops");
    expect(ops.map((c) => [c.listener, c.allowed, c.assumed !== undefined])).toEqual([
      [EXTERNAL, true, true],
      [INTERNAL, false, false],
    ]);
    expect(ops[1]?.conflictsWith).toEqual({
      site: "listener http of Gateway gw-external/external (exposure=external)",
      file: "slice.yaml",
      line: 10,
      column: 50,
      listener: EXTERNAL,
    });
    expect(ops[1]?.detail).toContain(
      "namespace ops is already assumed labeled as listener http of Gateway gw-external/external (exposure=external) selects (read earlier in the input)",
    );
    const printed = printIsolationLens(lens);
    expect(printed).toMatch(/^ops +✓ assumed +✗ conflicts with \[1\]$/m);
    expect(printed).toContain(
      "✗ conflicts with [1] on [2]: listener http of Gateway gw-external/external (exposure=external) (slice.yaml:10:50) is assumed first for 4 namespaces the input does not declare (app, gw-external, gw-internal, ops)",
    );
  });
});
