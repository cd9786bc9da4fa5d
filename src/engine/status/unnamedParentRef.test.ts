/**
 * A parentRef without `name` (required by the CRD): a located schema error, and no parent is
 * invented for it. No controller owns an unnamed parent, so that parentRef gets no status entry
 * (spec §1.4: a parentRef the controller cannot resolve gets none).
 */
import { describe, expect, test } from "vitest";
import { analyze } from "../analyze";
import type { WorldMode } from "../resolve/world";

const ROUTE = `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: r, namespace: app}
spec:
  parentRefs:
    - namespace: infra
      sectionName: http
  rules:
    - backendRefs: [{name: svc, port: 80}]
`;
const LISTENER_SET = `apiVersion: gateway.networking.k8s.io/v1
kind: ListenerSet
metadata: {name: extra, namespace: infra}
spec:
  parentRef: {kind: Gateway, group: gateway.networking.k8s.io}
  listeners: [{name: h, port: 8080, protocol: HTTP}]
`;

const run = (text: string, world: WorldMode) => analyze([{ name: "s.yaml", text }], { world });

describe("a parentRef without a name", () => {
  for (const world of ["auto", "open", "closed"] as const) {
    test(`${world}: a located schema error, no Gateway with an empty name assumed or reported missing, no status`, () => {
      const a = run(ROUTE, world);
      const required = a.diagnostics.find((d) => d.code === "schema.required");
      expect(required).toMatchObject({ path: "spec.parentRefs[0].name", line: 6 });
      expect(a.assumptions.filter((x) => x.kind === "Gateway")).toEqual([]);
      expect(a.diagnostics.map((d) => d.code)).not.toContain("assume.parent");
      expect(a.diagnostics.filter((d) => d.message.includes("parentRef"))).toEqual([required]);
      expect(a.graph.nodes.filter((n) => n.kind === "Gateway")).toEqual([]);
      expect(a.status["HTTPRoute/app/r"]).toBeUndefined();
      const explain = a.explain.find((e) => e.route === "HTTPRoute/app/r");
      expect(explain?.unknownParent).toBeUndefined();
      expect(explain).toMatchObject({
        noStatusReason:
          "the parentRef has no name (required: the API server refuses the route), so no controller owns this parent and none writes status for it",
      });
    });
  }

  test("a ListenerSet whose parentRef has no name assumes no Gateway either", () => {
    const a = run(LISTENER_SET, "auto");
    expect(a.assumptions.filter((x) => x.kind === "Gateway")).toEqual([]);
    expect(a.diagnostics.map((d) => d.code)).toContain("schema.required");
  });
});
