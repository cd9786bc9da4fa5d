/**
 * A GatewayClass an implementation installs itself by name (GKE's gke-l7-*, istiod's istio*):
 * absent from the input, it is assumed to be that implementation's in auto and open, so the
 * implementation table decides kinds for its Gateways (case a); closed is unchanged.
 */
import { describe, expect, test } from "vitest";
import { analyze } from "../analyze";
import type { WorldMode } from "./world";

const SLICE = (
  className: string,
  group: string,
  kind: string,
) => `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: web, namespace: ai}
spec:
  gatewayClassName: ${className}
  listeners:
  - {name: http, protocol: HTTP, port: 80}
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: llm, namespace: ai}
spec:
  parentRefs: [{name: web}]
  rules:
  - backendRefs: [{group: ${group}, kind: ${kind}, name: pool}]
`;
const OTHER_CLASS = `---
apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: in-house}
spec: {controllerName: example.com/gateway}
`;

const run = (text: string, world: WorldMode = "auto") =>
  analyze([{ name: "slice.yaml", text }], { world });
type Analysis = ReturnType<typeof run>;
const parentStatus = (a: Analysis) =>
  (
    a.status["HTTPRoute/ai/llm"] as
      | {
          parents: {
            controllerName: string;
            conditions: { type: string; reason: string; message: string }[];
          }[];
        }
      | undefined
  )?.parents[0];
const codes = (a: Analysis) => a.diagnostics.map((d) => d.code);
const classNote = (a: Analysis) =>
  a.diagnostics.find((d) => d.code === "assume.gateway-class")?.message;

describe("well-known GatewayClass names", () => {
  test("auto, no class in the input: gke-l7-rilb is GKE's, so the table decides InferencePool (supported, nothing assumed about it)", () => {
    const a = run(SLICE("gke-l7-rilb", "inference.networking.k8s.io", "InferencePool"));
    expect(classNote(a)).toBe(
      "GatewayClass gke-l7-rilb is not in the workspace; assumed to exist (Accepted, controller networking.gke.io/gateway, installed by GKE (single-cluster Gateway controller) under this name (https://cloud.google.com/kubernetes-engine/docs/how-to/gatewayclass-capabilities)) because auto: the input holds no GatewayClass. In a closed world: no controller reconciles its Gateways, which serve nothing.",
    );
    expect(codes(a)).not.toContain("assume.backend-kind");
    expect(parentStatus(a)?.controllerName).toBe("networking.gke.io/gateway");
    expect(parentStatus(a)?.conditions.find((c) => c.type === "ResolvedRefs")?.reason).toBe(
      "ResolvedRefs",
    );
    expect(a.gateways[0]?.assumed).toEqual([
      "GatewayClass gke-l7-rilb is not in the workspace; assumed Accepted (controller networking.gke.io/gateway, installed by GKE (single-cluster Gateway controller) under this name) (closed world: no controller reconciles its Gateways, which serve nothing)",
    ]);
  });

  test("auto: a kind GKE does not support is a fact under GKE's class (InvalidKind naming GKE), not an assumption", () => {
    const a = run(SLICE("gke-l7-gxlb-mc", "gateway.envoyproxy.io", "Backend"));
    expect(codes(a)).not.toContain("assume.backend-kind");
    const resolvedRefs = parentStatus(a)?.conditions.find((c) => c.type === "ResolvedRefs");
    expect(resolvedRefs?.reason).toBe("InvalidKind");
    expect(resolvedRefs?.message).toContain("GKE");
    expect(parentStatus(a)?.controllerName).toBe("networking.gke.io/gateway-multi-cluster");
  });

  test("auto with other classes in the input: a class GKE installs is still assumed (no repository holds it), said why", () => {
    const a = run(
      SLICE("gke-l7-global-external-managed", "inference.networking.k8s.io", "InferencePool") +
        OTHER_CLASS,
    );
    expect(codes(a)).not.toContain("ref.not-found");
    expect(classNote(a)).toContain(
      "because auto: GKE (single-cluster Gateway controller) installs GatewayClass gke-l7-global-external-managed itself.",
    );
    expect(a.assumptions.map((x) => x.key)).toContain(
      "GatewayClass//gke-l7-global-external-managed",
    );
    expect(parentStatus(a)?.conditions.find((c) => c.type === "Accepted")?.reason).toBe("Accepted");
  });

  test("auto with other classes in the input: a class nobody installs by name stays missing", () => {
    const a = run(
      SLICE("gke-l7-typo", "inference.networking.k8s.io", "InferencePool") + OTHER_CLASS,
    );
    expect(codes(a)).toContain("ref.not-found");
    expect(parentStatus(a)).toBeUndefined();
  });

  test("istio-waypoint is istiod's mesh controller: HBONE is decided by the table, not assumed", () => {
    const waypoint = `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: waypoint, namespace: mesh}
spec:
  gatewayClassName: istio-waypoint
  listeners:
  - {name: mesh, protocol: HBONE, port: 15008}
`;
    const a = run(waypoint);
    expect(codes(a)).toEqual(["assume.gateway-class"]);
    expect(classNote(a)).toContain("controller istio.io/mesh-controller, installed by Istio");
  });

  test("closed: unchanged, the class is missing and nothing is assumed", () => {
    const a = run(SLICE("gke-l7-rilb", "inference.networking.k8s.io", "InferencePool"), "closed");
    expect(a.assumptions).toEqual([]);
    expect(codes(a)).toContain("ref.not-found");
    expect(parentStatus(a)).toBeUndefined();
  });
});
