/**
 * A cluster slice without the target namespace: the world assumes the ReferenceGrant a
 * cross-namespace reference needs (world.ts assumeReferenceGrant). A namespace the input holds
 * anything of keeps RefNotPermitted: the forgotten grant stays an error.
 */
import { describe, expect, test } from "vitest";
import { aManifest, aNamespace, aService } from "../../test-utils/manifests";
import { analyze } from "../analyze";
import { compileRouter } from "../routing/compileRouter";
import { printTrace } from "../print/printTrace";
import { traceRequest } from "../simulate/traceRequest";
import { indexResources } from "./indexResources";
import { resolveBackendRef } from "./resolveBackendRef";
import type { WorldMode } from "./world";

const from = { kind: "HTTPRoute" as const, namespace: "app" };
const ref = { name: "orders", namespace: "svc", port: 8080 };
const GRANT_LINE =
  "no ReferenceGrant in namespace svc is in the input; assumed to allow HTTPRoute from app (closed world: RefNotPermitted)";
const aConfigMap = (namespace: string) =>
  aManifest({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "settings", namespace } });

describe("a backendRef into a namespace the input lacks", () => {
  test("auto: the grant is assumed, said in the reference", () => {
    const resolved = resolveBackendRef(indexResources([]), from, ref, 0);
    expect(resolved).toMatchObject({
      valid: true,
      assumedGrant: GRANT_LINE,
      assumedGrantWhy: "auto: the input holds no object in namespace svc",
      // The Service is assumed too: nothing of svc is in the input.
      target: "Service/svc/orders",
    });
    expect(resolved.reason).toBeUndefined();
  });

  test.each([
    ["its Namespace object", aNamespace("svc")],
    ["another object in it", aConfigMap("svc")],
    ["a Service in it", aService("svc", "other")],
  ])("auto with %s in the input: RefNotPermitted, as before", (_, present) => {
    const resolved = resolveBackendRef(indexResources([present]), from, ref, 0);
    expect(resolved).toMatchObject({ valid: false, reason: "RefNotPermitted" });
    expect(resolved.assumedGrant).toBeUndefined();
    expect(resolved.message).toContain("no ReferenceGrant in namespace svc allows HTTPRoute");
  });

  test("open: the grant is assumed even when the namespace is in the input", () => {
    const resolved = resolveBackendRef(
      indexResources([aService("svc", "orders")], "open"),
      from,
      ref,
      0,
    );
    expect(resolved).toMatchObject({
      valid: true,
      target: "Service/svc/orders",
      assumedGrant: GRANT_LINE,
      assumedGrantWhy: "open world",
    });
    // The Service itself is in the input: only the grant is assumed.
    expect(resolved.assumed).toBeUndefined();
  });

  test("closed: RefNotPermitted", () => {
    const resolved = resolveBackendRef(indexResources([], "closed"), from, ref, 0);
    expect(resolved).toMatchObject({ valid: false, reason: "RefNotPermitted" });
  });

  test("a grant of the input still decides: no assumption when one permits", () => {
    const grant = aManifest({
      apiVersion: "gateway.networking.k8s.io/v1beta1",
      kind: "ReferenceGrant",
      metadata: { name: "g", namespace: "svc" },
      spec: {
        from: [{ group: "gateway.networking.k8s.io", kind: "HTTPRoute", namespace: "app" }],
        to: [{ group: "", kind: "Service" }],
      },
    });
    const resolved = resolveBackendRef(indexResources([grant], "open"), from, ref, 0);
    expect(resolved.valid).toBe(true);
    expect(resolved.assumedGrant).toBeUndefined();
  });
});

const SLICE = `apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: platform}
spec: {controllerName: example.com/gateway}
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: web, namespace: app}
spec:
  gatewayClassName: platform
  listeners:
  - {name: http, protocol: HTTP, port: 80, hostname: app.example.com}
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: orders, namespace: app}
spec:
  parentRefs: [{name: web}]
  rules:
  - backendRefs: [{name: orders, namespace: svc, port: 8080}]
  - matches: [{path: {type: PathPrefix, value: /b}}]
    backendRefs: [{name: billing, namespace: svc, port: 8080}]
`;
const SVC_NAMESPACE = `---
apiVersion: v1
kind: Namespace
metadata: {name: svc}
`;

const run = (text: string, world?: WorldMode) =>
  analyze([{ name: "slice.yaml", text }], world === undefined ? {} : { world });
type Conditions = { conditions: { type: string; reason: string }[] }[];
/** The ResolvedRefs reason of the first route parent or listener of the object `key`. */
const resolvedRefsOf = (
  analysis: ReturnType<typeof run>,
  key: string,
  holder: "parents" | "listeners",
) =>
  (analysis.status[key] as unknown as Record<typeof holder, Conditions>)[
    holder
  ][0]?.conditions.find((c) => c.type === "ResolvedRefs")?.reason;
const resolvedRefs = (analysis: ReturnType<typeof run>) =>
  resolvedRefsOf(analysis, "HTTPRoute/app/orders", "parents");

describe("the analysis of a slice that lacks the target namespace", () => {
  test("one note and one record per assumed grant, at its first reference", () => {
    const a = run(SLICE);
    expect(resolvedRefs(a)).toBe("ResolvedRefs");
    const notes = a.diagnostics.filter((d) => d.code === "assume.reference-grant");
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({
      severity: "info",
      path: "spec.rules[0].backendRefs[0]",
      object: { kind: "HTTPRoute", namespace: "app", name: "orders" },
      message:
        "ReferenceGrant in namespace svc is not in the workspace; assumed to allow HTTPRoute from namespace app to reference Service because auto: the input holds no object in namespace svc. In a closed world: the reference is not permitted (RefNotPermitted). 2 references rely on it.",
    });
    expect(notes[0]?.hint).toContain("--world closed to see RefNotPermitted");
    const record = a.assumptions.find((x) => x.kind === "ReferenceGrant");
    expect(record).toEqual({
      key: "ReferenceGrant/svc/",
      kind: "ReferenceGrant",
      namespace: "svc",
      allows: [
        {
          from: { group: "gateway.networking.k8s.io", kind: "HTTPRoute", namespace: "app" },
          to: { group: "", kind: "Service" },
        },
      ],
      why: "auto: the input holds no object in namespace svc",
      facts: ["HTTPRoute from namespace app to reference Service"],
      closedWorld: "the reference is not permitted (RefNotPermitted)",
      firstReference: {
        object: "HTTPRoute/app/orders",
        path: ["spec", "rules", 0, "backendRefs", 0],
      },
      references: 2,
    });
    // No name is made up for a grant whose name is unknown.
    expect(record && "name" in record).toBe(false);
  });

  test("the trace's backend step and the graph's backend edge say the grant is assumed", () => {
    const a = run(SLICE);
    const trace = traceRequest(compileRouter(a), {
      gateway: "app/web",
      scheme: "http",
      host: "app.example.com",
      path: "/",
    });
    expect(trace.outcome).toMatchObject({ status: 200 });
    expect(trace.outcome.backends[0]?.assumedGrant).toBe(GRANT_LINE);
    expect(printTrace(trace)).toContain(`assumed: ${GRANT_LINE}`);
    const edge = a.graph.edges.find((e) => e.kind === "backend" && e.ruleIndex === 0);
    expect(edge).toMatchObject({
      status: "ok",
      message: GRANT_LINE,
      label: "rule 0 · 100% · grant assumed",
    });
  });

  test("the Namespace object in the input: RefNotPermitted, no assumed grant", () => {
    const a = run(SLICE + SVC_NAMESPACE);
    expect(resolvedRefs(a)).toBe("RefNotPermitted");
    expect(a.assumptions.some((x) => x.kind === "ReferenceGrant")).toBe(false);
    expect(a.diagnostics.some((d) => d.code === "assume.reference-grant")).toBe(false);
  });

  test("open: assumed with the namespace present; closed: RefNotPermitted", () => {
    const open = run(SLICE + SVC_NAMESPACE, "open");
    expect(resolvedRefs(open)).toBe("ResolvedRefs");
    expect(open.assumptions.find((x) => x.kind === "ReferenceGrant")?.why).toBe("open world");
    const closed = run(SLICE, "closed");
    expect(resolvedRefs(closed)).toBe("RefNotPermitted");
    expect(closed.assumptions).toEqual([]);
  });
});

const TLS = `apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: platform}
spec: {controllerName: example.com/gateway}
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: web, namespace: app}
spec:
  gatewayClassName: platform
  listeners:
  - name: https
    protocol: HTTPS
    port: 443
    hostname: app.example.com
    tls: {certificateRefs: [{name: app-tls, namespace: certs}]}
`;

const listenerResolvedRefs = (analysis: ReturnType<typeof run>) =>
  resolvedRefsOf(analysis, "Gateway/app/web", "listeners");

describe("a listener certificateRef into a namespace the input lacks", () => {
  test("auto: the grant and the Secret are assumed, with a note at the certificateRef", () => {
    const a = run(TLS);
    expect(listenerResolvedRefs(a)).toBe("ResolvedRefs");
    expect(a.diagnostics.find((d) => d.code === "assume.reference-grant")).toMatchObject({
      path: "spec.listeners[0].tls.certificateRefs[0]",
      object: { kind: "Gateway", namespace: "app", name: "web" },
    });
    expect(a.assumptions.find((x) => x.kind === "ReferenceGrant")?.allows).toEqual([
      {
        from: { group: "gateway.networking.k8s.io", kind: "Gateway", namespace: "app" },
        to: { group: "", kind: "Secret" },
      },
    ]);
    const trace = traceRequest(compileRouter(a), {
      gateway: "app/web",
      scheme: "https",
      host: "app.example.com",
      path: "/",
    });
    const listener = trace.listeners.find((l) => l.chosen);
    expect(listener?.assumed?.[0]).toBe(
      "no ReferenceGrant in namespace certs is in the input; assumed to allow Gateway from app (closed world: RefNotPermitted)",
    );
  });

  test("auto with anything of the namespace in the input, and closed: RefNotPermitted", () => {
    expect(listenerResolvedRefs(run(TLS + SVC_NAMESPACE.replace("svc", "certs")))).toBe(
      "RefNotPermitted",
    );
    expect(listenerResolvedRefs(run(TLS, "closed"))).toBe("RefNotPermitted");
  });
});
