/**
 * A Gateway's allowedListeners selecting ListenerSet namespaces by label reads an undeclared
 * namespace by the same rule as a listener's allowedRoutes (resolve/matchNamespaceSelector):
 * exact first, a miss for want of other labels assumed in auto/open and recorded.
 */
import { describe, expect, test } from "vitest";
import { analyze } from "../analyze";
import type { WorldMode } from "../resolve/world";
import type { ConditionsStatus } from "../types";

const slice = (selector: string) => `apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: c}
spec: {controllerName: example.com/c}
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw, namespace: infra}
spec:
  gatewayClassName: c
  allowedListeners: {namespaces: {from: Selector, selector: ${selector}}}
  listeners: [{name: http, port: 80, protocol: HTTP}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: ListenerSet
metadata: {name: ls, namespace: team}
spec:
  parentRef: {name: gw, namespace: infra}
  listeners: [{name: extra, port: 8080, protocol: HTTP}]
`;

function run(selector: string, world: WorldMode = "auto") {
  const a = analyze([{ name: "in.yaml", text: slice(selector) }], { world });
  const accepted = (
    a.status["ListenerSet/team/ls"] as ConditionsStatus | undefined
  )?.conditions.find((c) => c.type === "Accepted");
  return {
    accepted: `${accepted?.status}/${accepted?.reason}`,
    message: accepted?.message ?? "",
    notes: a.diagnostics.filter((d) => d.code === "assume.namespace-labels"),
  };
}

describe("allowedListeners from Selector and an undeclared ListenerSet namespace", () => {
  test("auto: a custom label is assumed, recorded at the ListenerSet's parentRef", () => {
    const r = run(`{matchLabels: {gateway-access: "true"}}`);
    expect(r.accepted).toBe("True/Accepted");
    expect(r.notes).toHaveLength(1);
    expect(r.notes[0]).toMatchObject({
      path: "spec.parentRef",
      object: { kind: "ListenerSet", namespace: "team", name: "ls" },
      message:
        "Namespace team is not in the workspace; assumed labeled as the allowedListeners of Gateway infra/gw selects (gateway-access=true) because auto: the input holds no Namespace, so its labels are unknown. In a closed world: only its kubernetes.io/metadata.name label counts, and Gateway infra/gw does not admit ListenerSets from it (NotAllowed).",
    });
  });

  test("closed: not allowed, a fact", () => {
    const r = run(`{matchLabels: {gateway-access: "true"}}`, "closed");
    expect(r.accepted).toBe("False/NotAllowed");
    expect(r.message).toContain("does not match (requires gateway-access=true, has no such label)");
    expect(r.notes).toHaveLength(0);
  });

  test("the name label decides: a fact in every world", () => {
    for (const world of ["auto", "open", "closed"] as const) {
      expect(run(`{matchLabels: {kubernetes.io/metadata.name: other}}`, world)).toMatchObject({
        accepted: "False/NotAllowed",
        notes: [],
      });
      expect(run(`{matchLabels: {kubernetes.io/metadata.name: team}}`, world)).toMatchObject({
        accepted: "True/Accepted",
        notes: [],
      });
    }
  });

  test("DoesNotExist on another label already matches: nothing assumed", () => {
    const r = run(`{matchExpressions: [{key: legacy, operator: DoesNotExist}]}`);
    expect(r.accepted).toBe("True/Accepted");
    expect(r.notes).toHaveLength(0);
  });
});
