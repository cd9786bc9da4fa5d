import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { analyze } from "../analyze";
import type { Analysis } from "../analysisTypes";

const DUMP = readFileSync(
  new URL("../../../fixtures/examples/cluster-dump-with-drift.yaml", import.meta.url),
  "utf8",
);
const run = (text: string, world?: "closed"): Analysis =>
  analyze([{ name: "dump.yaml", text }], world === undefined ? {} : { world });
const lineOf = (text: string, needle: string, from = 0): number =>
  text.slice(0, text.indexOf(needle, from)).split("\n").length;
const brief = (a: Analysis) =>
  a.statusDrift.map((d) => `${d.object} | ${d.scope} | ${d.kind} ${d.conditionType}`);

const CLASS = `
apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: gc}
spec: {controllerName: example.com/ctl}
`;

const GATEWAY = `${CLASS}---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw, namespace: infra, generation: 4}
spec:
  gatewayClassName: gc
  listeners: [{name: web, protocol: HTTP, port: 80}]
`;

const cond = (type: string, status: string, reason: string, gen = 1): string =>
  `{type: ${type}, status: "${status}", reason: ${reason}, message: m, observedGeneration: ${gen}, lastTransitionTime: "2026-01-01T00:00:00Z"}`;

const route = (status: string): string => `---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: r, namespace: infra, generation: 1}
spec:
  parentRefs: [{name: gw, sectionName: web}]
status:
${status}
`;

describe("compareControllerStatus on the cluster-dump example", () => {
  // Closed: the dump is the whole cluster, so store has no label (auto assumes it: see below).
  const a = run(DUMP, "closed");

  it("reports the two disagreements and the stale route, and nothing else", () => {
    expect(a.statusDrift).toEqual([
      {
        object: "Gateway/infra/shop",
        kind: "attached-routes",
        scope: "listener public",
        conditionType: "attachedRoutes",
        controller: { status: "1", reason: "" },
        gwsim: { status: "0", reason: "" },
        generation: 2,
        message: "listener public: the controller counts attachedRoutes 1, gwsim counts 0.",
        file: "dump.yaml",
        line: lineOf(DUMP, "attachedRoutes: 1"),
        column: 27,
      },
      expect.objectContaining({
        object: "HTTPRoute/store/storefront",
        kind: "mismatch",
        scope: "parent infra/shop (section public)",
        conditionType: "Accepted",
        controller: {
          status: "True",
          reason: "Accepted",
          message: "Route is accepted",
          observedGeneration: 1,
        },
        gwsim: expect.objectContaining({
          status: "False",
          reason: "NotAllowedByListeners",
          observedGeneration: 1,
        }),
        generation: 1,
        line: lineOf(
          DUMP,
          'status: "True"',
          DUMP.indexOf("name: storefront\n      namespace: store"),
        ),
      }),
      expect.objectContaining({
        object: "HTTPRoute/infra/status-page",
        kind: "stale-generation",
        scope: "parent infra/shop (section status)",
        conditionType: "Accepted",
        generation: 3,
        message:
          "parent infra/shop (section status): 2 conditions were written for generation 2, but the object is at generation 3: this status describes an older spec.",
        line: lineOf(
          DUMP,
          "observedGeneration: 2",
          DUMP.indexOf("name: status-page\n      namespace: infra"),
        ),
      }),
    ]);
  });

  it("turns them into located warnings, and the server metadata adds no other diagnostic", () => {
    expect(a.diagnostics.map((d) => [d.code, d.severity, d.line])).toEqual([
      ["status.controller-disagrees", "warning", a.statusDrift[0]?.line],
      ["status.controller-disagrees", "warning", a.statusDrift[1]?.line],
      ["status.stale-generation", "warning", a.statusDrift[2]?.line],
    ]);
    const accepted = a.diagnostics[1];
    expect(accepted?.message).toBe(
      "HTTPRoute store/storefront, parent infra/shop (section public): the controller says Accepted=True/Accepted, gwsim computes Accepted=False/NotAllowedByListeners.",
    );
    expect(accepted?.hint).toContain("The cluster may hold objects these files lack");
    expect(accepted?.hint).toContain('The controller\'s message: "Route is accepted"');
    expect(accepted?.object).toEqual({ kind: "HTTPRoute", namespace: "store", name: "storefront" });
  });

  it("auto assumes store carries the label the listener selects: only the stale route is drift", () => {
    const auto = run(DUMP);
    expect(brief(auto)).toEqual([
      "HTTPRoute/infra/status-page | parent infra/shop (section status) | stale-generation Accepted",
    ]);
    expect(auto.diagnostics.map((d) => `${d.severity} ${d.code}`)).toEqual([
      "info assume.namespace-labels",
      "warning status.stale-generation",
    ]);
  });

  it('agrees everywhere once the dump includes the labelled Namespace (the "try" in its header)', () => {
    const fixed = run(
      `${DUMP}  - apiVersion: v1\n    kind: Namespace\n    metadata:\n      name: store\n      labels:\n        shared-gateway-access: "true"\n`,
      "closed",
    );
    expect(brief(fixed)).toEqual([
      "HTTPRoute/infra/status-page | parent infra/shop (section status) | stale-generation Accepted",
    ]);
  });
});

describe("compareControllerStatus rules", () => {
  it("is empty when no object carries status", () => {
    expect(run(GATEWAY + route("  {}").replace("status:\n  {}\n", "")).statusDrift).toEqual([]);
  });

  it("compares nothing when the status holds nothing a controller wrote (a generator's zero-value status)", () => {
    // ingress2gateway writes `status: {parents: []}` (or `parents: null`) on every route it emits.
    const gatewayEmpty = GATEWAY.replace("port: 80}]\n", "port: 80}]\nstatus: {}\n");
    for (const empty of [
      "  {}",
      "  parents: []",
      "  parents: null",
      "  parents: []\n  x: {y: []}",
    ]) {
      const text = gatewayEmpty + route(empty);
      expect(run(text).statusDrift).toEqual([]);
    }
    // One written entry is enough for the comparison to run, at the route and at the Gateway.
    const written = gatewayEmpty.replace("status: {}", "status: {addresses: [{value: 10.0.0.1}]}");
    expect(brief(run(written))).toContain(
      "Gateway/infra/gw | Gateway | missing-in-controller Accepted",
    );
    expect(brief(run(GATEWAY + route("  parents: [{parentRef: {name: gw}}]")))).toContain(
      "HTTPRoute/infra/r | parent infra/gw (section web) | missing-in-controller Accepted",
    );
  });

  it("compares listeners by name: a missing listener entry, a missing condition, an extra standard one", () => {
    const text = `${GATEWAY}status:
  conditions:
    - ${cond("Accepted", "True", "Accepted", 4)}
    - ${cond("Programmed", "True", "Programmed", 4)}
    - ${cond("Ready", "True", "Ready", 4)}
  listeners:
    - name: gone
      attachedRoutes: 0
      conditions: [${cond("Accepted", "True", "Accepted", 4)}, ${cond("SomethingOwn", "True", "Fine", 4)}]
`;
    expect(brief(run(text))).toEqual([
      "Gateway/infra/gw | listener gone | missing-in-gwsim Accepted",
      "Gateway/infra/gw | listener web | missing-in-controller Accepted",
      "Gateway/infra/gw | listener web | missing-in-controller Programmed",
      "Gateway/infra/gw | listener web | missing-in-controller ResolvedRefs",
    ]);
  });

  it("does not ask the controller for the optional Conflicted=False nor the Gateway summary ResolvedRefs=True", () => {
    const listener = [
      cond("Accepted", "True", "Accepted", 4),
      cond("Programmed", "True", "Programmed", 4),
      cond("ResolvedRefs", "True", "ResolvedRefs", 4),
    ];
    const text = `${GATEWAY}status:
  conditions: [${cond("Accepted", "True", "Accepted", 4)}, ${cond("Programmed", "True", "Programmed", 4)}]
  listeners: [{name: web, attachedRoutes: 0, conditions: [${listener.join(", ")}]}]
`;
    expect(run(text).statusDrift).toEqual([]);
  });

  it("flags a stale generation once per scope, at the first stale condition", () => {
    const text = `${GATEWAY}status:
  conditions: [${cond("Accepted", "True", "Accepted", 4)}, ${cond("Programmed", "True", "Programmed", 3)}, ${cond("ResolvedRefs", "True", "ResolvedRefs", 2)}]
`;
    const stale = run(text).statusDrift.filter((d) => d.kind === "stale-generation");
    expect(
      stale.map((d) => [d.scope, d.conditionType, d.controller?.observedGeneration, d.generation]),
    ).toEqual([["Gateway", "Programmed", 3, 4]]);
    expect(stale[0]?.message).toBe(
      "Gateway: 2 conditions were written for generation 3, but the object is at generation 4: this status describes an older spec.",
    );
  });

  it("never calls a condition stale when the dump has no metadata.generation", () => {
    const text = `${GATEWAY.replace(", generation: 4", "")}status:
  conditions: [${cond("Accepted", "True", "Accepted", 0)}]
`;
    expect(run(text).statusDrift.filter((d) => d.kind === "stale-generation")).toEqual([]);
  });

  it("matches route parents by parentRef identity and controllerName, leaving other controllers alone", () => {
    const ok = `[${cond("Accepted", "True", "Accepted")}, ${cond("ResolvedRefs", "True", "ResolvedRefs")}]`;
    const text =
      GATEWAY +
      route(`  parents:
    - parentRef: {group: gateway.networking.k8s.io, kind: Gateway, name: gw, namespace: infra, sectionName: web}
      controllerName: example.com/ctl
      conditions: ${ok}
    - parentRef: {name: gw, sectionName: web}
      controllerName: other.example.com/mesh
      conditions: [${cond("Accepted", "False", "NoMatchingParent")}]
`);
    expect(run(text).statusDrift).toEqual([]);
    const wrongSection = text.replace(
      "namespace: infra, sectionName: web}",
      "namespace: infra, sectionName: api}",
    );
    expect(run(wrongSection).statusDrift[2]?.message).toBe(
      "parent infra/gw (section web): gwsim computes Accepted=True/Accepted; the controller wrote no Accepted condition (it wrote no status entry here).",
    );
    expect(brief(run(wrongSection))).toEqual([
      "HTTPRoute/infra/r | parent infra/gw (section api) | missing-in-gwsim Accepted",
      "HTTPRoute/infra/r | parent infra/gw (section api) | missing-in-gwsim ResolvedRefs",
      "HTTPRoute/infra/r | parent infra/gw (section web) | missing-in-controller Accepted",
      "HTTPRoute/infra/r | parent infra/gw (section web) | missing-in-controller ResolvedRefs",
    ]);
  });

  it("compares a mesh (Service) parent with whichever mesh wrote it", () => {
    const mesh = (accepted: string) => `
apiVersion: v1
kind: Service
metadata: {name: reviews, namespace: shop}
spec: {ports: [{port: 9080}]}
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: reviews, namespace: shop}
spec:
  parentRefs: [{group: "", kind: Service, name: reviews, port: 9080}]
  rules: [{backendRefs: [{name: reviews, port: 9080}]}]
status:
  parents:
    - parentRef: {group: "", kind: Service, name: reviews, port: 9080}
      controllerName: istio.io/gateway-controller
      conditions: [${accepted}, ${cond("ResolvedRefs", "True", "ResolvedRefs")}]
`;
    expect(run(mesh(cond("Accepted", "True", "Accepted"))).statusDrift).toEqual([]);
    expect(brief(run(mesh(cond("Accepted", "False", "UnsupportedValue"))))).toEqual([
      "HTTPRoute/shop/reviews | parent Service shop/reviews (port 9080) | mismatch Accepted",
    ]);
  });

  it("reports a reason-only mismatch at the reason field", () => {
    const text =
      GATEWAY +
      route(`  parents:
    - parentRef: {name: gw, sectionName: web}
      controllerName: example.com/ctl
      conditions:
        - ${cond("Accepted", "True", "Accepted")}
        - type: ResolvedRefs
          status: "True"
          reason: SomethingElse
`);
    const [entry] = run(text).statusDrift;
    expect(entry).toMatchObject({
      kind: "mismatch",
      conditionType: "ResolvedRefs",
      controller: { status: "True", reason: "SomethingElse" },
      gwsim: { status: "True", reason: "ResolvedRefs" },
    });
    expect(entry?.line).toBe(lineOf(text, "reason: SomethingElse"));
  });

  it("compares BackendTLSPolicy ancestors the same way", () => {
    const text = `${GATEWAY}---
apiVersion: v1
kind: Service
metadata: {name: svc, namespace: infra}
spec: {ports: [{port: 443}]}
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: r, namespace: infra}
spec:
  parentRefs: [{name: gw}]
  rules: [{backendRefs: [{name: svc, port: 443}]}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: BackendTLSPolicy
metadata: {name: tls, namespace: infra}
spec:
  targetRefs: [{group: "", kind: Service, name: svc}]
  validation: {hostname: svc.example.com, wellKnownCACertificates: System}
status:
  ancestors:
    - ancestorRef: {name: gw, namespace: infra}
      controllerName: example.com/ctl
      conditions: [${cond("Accepted", "False", "Conflicted")}]
`;
    const a = run(text);
    expect(brief(a).filter((l) => l.startsWith("BackendTLSPolicy"))).toEqual([
      "BackendTLSPolicy/infra/tls | ancestor infra/gw | mismatch Accepted",
      "BackendTLSPolicy/infra/tls | ancestor infra/gw | missing-in-controller ResolvedRefs",
    ]);
  });

  it("reports every standard condition as missing in gwsim when gwsim writes no status for the object", () => {
    const text = `${GATEWAY.replace("gatewayClassName: gc", "gatewayClassName: elsewhere")}status:
  conditions: [${cond("Accepted", "True", "Accepted", 4)}]
`;
    const [entry] = run(text).statusDrift;
    expect(entry?.message).toBe(
      "Gateway: the controller wrote Accepted=True/Accepted; gwsim computes no Accepted condition (gwsim writes no status entry here).",
    );
  });
});
