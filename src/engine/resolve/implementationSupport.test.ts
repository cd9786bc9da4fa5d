/**
 * Implementation-specific backend kinds and listener protocols (implementationSupport.ts): the
 * controller decides when gwsim can name it (a), the world assumes support when it cannot (b),
 * and a kind nobody is known to support stays InvalidKind (c).
 */
import { describe, expect, test } from "vitest";
import { analyze } from "../analyze";
import { compileRouter } from "../routing/compileRouter";
import { printTrace } from "../print/printTrace";
import { traceRequest } from "../simulate/traceRequest";
import type { WorldMode } from "./world";
import { BACKEND_KINDS } from "./implementationSupport";
import { isCoreOrGatewayGroup } from "./knownControllers";

const CLASS = (controllerName: string) => `apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: platform}
spec: {controllerName: ${controllerName}}
---
`;
const GATEWAY_AND_ROUTE = (group: string, kind: string) => `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: web, namespace: ai}
spec:
  gatewayClassName: platform
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
const POOL = (name: string) => `---
apiVersion: inference.networking.k8s.io/v1
kind: InferencePool
metadata: {name: ${name}, namespace: ai}
spec:
  selector: {matchLabels: {app: vllm}}
  targetPorts: [{number: 8000}]
  endpointPickerRef: {name: epp, port: {number: 9002}}
`;
const INFERENCE = ["inference.networking.k8s.io", "InferencePool"] as const;

const run = (text: string, world?: WorldMode) =>
  analyze([{ name: "slice.yaml", text }], world === undefined ? {} : { world });
type Analysis = ReturnType<typeof run>;
const resolvedRefs = (a: Analysis) =>
  (
    a.status["HTTPRoute/ai/llm"] as {
      parents: { conditions: { type: string; reason: string; message: string }[] }[];
    }
  ).parents[0]?.conditions.find((c) => c.type === "ResolvedRefs");
const codes = (a: Analysis) => a.diagnostics.map((d) => d.code);

const SUPPORT_NOTE =
  "Backend kind InferencePool (inference.networking.k8s.io) is implementation-specific; assumed supported by the controller, known to be supported by GKE, Envoy Gateway, kgateway, Istio, NGINX Gateway Fabric (https://gateway-api-inference-extension.sigs.k8s.io/implementations/gateways/)";

describe("(a) a controller gwsim can name decides", () => {
  test.each(["auto", "open", "closed"] as const)(
    "Envoy Gateway supports InferencePool (%s): resolved, nothing assumed about the kind",
    (world) => {
      const a = run(
        CLASS("gateway.envoyproxy.io/gatewayclass-controller") +
          GATEWAY_AND_ROUTE(...INFERENCE) +
          POOL("pool"),
        world,
      );
      expect(resolvedRefs(a)).toMatchObject({ reason: "ResolvedRefs" });
      expect(codes(a)).not.toContain("assume.backend-kind");
      expect(a.assumptions).toEqual([]);
    },
  );

  test.each(["auto", "open", "closed"] as const)(
    "Contour does not support InferencePool (%s): InvalidKind stays a fact, naming it",
    (world) => {
      const a = run(
        CLASS("projectcontour.io/gateway-controller") +
          GATEWAY_AND_ROUTE(...INFERENCE) +
          POOL("pool"),
        world,
      );
      expect(resolvedRefs(a)).toMatchObject({
        reason: "InvalidKind",
        message:
          "backendRef InferencePool ai/pool: Contour (controller projectcontour.io/gateway-controller of GatewayClass platform) does not support backend kind InferencePool (inference.networking.k8s.io); known to be supported by GKE, Envoy Gateway, kgateway, Istio, NGINX Gateway Fabric (https://gateway-api-inference-extension.sigs.k8s.io/implementations/gateways/)",
      });
      expect(codes(a)).not.toContain("assume.backend-kind");
    },
  );

  test("a supported kind follows the world for existence: another pool in the namespace makes a missing one BackendNotFound", () => {
    const a = run(
      CLASS("gateway.envoyproxy.io/gatewayclass-controller") +
        GATEWAY_AND_ROUTE(...INFERENCE) +
        POOL("other"),
    );
    expect(resolvedRefs(a)).toMatchObject({
      reason: "BackendNotFound",
      message:
        "backendRef InferencePool ai/pool: InferencePool ai/pool not found (the workspace declares other InferencePool objects in namespace ai, so a missing one is not assumed)",
    });
    expect(a.diagnostics.find((d) => d.code === "ref.not-found")?.message).toBe(
      "InferencePool ai/pool is not in the input, so each parent that accepts the route reports ResolvedRefs=False (BackendNotFound) for it.",
    );
  });
});

const XBACKEND = (name: string) => `---
apiVersion: gateway.networking.x-k8s.io/v1alpha1
kind: XBackend
metadata: {name: ${name}, namespace: ai}
spec:
  type: ExternalHostname
  externalHostname: {hostname: llm.example.net}
  port: {port: 443}
`;
const X_BACKEND = ["gateway.networking.x-k8s.io", "XBackend"] as const;

describe("XBackend, the experimental channel's backend kind (Istio's xbackend testdata)", () => {
  test.each(["auto", "closed"] as const)(
    "istiod resolves an XBackend backendRef (%s): no InvalidKind",
    (world) => {
      const a = run(
        CLASS("istio.io/gateway-controller") + GATEWAY_AND_ROUTE(...X_BACKEND) + XBACKEND("pool"),
        world,
      );
      expect(resolvedRefs(a)).toMatchObject({ reason: "ResolvedRefs" });
      expect(a.assumptions).toEqual([]);
    },
  );

  test("a missing XBackend next to another one is BackendNotFound under istiod", () => {
    const a = run(
      CLASS("istio.io/gateway-controller") + GATEWAY_AND_ROUTE(...X_BACKEND) + XBACKEND("other"),
    );
    expect(resolvedRefs(a)).toMatchObject({
      reason: "BackendNotFound",
      message:
        "backendRef XBackend ai/pool: XBackend ai/pool not found (the workspace declares other XBackend objects in namespace ai, so a missing one is not assumed)",
    });
  });

  test("Contour does not support it: InvalidKind naming Istio as the supporter", () => {
    const a = run(
      CLASS("projectcontour.io/gateway-controller") +
        GATEWAY_AND_ROUTE(...X_BACKEND) +
        XBACKEND("pool"),
    );
    expect(resolvedRefs(a)).toMatchObject({
      reason: "InvalidKind",
      message:
        "backendRef XBackend ai/pool: Contour (controller projectcontour.io/gateway-controller of GatewayClass platform) does not support backend kind XBackend (gateway.networking.x-k8s.io); known to be supported by Istio (Istio: pilot/pkg/config/kube/gateway conversion (XBackend backendRef))",
    });
  });
});

describe("(b) an unknown controller: support assumed in auto and open, the fact in closed", () => {
  const UNKNOWN = CLASS("example.com/gateway") + GATEWAY_AND_ROUTE(...INFERENCE);

  test.each(["auto", "open"] as const)("%s: resolved, one note and one record", (world) => {
    const a = run(UNKNOWN + POOL("pool"), world);
    expect(resolvedRefs(a)).toMatchObject({ reason: "ResolvedRefs" });
    const note = a.diagnostics.find((d) => d.code === "assume.backend-kind");
    expect(note).toMatchObject({
      severity: "info",
      path: "spec.rules[0].backendRefs[0]",
      object: { kind: "HTTPRoute", namespace: "ai", name: "llm" },
      message: `${SUPPORT_NOTE} because GatewayClass platform names controller example.com/gateway, which gwsim cannot tie to an implementation. In a closed world: routes referencing it report ResolvedRefs=False (InvalidKind).`,
    });
    expect(a.assumptions).toEqual([
      {
        key: "InferencePool//",
        kind: "InferencePool",
        why: "GatewayClass platform names controller example.com/gateway, which gwsim cannot tie to an implementation",
        facts: [SUPPORT_NOTE],
        closedWorld: "routes referencing it report ResolvedRefs=False (InvalidKind)",
        firstReference: {
          object: "HTTPRoute/ai/llm",
          path: ["spec", "rules", 0, "backendRefs", 0],
        },
        references: 1,
      },
    ]);
  });

  test("closed: today's InvalidKind", () => {
    const a = run(UNKNOWN + POOL("pool"), "closed");
    expect(resolvedRefs(a)).toMatchObject({
      reason: "InvalidKind",
      message:
        'backendRef InferencePool ai/pool: group "inference.networking.k8s.io" kind InferencePool is not a supported backend (only core Service)',
    });
    expect(a.assumptions).toEqual([]);
  });

  test("auto without any InferencePool in the namespace: the pool is assumed too, and a policy targeting it relies on the same record", () => {
    const policy = `---
apiVersion: networking.gke.io/v1
kind: GCPBackendPolicy
metadata: {name: timeouts, namespace: ai}
spec:
  targetRef: {group: inference.networking.k8s.io, kind: InferencePool, name: pool}
`;
    const a = run(GATEWAY_AND_ROUTE(...INFERENCE) + policy);
    expect(resolvedRefs(a)).toMatchObject({ reason: "ResolvedRefs" });
    expect(codes(a)).not.toContain("ref.not-found");
    expect(a.diagnostics.find((d) => d.code === "assume.backend-kind")?.message).toContain(
      "because GatewayClass platform is not in the input, so its controller is unknown.",
    );
    expect(a.assumptions.find((x) => x.key === "InferencePool/ai/pool")).toEqual({
      key: "InferencePool/ai/pool",
      kind: "InferencePool",
      name: "pool",
      namespace: "ai",
      why: "auto: the input holds no InferencePool in namespace ai",
      facts: [],
      // Each kind of reference's closed-world consequence: the route's and the policy's.
      closedWorld:
        "the route reports ResolvedRefs=False (BackendNotFound) for it; GCPBackendPolicy ai/timeouts has no target",
      firstReference: { object: "HTTPRoute/ai/llm", path: ["spec", "rules", 0, "backendRefs", 0] },
      references: 2,
    });
    // The graph draws the pool as an assumed ghost and says the kind is assumed on the edge.
    expect(a.graph.nodes.find((n) => n.id === "InferencePool/ai/pool")).toMatchObject({
      assumed: true,
      status: "ok",
    });
    // The policy is not degraded (no controller of it writes status: unknown), and its edge is an
    // assumption, not TargetNotFound.
    const policyNode = a.graph.nodes.find((n) => n.id === "GCPBackendPolicy/ai/timeouts");
    expect(policyNode?.status).toBe("unknown");
    expect(policyNode?.reason).not.toBe("TargetNotFound");
    expect(a.graph.edges.find((e) => e.kind === "policy")).toMatchObject({
      status: "ok",
      reason: "Assumed",
      target: "InferencePool/ai/pool",
      message:
        "InferencePool ai/pool is not in the workspace; assumed to exist because auto: the input holds no InferencePool in namespace ai",
    });
    expect(a.graph.edges.find((e) => e.kind === "backend")).toMatchObject({
      status: "ok",
      label: "rule 0 · 100% · kind assumed",
    });
  });

  test("a request routed there: forwarded, the implementation picks the endpoint, the trace says what was assumed", () => {
    const a = run(GATEWAY_AND_ROUTE(...INFERENCE));
    const trace = traceRequest(compileRouter(a), {
      gateway: "ai/web",
      scheme: "http",
      host: "llm.example.com",
      path: "/v1/completions",
    });
    const line =
      "backend kind InferencePool (inference.networking.k8s.io) is implementation-specific; assumed supported because GatewayClass platform is not in the input, so its controller is unknown (GKE, Envoy Gateway, kgateway, Istio, NGINX Gateway Fabric support it); InferencePool ai/pool is not in the workspace; assumed to exist (closed world: ResolvedRefs=False (InvalidKind); requests sent to it are answered 500)";
    expect(trace.outcome).toMatchObject({ kind: "forwarded", status: 200 });
    expect(trace.outcome.backends[0]).toMatchObject({ target: "ai/pool", assumed: line });
    expect(trace.outcome.backends[0]?.port).toBeUndefined();
    expect(trace.outcome.reason).toBe(
      "HTTPRoute ai/llm rule 0 forwards to ai/pool (100% of its traffic); InferencePool ai/pool: the implementation picks the endpoint and port (an InferencePool's endpoint picker, a ServiceImport's clusters, …), which gwsim does not model",
    );
    expect(printTrace(trace)).toContain(`assumed: ${line}`);
  });
});

describe("(c) a kind nobody is known to support", () => {
  test.each(["auto", "open", "closed"] as const)(
    "InvalidKind under an unknown controller (%s)",
    (world) => {
      const a = run(GATEWAY_AND_ROUTE("unknownkind.example.com", "NonExistent"), world);
      // closed: the class is missing, so nothing writes status; auto and open assume the class.
      if (world === "closed") return expect(a.status["HTTPRoute/ai/llm"]).toBeUndefined();
      expect(resolvedRefs(a)).toMatchObject({
        reason: "InvalidKind",
        message:
          'backendRef NonExistent ai/pool: group "unknownkind.example.com" kind NonExistent is not a supported backend (only core Service)',
      });
      expect(codes(a)).not.toContain("assume.backend-kind");
    },
  );
});

const WAYPOINT = (classes: string) => `${classes}apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: waypoint, namespace: mesh}
spec:
  gatewayClassName: platform
  listeners:
  - {name: mesh, port: 15008, protocol: HBONE}
`;
const listener = (a: Analysis) =>
  (
    a.status["Gateway/mesh/waypoint"] as {
      conditions: { type: string; status: string; reason: string }[];
      listeners: {
        conditions: { type: string; status: string; reason: string; message: string }[];
      }[];
    }
  ).listeners[0]?.conditions;
const cond = (a: Analysis, type: string) => listener(a)?.find((c) => c.type === type);

describe("listener protocol HBONE", () => {
  test("(a) Istio's waypoint controller: Accepted and Programmed, nothing assumed", () => {
    const a = run(WAYPOINT(CLASS("istio.io/mesh-controller")), "closed");
    expect(cond(a, "Accepted")).toMatchObject({ status: "True" });
    expect(cond(a, "Programmed")).toMatchObject({ status: "True" });
    expect(a.assumptions).toEqual([]);
  });

  test("(a) Istio's ingress controller: UnsupportedProtocol, naming it", () => {
    const a = run(WAYPOINT(CLASS("istio.io/gateway-controller")));
    expect(cond(a, "Accepted")).toMatchObject({
      status: "False",
      reason: "UnsupportedProtocol",
      message:
        'Protocol "HBONE" is not supported by Istio (controller istio.io/gateway-controller of GatewayClass platform); known to be supported by Istio (waypoints and east-west gateways) (https://istio.io/latest/docs/ambient/usage/waypoint/ ; Istio: listenerProtocolToIstio)',
    });
  });

  test("(b) an assumed class: Accepted with an assume.listener-protocol note at the protocol", () => {
    const a = run(WAYPOINT(""));
    expect(cond(a, "Accepted")).toMatchObject({ status: "True" });
    expect(cond(a, "Programmed")).toMatchObject({ status: "True" });
    expect(a.diagnostics.find((d) => d.code === "assume.listener-protocol")).toMatchObject({
      path: "spec.listeners[0].protocol",
      message:
        "Listener protocol HBONE is implementation-specific; assumed supported by the Gateway's controller, known to be supported by Istio (waypoints and east-west gateways) (https://istio.io/latest/docs/ambient/usage/waypoint/ ; Istio: listenerProtocolToIstio) because GatewayClass platform is not in the input, so its controller is unknown. In a closed world: the listener is not accepted (UnsupportedProtocol).",
    });
    expect(a.gateways[0]?.listeners[0]?.assumed).toEqual([
      "listener protocol HBONE assumed supported because GatewayClass platform is not in the input, so its controller is unknown (closed world: UnsupportedProtocol)",
    ]);
  });

  test("(b) closed, with a class gwsim cannot name: today's UnsupportedProtocol", () => {
    const a = run(WAYPOINT(CLASS("example.com/mesh")), "closed");
    expect(cond(a, "Accepted")).toMatchObject({
      status: "False",
      reason: "UnsupportedProtocol",
      message: 'Protocol "HBONE" is not supported; use HTTP, HTTPS, TLS, TCP or UDP',
    });
  });

  test("(c) a protocol nobody is known to support stays UnsupportedProtocol", () => {
    const a = run(WAYPOINT("").replace("HBONE", "example.com/QUIC"));
    expect(cond(a, "Accepted")).toMatchObject({ status: "False", reason: "UnsupportedProtocol" });
    expect(codes(a)).not.toContain("assume.listener-protocol");
  });
});

describe("STUNner's TURN listener protocols (l7mp/stunner docs/examples)", () => {
  const STUNNER = (
    controllerName: string,
  ) => `${CLASS(controllerName)}apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: waypoint, namespace: mesh}
spec:
  gatewayClassName: platform
  listeners:
  - {name: turn, port: 3478, protocol: TURN-UDP}
---
apiVersion: gateway.networking.k8s.io/v1alpha2
kind: UDPRoute
metadata: {name: media, namespace: mesh}
spec:
  parentRefs: [{name: waypoint}]
  rules: [{backendRefs: [{name: media-server, port: 9}]}]
`;

  test("a class naming STUNner's controller, closed world: Accepted, its UDPRoute attached, nothing assumed", () => {
    const a = run(STUNNER("stunner.l7mp.io/gateway-operator"), "closed");
    expect(cond(a, "Accepted")).toMatchObject({ status: "True" });
    expect(a.assumptions).toEqual([]);
    expect(codes(a)).not.toContain("assume.listener-protocol");
    const status = a.status["Gateway/mesh/waypoint"] as { listeners: { attachedRoutes: number }[] };
    expect(status.listeners[0]?.attachedRoutes).toBe(1);
  });

  test("another known controller: UnsupportedProtocol naming STUNner as the one that serves it", () => {
    const a = run(STUNNER("gateway.envoyproxy.io/gatewayclass-controller"), "closed");
    expect(cond(a, "Accepted")).toMatchObject({ status: "False", reason: "UnsupportedProtocol" });
    expect(cond(a, "Accepted")?.message).toContain("known to be supported by STUNner");
  });
});

describe("the table and the policy-target shortcut (knownControllers.ts)", () => {
  test("no backend kind is in the core or Gateway API group, so a missing target there skips the table", () => {
    expect(BACKEND_KINDS.size).toBeGreaterThan(0);
    for (const key of BACKEND_KINDS.keys()) {
      const group = key.slice(0, key.lastIndexOf("/"));
      expect([key, isCoreOrGatewayGroup(group)]).toEqual([key, false]);
    }
    expect(isCoreOrGatewayGroup("")).toBe(true);
    expect(isCoreOrGatewayGroup("gateway.networking.k8s.io")).toBe(true);
  });
});
