import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { analyze } from "../analyze";
import { compileRouter } from "../routing/compileRouter";
import { compareWhatIf, type WhatIfSide } from "./compareWhatIf";
import { computeMixTraffic } from "./computeMixTraffic";
import { createMixSampler } from "./createMixSampler";
import type { RequestMix, RequestProbe } from "./types";

const example = readFileSync(
  new URL("../../../fixtures/examples/shared-gateway-two-teams.yaml", import.meta.url),
  "utf8",
);
const clock = () => "2026-01-01T00:00:00Z";

function side(text: string): WhatIfSide {
  const a = analyze([{ name: "in.yaml", text }], { clock });
  return { status: a.status, routes: a.routes, router: compileRouter(a) };
}

const shop: RequestProbe = {
  id: "r1",
  name: "shop",
  request: { scheme: "http", host: "shop.example.com", path: "/api" },
};
const canary: RequestProbe = {
  id: "r2",
  name: "canary",
  request: { scheme: "http", host: "shop.example.com", path: "/", headers: { "x-canary": "true" } },
};
const store: RequestProbe = {
  id: "r3",
  name: "store",
  request: { scheme: "http", host: "store.example.com", path: "/api/orders" },
};
const mix: RequestMix = {
  id: "m1",
  name: "shop traffic",
  templates: [
    { name: "browse", request: shop.request, weight: 80 },
    { name: "api", request: store.request, weight: 15 },
    { name: "canary", request: canary.request, weight: 5 },
  ],
};

const fiftyFifty = example.replace("weight: 90", "weight: 50").replace("weight: 10", "weight: 50");

describe("compareWhatIf", () => {
  test("identical configurations change nothing", () => {
    const report = compareWhatIf(side(example), side(example), {
      requests: [shop, canary, store],
      mixes: [mix],
    });
    expect(report.statusChanges).toEqual([]);
    expect(report.requests.map((r) => r.changed)).toEqual([false, false, false]);
    expect(report.requests[0]?.sentence).toBe(
      "GET shop.example.com/api still ends at shop-v1:8080 90% · shop-v2:8080 10%",
    );
    expect(report.mixes[0]?.changed).toBe(false);
  });

  test('a weight change reads "90/10 becomes 50/50" and moves the mix exactly', () => {
    const report = compareWhatIf(side(example), side(fiftyFifty), {
      requests: [shop, canary, store],
      mixes: [mix],
    });
    expect(report.statusChanges).toEqual([]);
    expect(report.requests.map((r) => r.changed)).toEqual([true, false, false]);
    expect(report.requests[0]?.sentence).toBe(
      "GET shop.example.com/api: shop-v1:8080/shop-v2:8080 90/10 becomes 50/50",
    );
    // shop-v1 gets 0.8 × 0.9 = 72% before and 0.8 × 0.5 = 40% after; shop-v2 gets 8% + 5% canary → 40% + 5%.
    expect(report.mixes[0]?.sentence).toBe(
      "mix shop traffic: shop-v1:8080 72% → 40%, shop-v2:8080 13% → 45%",
    );
  });

  test('moving a backend reads "moves from … to …"', () => {
    const moved = example.replace(
      "        - name: store-api\n          port: 8080",
      "        - name: store-web\n          port: 80",
    );
    const report = compareWhatIf(side(example), side(moved), { requests: [store], mixes: [] });
    expect(report.requests[0]?.sentence).toBe(
      "GET store.example.com/api/orders moves from store-api:8080 to store-web:80",
    );
  });

  test("a namespace losing its label detaches the route: status changes and requests now get 404", () => {
    const unlabelled = example.replace(
      '  name: team-b\n  labels:\n    shared-gateway-access: "true"',
      "  name: team-b",
    );
    const report = compareWhatIf(side(example), side(unlabelled), { requests: [shop], mixes: [] });
    const fields = report.statusChanges.map(
      (c) => `${c.object} ${c.field}: ${c.before} → ${c.after}`,
    );
    expect(fields).toContain("Gateway/infra/shared listener http attachedRoutes: 2 → 1");
    expect(fields).toContain("Gateway/infra/shared listener https attachedRoutes: 2 → 1");
    expect(
      fields.some((f) =>
        f.startsWith(
          "HTTPRoute/team-b/shop parent Gateway infra/shared Accepted: True (Accepted) → False (NotAllowedByListeners)",
        ),
      ),
    ).toBe(true);
    expect(report.requests[0]?.changed).toBe(true);
    expect(report.requests[0]?.after.status).toBe(404);
    expect(report.requests[0]?.sentence).toMatch(
      /^GET shop\.example\.com\/api moves from shop-v1:8080 90% · shop-v2:8080 10% to 404 not-found$/,
    );
  });
});

describe("computeMixTraffic and createMixSampler", () => {
  test("exact traffic per rule and backendRef follows the weights", () => {
    const s = side(example);
    const t = computeMixTraffic(s.router, s.routes, mix);
    expect(t.rules).toEqual([
      { route: "HTTPRoute/team-b/shop", ruleIndex: 1, share: 0.8 },
      { route: "HTTPRoute/team-a/store", ruleIndex: 0, share: 0.15 },
      { route: "HTTPRoute/team-b/shop", ruleIndex: 0, share: 0.05 },
    ]);
    expect(
      t.backendRefs.map((b) => [
        b.route,
        b.ruleIndex,
        b.backendIndex,
        b.target,
        Math.round(b.share * 1000) / 1000,
      ]),
    ).toEqual([
      ["HTTPRoute/team-b/shop", 1, 0, "team-b/shop-v1:8080", 0.72],
      ["HTTPRoute/team-b/shop", 1, 1, "team-b/shop-v2:8080", 0.08],
      ["HTTPRoute/team-a/store", 0, 0, "team-a/store-api:8080", 0.15],
      ["HTTPRoute/team-b/shop", 0, 0, "team-b/shop-v2:8080", 0.05],
    ]);
  });

  test('an unresolved backend shows as "none" with its share', () => {
    const broken = example.replace(
      "        - name: shop-v2\n          port: 8080\n          weight: 10",
      "        - name: shop-v3\n          port: 8080\n          weight: 10",
    );
    const s = side(broken);
    const t = computeMixTraffic(s.router, s.routes, {
      id: "x",
      name: "x",
      templates: [{ name: "a", request: shop.request, weight: 1 }],
    });
    expect(t.buckets).toEqual([
      { bucket: "team-b/shop-v1:8080", share: 0.9 },
      { bucket: "none", share: 0.1 },
    ]);
  });

  test("sampling in chunks gives the same counts as one run, within sampling error of the exact shares", () => {
    const s = side(example);
    const one = createMixSampler(s.router, mix, 7);
    one.run(20_000);
    const chunked = createMixSampler(s.router, mix, 7);
    for (let i = 0; i < 4; i++) chunked.run(5_000);
    expect(chunked.tally()).toEqual(one.tally());
    const tally = one.tally();
    expect(tally.n).toBe(20_000);
    const v1 = (tally.buckets["team-b/shop-v1:8080"] ?? 0) / tally.n;
    // 0.72 ± 4 standard errors (sqrt(0.72·0.28/20000) ≈ 0.0032).
    expect(Math.abs(v1 - 0.72)).toBeLessThan(0.013);
    expect(Object.values(tally.templates).reduce((a, b) => a + b, 0)).toBe(20_000);
    expect(tally.rules["HTTPRoute/team-a/store#0"]).toBe(tally.templates["api"]);
  });

  test("a different seed gives different counts", () => {
    const s = side(example);
    const a = createMixSampler(s.router, mix, 1);
    const b = createMixSampler(s.router, mix, 2);
    a.run(1000);
    b.run(1000);
    expect(a.tally()).not.toEqual(b.tally());
  });
});
