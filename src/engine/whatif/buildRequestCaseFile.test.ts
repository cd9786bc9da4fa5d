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
