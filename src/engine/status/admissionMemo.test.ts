/**
 * The admission checks checkListenerAdmission shares across routes (AdmissionMemo) must be exactly
 * the checks it builds without the memo, for every listener, route kind and namespace, and shared
 * objects only where the inputs they depend on are the same.
 */
import { describe, expect, test } from "vitest";
import type { RouteKind } from "./../api/kinds";
import { analyzeRevision } from "../analyze";
import { resolveParentRef } from "../resolve/resolveParentRef";
import { checkListenerAdmission, createAdmissionMemo } from "./checkListenerAdmission";

const text = `apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: c}
spec: {controllerName: example.com/c}
---
apiVersion: v1
kind: Namespace
metadata: {name: team-a, labels: {shared: "yes"}}
---
apiVersion: v1
kind: Namespace
metadata: {name: team-b}
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw, namespace: infra}
spec:
  gatewayClassName: c
  listeners:
  - {name: same, port: 80, protocol: HTTP, hostname: "*.example.com"}
  - {name: all, port: 81, protocol: HTTP, allowedRoutes: {namespaces: {from: All}}}
  - name: selected
    port: 82
    protocol: HTTP
    allowedRoutes: {namespaces: {from: Selector, selector: {matchLabels: {shared: "yes"}}}}
  - {name: tls, port: 443, protocol: TLS, tls: {mode: Passthrough}}
  - {name: broken, port: 84, protocol: HTTP, allowedRoutes: {kinds: [{kind: Nope}]}}
`;

describe("AdmissionMemo", () => {
  const revision = analyzeRevision([{ name: "in.yaml", text }], { world: "closed" });
  const listeners = [...revision.listeners.values()].flatMap((g) => g.listeners);
  const routes: { kind: RouteKind; namespace: string; hostnames: string[] }[] = [];
  for (const kind of ["HTTPRoute", "GRPCRoute", "TLSRoute", "TCPRoute"] as const)
    for (const namespace of ["infra", "team-a", "team-b"])
      for (const hostnames of [[], ["a.example.com"], ["x.other.org"]])
        routes.push({ kind, namespace, hostnames });

  test("the workspace has the listeners the cases need", () => {
    expect(listeners.map((l) => l.name)).toEqual(["same", "all", "selected", "tls", "broken"]);
  });

  test("with a memo, every admission equals the one built without it", () => {
    const memo = createAdmissionMemo();
    let compared = 0;
    // Twice over: the second pass reads only shared checks.
    for (let pass = 0; pass < 2; pass++)
      for (const l of listeners)
        for (const route of routes) {
          const ref = resolveParentRef({ name: "gw", namespace: "infra" }, route.namespace);
          const fresh = checkListenerAdmission(revision.index, l, ref, route);
          const memoized = checkListenerAdmission(revision.index, l, ref, route, memo);
          expect(memoized).toEqual(fresh);
          compared++;
        }
    expect(compared).toBe(2 * listeners.length * routes.length);
  });

  test("checks are shared per listener and kind or namespace, never across them", () => {
    const memo = createAdmissionMemo();
    const [same, all] = listeners;
    if (same === undefined || all === undefined) throw new Error("listeners missing");
    const ref = resolveParentRef({ name: "gw", namespace: "infra" }, "infra");
    const check = (
      l: typeof same,
      kind: RouteKind,
      namespace: string,
      name: "route-kind" | "namespace" | "listener-ready",
    ) =>
      checkListenerAdmission(
        revision.index,
        l,
        ref,
        { kind, namespace, hostnames: [] },
        memo,
      ).checks.find((c) => c.check === name);
    expect(check(same, "HTTPRoute", "infra", "route-kind")).toBe(
      check(same, "HTTPRoute", "team-a", "route-kind"),
    );
    expect(check(same, "HTTPRoute", "infra", "route-kind")).not.toBe(
      check(same, "GRPCRoute", "infra", "route-kind"),
    );
    expect(check(same, "HTTPRoute", "infra", "route-kind")).not.toBe(
      check(all, "HTTPRoute", "infra", "route-kind"),
    );
    expect(check(all, "HTTPRoute", "team-a", "namespace")).toBe(
      check(all, "GRPCRoute", "team-a", "namespace"),
    );
    expect(check(all, "HTTPRoute", "team-a", "namespace")).not.toBe(
      check(all, "HTTPRoute", "team-b", "namespace"),
    );
    expect(check(same, "HTTPRoute", "infra", "listener-ready")).toBe(
      check(same, "TCPRoute", "team-b", "listener-ready"),
    );
  });

  test("hostname checks are shared per listener and one route hostname, never across them", () => {
    const memo = createAdmissionMemo();
    const [same, all] = listeners;
    if (same === undefined || all === undefined) throw new Error("listeners missing");
    const ref = resolveParentRef({ name: "gw", namespace: "infra" }, "infra");
    const admit = (l: typeof same, namespace: string, hostnames: string[]) =>
      checkListenerAdmission(
        revision.index,
        l,
        ref,
        { kind: "HTTPRoute", namespace, hostnames },
        memo,
      );
    const hostname = (a: ReturnType<typeof admit>) => a.checks.find((c) => c.check === "hostname");
    const a = admit(same, "infra", ["a.example.com"]);
    const b = admit(same, "team-a", ["a.example.com"]);
    // A route of another namespace naming the same hostname shares it: the sentence names neither.
    expect(hostname(a)).toBe(hostname(b));
    expect(a.effectiveHostnames).toBe(b.effectiveHostnames);
    expect(hostname(a)).not.toBe(hostname(admit(same, "infra", ["b.example.com"])));
    expect(hostname(a)).not.toBe(hostname(admit(all, "infra", ["a.example.com"])));
    expect(hostname(admit(same, "infra", []))).toBe(hostname(admit(same, "team-b", [])));
    // Several hostnames are checked per route (their sentence lists them all).
    const two = ["a.example.com", "b.example.com"];
    expect(hostname(admit(same, "infra", two))).not.toBe(hostname(admit(same, "infra", two)));
    expect(hostname(admit(same, "infra", two))).toEqual(hostname(admit(same, "infra", two)));
  });
});
