/**
 * The seeded slice of the fuzzer that runs with every `npm test`: mutated real manifests through
 * every public entry point (fuzz/exerciseEngine.ts). No exception, every result survives
 * structuredClone, every diagnostic located. A failure is shrunk by fast-check to a small input
 * and printed with its seed and path, so it replays exactly. Long campaigns: `npm run fuzz`.
 */
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { loadSeedCorpus } from "./corpus";
import { exerciseEngine } from "./exerciseEngine";
import { minimize } from "./minimize";
import { fuzzInputArb } from "./mutations";

const ROOT = join(import.meta.dirname, "..");
const seeds = loadSeedCorpus(ROOT);
/** A hang, not a performance figure: the campaign reports times; this only catches runaway inputs. */
const HANG_MS = 20_000;

describe("fuzz slice", () => {
  test("the corpus holds the examples and the conformance manifests", () => {
    expect(seeds.some((s) => s.name.startsWith("fixtures/examples/"))).toBe(true);
    expect(seeds.some((s) => s.name.startsWith("fixtures/conformance/"))).toBe(true);
  });

  test("every seed manifest passes unmutated", () => {
    for (const seed of seeds) expect(exerciseEngine([seed]), seed.name).toEqual([]);
  }, 300_000);

  test("mutated manifests (seeded): no exception, all results cloneable, all diagnostics located", () => {
    fc.assert(
      fc.property(fuzzInputArb(seeds), (input) => {
        const started = performance.now();
        const problems = exerciseEngine([input]);
        expect(problems).toEqual([]);
        expect(performance.now() - started).toBeLessThan(HANG_MS);
      }),
      { seed: 20261203, numRuns: 120, endOnFailure: true },
    );
  }, 600_000);

  test("the minimizer keeps what fails and drops the rest", () => {
    const text = "a: 1\nb: 2\nboom: here\nc: 3\nd: 4\n";
    expect(minimize(text, (t) => t.includes("boom"))).toBe("boom");
  });
});
