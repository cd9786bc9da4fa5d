import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { analyze } from "../analyze";
import { createCaseEngine } from "../conformance/createCaseEngine";
import { parseCaseFile } from "../conformance/parseCaseFile";
import { runConformanceCase } from "../conformance/runConformanceCase";
import { compileRouter } from "../routing/compileRouter";
import { traceRequest } from "../simulate/traceRequest";
import type { SimRequest } from "../simulate/types";
import { buildRequestCaseFile } from "./buildRequestCaseFile";

const MANIFESTS = "fixtures/examples/shared-gateway-two-teams.yaml";
const text = readFileSync(new URL(`../../../${MANIFESTS}`, import.meta.url), "utf8");
const router = compileRouter(analyze([{ name: MANIFESTS, text }]));

const saved: { name: string; request: SimRequest }[] = [
  {
    name: "canary",
    request: {
      gateway: "infra/shared",
      scheme: "http",
      host: "shop.example.com",
      path: "/cart",
      headers: { "x-canary": "true" },
    },
  },
  { name: "split", request: { scheme: "http", port: 80, host: "shop.example.com", path: "/" } },
  {
    name: "static",
    request: {
      gateway: "infra/shared",
      scheme: "http",
      host: "store.example.com",
      method: "GET",
      path: "/static/logo.png",
    },
  },
  {
    name: "nowhere",
    request: { gateway: "infra/shared", scheme: "http", host: "unknown.example.com", path: "/" },
  },
];
const observe = (list: typeof saved) =>
  list.map((s) => ({ ...s, trace: traceRequest(router, s.request) }));

function run(caseText: string, manifestsText = text) {
  const parsed = parseCaseFile("saved.cases.yaml", caseText);
  if (!parsed.ok) throw new Error(parsed.errors.join("\n"));
  return runConformanceCase(parsed.caseFile, {
    engine: createCaseEngine(),
    readFile: () => manifestsText,
    extraManifests: [MANIFESTS],
  });
}

describe("saved requests as a gwsim test case file", () => {
  test("every request, with its outcome as computed now, passes against the same manifests", () => {
    const file = buildRequestCaseFile("Shop requests", observe(saved));
    expect(file.skipped).toEqual([]);
    expect(file.text).toContain("backend: team-b/shop-v2");
    expect(file.text).toMatch(/backends:\n\s+team-b\/shop-v1: 90\n\s+team-b\/shop-v2: 10/);
    expect(file.text).toContain("gateway: infra/shared");
    const results = run(file.text);
    expect(results).toHaveLength(4);
    expect(results.filter((r) => !r.pass).map((r) => `${r.name}: ${r.message ?? ""}`)).toEqual([]);
  });

  test("the case fails once the manifests route a request differently", () => {
    const file = buildRequestCaseFile("Shop requests", observe(saved));
    const changed = text.replace("weight: 90", "weight: 50").replace("weight: 10", "weight: 50");
    expect(changed).not.toBe(text);
    const failing = run(file.text, changed).filter((r) => !r.pass);
    expect(failing.map((r) => r.name)).toEqual(["split"]);
  });
});

describe("saved connections (tcp, udp, tls) as a gwsim test case file", () => {
  const L4 = `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: edge, namespace: infra}
spec:
  gatewayClassName: gwsim
  listeners:
    - {name: db, port: 5432, protocol: TCP}
    - {name: dns, port: 53, protocol: UDP}
    - {name: tls, port: 443, protocol: TLS, hostname: "*.example.com", tls: {mode: Passthrough}}
---
apiVersion: gateway.networking.k8s.io/v1alpha2
kind: TCPRoute
metadata: {name: db, namespace: infra}
spec:
  parentRefs: [{name: edge, sectionName: db}]
  rules: [{backendRefs: [{name: db-a, port: 5432, weight: 3}, {name: db-b, port: 5432, weight: 1}]}]
---
apiVersion: gateway.networking.k8s.io/v1alpha2
kind: UDPRoute
metadata: {name: dns, namespace: infra}
spec:
  parentRefs: [{name: edge, sectionName: dns}]
  rules: [{backendRefs: [{name: dns, port: 53}]}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: TLSRoute
metadata: {name: app, namespace: infra}
spec:
  parentRefs: [{name: edge, sectionName: tls}]
  hostnames: [app.example.com]
  rules: [{backendRefs: [{name: app, port: 443}]}]
`;
  const l4Router = compileRouter(analyze([{ name: "l4.yaml", text: L4 }]));
  const connections: { name: string; request: SimRequest }[] = [
    { name: "db", request: { gateway: "infra/edge", scheme: "tcp", port: 5432 } },
    { name: "dns", request: { gateway: "infra/edge", scheme: "udp", port: 53 } },
    { name: "closed", request: { gateway: "infra/edge", scheme: "tcp", port: 5433 } },
    {
      name: "app",
      request: { gateway: "infra/edge", scheme: "tls", port: 443, sni: "app.example.com" },
    },
  ];
  const runL4 = (caseText: string, manifests: string) => {
    const parsed = parseCaseFile("l4.cases.yaml", caseText);
    if (!parsed.ok) throw new Error(parsed.errors.join("\n"));
    return runConformanceCase(parsed.caseFile, {
      engine: createCaseEngine(),
      readFile: () => manifests,
      extraManifests: ["l4.yaml"],
    });
  };

  test("they export with their port, split, refusal and TLS, and pass against the same manifests", () => {
    const observed = connections.map((c) => ({ ...c, trace: traceRequest(l4Router, c.request) }));
    const file = buildRequestCaseFile("Edge", observed);
    expect(file.skipped).toEqual([]);
    expect(file.text).toMatch(/scheme: udp\n\s+port: 53/);
    expect(file.text).toMatch(/backends:\n\s+infra\/db-a: 75\n\s+infra\/db-b: 25/);
    expect(file.text).toContain("connectionRejected: true");
    expect(file.text).toMatch(/backendTLS: true\n\s+request:\n\s+sni: app.example.com/);
    const results = runL4(file.text, L4);
    expect(results.filter((r) => !r.pass).map((r) => `${r.name}: ${r.message}`)).toEqual([]);
    const changed = runL4(file.text, L4.replace("weight: 3", "weight: 1"));
    expect(changed.filter((r) => !r.pass).map((r) => r.name)).toEqual(["db"]);
  });
});

describe("the settings the outcomes were computed under", () => {
  const lone = readFileSync(
    new URL("../testdata/readings/lone-zero-weight.yaml", import.meta.url),
    "utf8",
  );
  const settings = { world: "closed", readings: { loneBackendZeroWeight: "all-traffic" } } as const;
  const request: SimRequest = { gateway: "default/gw", scheme: "http", path: "/" };
  const observed = [
    {
      name: "lone",
      request,
      trace: traceRequest(
        compileRouter(analyze([{ name: "m.yaml", text: lone }], settings)),
        request,
      ),
    },
  ];

  test("non-default world and readings become the case file's world: and readings:, and it passes", () => {
    const file = buildRequestCaseFile("lone", observed, settings);
    expect(file.text).toContain(
      "name: lone\nworld: closed\nreadings:\n  loneBackendZeroWeight: all-traffic\nrequests:\n",
    );
    const results = run(file.text, lone);
    expect(results.map((r) => [r.pass, r.message])).toEqual([[true, ""]]);
  });

  test("without them, the same outcome fails under gwsim's defaults (500)", () => {
    const file = buildRequestCaseFile("lone", observed);
    expect(file.text).not.toContain("readings:");
    const results = run(file.text, lone);
    expect(results[0]?.pass).toBe(false);
    expect(results[0]?.message).toContain("500");
  });

  test("gwsim's default world is not written", () => {
    expect(
      buildRequestCaseFile("lone", observed, { world: "auto", readings: {} }).text,
    ).not.toMatch(/world:|readings:/);
  });
});
