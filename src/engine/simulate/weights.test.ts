import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { analyze } from "../analyze";
import { compileRouter } from "../routing/compileRouter";
import { routeRequest } from "./routeRequest";
import { traceRequest } from "./traceRequest";
import { aBackend } from "../../test-utils/routingModels";
import {
  computeShares,
  createRng,
  drawFor,
  pickIndex,
  pickWeighted,
  smallShare,
  smallWeightTotal,
  weightShares,
} from "./weights";

const refs = (specs: Parameters<typeof aBackend>[1][]) => specs.map((s, i) => aBackend("ns", s, i));

describe("weights (§3.5)", () => {
  test('exact shares over every entry; invalid ones are "none" with the reason', () => {
    const shares = computeShares(
      refs([
        { name: "a", weight: 70 },
        { name: "b", weight: 30, invalid: "BackendNotFound" },
        { name: "c", weight: 0 },
      ]),
    );
    expect(shares.map((s) => [s.target, s.share])).toEqual([
      ["ns/a:8080", 0.7],
      ["none", 0.3],
      ["ns/c:8080", 0],
    ]);
    expect(shares[1]?.reason).toMatch(/^BackendNotFound/);
  });

  test("weight 0 is never picked", () => {
    const list = refs([
      { name: "a", weight: 0 },
      { name: "b", weight: 1 },
      { name: "c", weight: 0 },
    ]);
    for (const draw of [0, 0.25, 0.5, 0.999999]) expect(pickIndex(list, draw)).toBe(1);
  });

  test("picks follow the cumulative weights", () => {
    const list = refs([
      { name: "a", weight: 3 },
      { name: "b", weight: 1 },
    ]);
    expect(pickIndex(list, 0)).toBe(0);
    expect(pickIndex(list, 0.74)).toBe(0);
    expect(pickIndex(list, 0.75)).toBe(1);
  });

  test("all weights 0: nothing can be picked, and the reason says so", () => {
    const list = refs([
      { name: "a", weight: 0 },
      { name: "b", weight: 0 },
    ]);
    expect(pickIndex(list, 0.5)).toBe(-1);
    expect(computeShares(list).at(-1)).toMatchObject({
      target: "none",
      share: 1,
      reason: expect.stringContaining("every backendRef has weight 0") as unknown as string,
    });
  });

  test("a single backend at weight 0 flags the spec/doc conflict", () => {
    expect(computeShares(refs([{ name: "a", weight: 0 }])).at(-1)?.reason).toMatch(
      /traffic-splitting guide says a single backend gets 100%/,
    );
  });

  test("no backendRefs: 500 with the reason", () => {
    expect(computeShares([])).toEqual([
      {
        target: "none",
        share: 1,
        reason: expect.stringContaining("no backendRefs") as unknown as string,
      },
    ]);
  });

  test("the PRNG is seeded and reproducible", () => {
    const a = createRng(42);
    const b = createRng(42);
    const xs = Array.from({ length: 5 }, () => a());
    expect(xs).toEqual(Array.from({ length: 5 }, () => b()));
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(drawFor(1, 3)).toBe(drawFor(1, 3));
    expect(drawFor(1, 3)).not.toBe(drawFor(1, 4));
  });
});

/** What the pick must be, computed on exact integers: Σ_{j<i} w_j ≤ draw·Σw < Σ_{j≤i} w_j. */
function exactPick(weights: readonly number[], draw: number): number {
  const units = weights.map((w) => (w >= 1 ? BigInt(Math.floor(w)) : 0n));
  const total = units.reduce((a, b) => a + b, 0n);
  if (total === 0n) return -1;
  const d = BigInt(Math.floor(draw * 2 ** 53)) * total;
  let cumulative = 0n;
  for (let i = 0; i < units.length; i++) {
    cumulative += units[i] as bigint;
    if ((units[i] as bigint) > 0n && d < cumulative * 2n ** 53n) return i;
  }
  return -1;
}

describe("weights beyond what doubles add exactly", () => {
  test("two weights of 1e308 split 50/50 (a double total is Infinity, which gave both 0%)", () => {
    expect(weightShares([1e308, 1e308])).toEqual([0.5, 0.5]);
    expect(
      computeShares(
        refs([
          { name: "a", weight: 1e308 },
          { name: "b", weight: 1e308 },
        ]),
      ).map((s) => s.share),
    ).toEqual([0.5, 0.5]);
    expect(pickWeighted([1e308, 1e308], 0.25)).toBe(0);
    expect(pickWeighted([1e308, 1e308], 0.75)).toBe(1);
  });

  test("next to 2^53, a weight of 1 keeps its exact share and its own draws", () => {
    const weights = [2 ** 53, 1, 1];
    const shares = weightShares(weights);
    expect(shares[1]).toBe(1 / (2 ** 53 + 2));
    expect(shares[0]).toBe(2 ** 53 / (2 ** 53 + 2));
    // The last draw below 1 lands on the last positive weight, as its share says it may.
    const lastDraw = 1 - 2 ** -53;
    expect(pickWeighted(weights, lastDraw)).toBe(exactPick(weights, lastDraw));
  });

  test("property: every pick agrees with the exact cumulative weights, and weight 0 is never picked", () => {
    const weight = fc.oneof(
      fc.constantFrom(0, 1, 2, 1_000_000, 2 ** 21, 2 ** 53, 2 ** 60, 1e300, 1e308),
      fc.integer({ min: 0, max: 2_000_000 }),
    );
    const draw = fc.oneof(
      fc.integer({ min: 0, max: 2 ** 32 - 1 }).map((u) => u / 2 ** 32),
      fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
    );
    fc.assert(
      fc.property(fc.array(weight, { minLength: 1, maxLength: 16 }), draw, (weights, d) => {
        const picked = pickWeighted(weights, d);
        expect(picked).toBe(exactPick(weights, d));
        if (picked >= 0) expect(weightShares(weights)[picked]).toBeGreaterThan(0);
      }),
      { seed: 7, numRuns: 2000 },
    );
  });

  test("property: with a small total, smallShare gives weightShares' shares; otherwise the total is -1", () => {
    const weight = fc.oneof(
      fc.constantFrom(0, 0.5, 1, 1.5, -3, Number.NaN, Infinity, 2 ** 52, 2 ** 53, 1e308),
      fc.integer({ min: 0, max: 2_000_000 }),
    );
    fc.assert(
      fc.property(fc.array(weight, { maxLength: 16 }), (weights) => {
        const total = smallWeightTotal(weights.map((w) => ({ weight: w })));
        const sum = weights.reduce(
          (s, w) => s + (Number.isFinite(w) && w >= 1 ? Math.floor(w) : 0),
          0,
        );
        expect(total).toBe(sum > Number.MAX_SAFE_INTEGER ? -1 : sum);
        if (total >= 0)
          expect(weights.map((w) => smallShare(w, total))).toEqual(weightShares(weights));
      }),
      { seed: 11, numRuns: 2000 },
    );
  });

  test("the trace and the compiled router agree with the shares for 1e308 weights", () => {
    const text = `apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: gc}
spec: {controllerName: example.com/gc}
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw, namespace: ns}
spec: {gatewayClassName: gc, listeners: [{name: http, port: 80, protocol: HTTP}]}
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: r, namespace: ns}
spec:
  parentRefs: [{name: gw}]
  rules:
  - backendRefs: [{name: a, port: 80, weight: 1e308}, {name: b, port: 80, weight: 1e308}, {name: c, port: 80, weight: 1}]
---
apiVersion: v1
kind: Service
metadata: {name: a, namespace: ns}
spec: {ports: [{port: 80}]}
---
apiVersion: v1
kind: Service
metadata: {name: b, namespace: ns}
spec: {ports: [{port: 80}]}
---
apiVersion: v1
kind: Service
metadata: {name: c, namespace: ns}
spec: {ports: [{port: 80}]}
`;
    const analysis = analyze([{ name: "w.yaml", text }]);
    expect(analysis.diagnostics.filter((d) => d.code === "schema.range")).toHaveLength(2);
    expect(
      analysis.routeTable.listeners.flatMap((l) =>
        l.virtualHosts.flatMap((h) => h.entries.flatMap((e) => e.backends.map((b) => b.share))),
      ),
    ).toEqual([0.5, 0.5, weightShares([1e308, 1e308, 1])[2]]);
    expect(weightShares([1e308, 1e308, 1])[2]).toBeGreaterThan(0);
    const router = compileRouter(analysis);
    const seen = new Set<string>();
    for (let sample = 0; sample < 64; sample++) {
      const req = {
        scheme: "http" as const,
        host: "x.example.com",
        path: "/",
        gateway: "ns/gw",
        port: 80,
      };
      const trace = traceRequest(router, req, { seed: 1, sample });
      const routed = routeRequest(router, req, { seed: 1, sample });
      const picked = trace.outcome.backend?.target;
      expect(picked).toBeDefined();
      expect(routed.backend).toBe(picked);
      expect(trace.outcome.backend?.share).toBe(0.5);
      seen.add(picked as string);
    }
    expect([...seen].sort()).toEqual(["ns/a:80", "ns/b:80"]);
  });
});

describe("weightShares without BigInt", () => {
  /** Each share w / Σw of the exact integer weights, as BigInt rationals rounded once. */
  function exactShares(weights: readonly number[]): number[] {
    const units = weights.map((w) => (Number.isFinite(w) && w >= 1 ? BigInt(Math.floor(w)) : 0n));
    const total = units.reduce((a, b) => a + b, 0n);
    if (total === 0n) return weights.map(() => 0);
    // Quotients of integers below 2^53 are correctly rounded by IEEE division.
    return units.map((u) => Number(u) / Number(total));
  }

  test("equals the exact computation for every total below 2^53, fractional and odd weights included", () => {
    const weight = fc.oneof(
      fc.integer({ min: 0, max: 1_000_000 }),
      fc.double({ min: -2, max: 1e6, noNaN: true }),
      fc.constantFrom(0.5, 1.5, Number.NaN, Infinity, 2 ** 52, 2 ** 53 - 1),
    );
    fc.assert(
      fc.property(fc.array(weight, { maxLength: 6 }), (weights) => {
        const total = weights.reduce(
          (s, w) => s + (Number.isFinite(w) && w >= 1 ? Math.floor(w) : 0),
          0,
        );
        fc.pre(total <= Number.MAX_SAFE_INTEGER);
        expect(weightShares(weights)).toEqual(exactShares(weights));
      }),
      { numRuns: 2000 },
    );
  });
});
