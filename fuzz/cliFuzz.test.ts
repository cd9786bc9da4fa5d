/**
 * The seeded CLI slice of the fuzzer (fuzz/exerciseCli.ts): mutated real manifests, as a file or
 * on stdin, through `check`, `lens`, `migrate`, `route` and `simulate` with hostile request
 * flags. No internal error (exit 3), no raw control character printed, `--json` parses with every
 * diagnostic located. A campaign: `CLI_FUZZ_RUNS=2000 [CLI_FUZZ_SEED=N] npx vitest run fuzz/cliFuzz.test.ts`.
 */
import { appendFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { loadSeedCorpus } from "./corpus";
import { cliCallArb, exerciseCli } from "./exerciseCli";
import { fuzzInputArb } from "./mutations";

const ROOT = join(import.meta.dirname, "..");
const seeds = loadSeedCorpus(ROOT);
const RUNS = Number(process.env["CLI_FUZZ_RUNS"] ?? 40);
const SEED = Number(process.env["CLI_FUZZ_SEED"] ?? 20261206);
const LOG = process.env["CLI_FUZZ_LOG"];

describe("CLI fuzz slice", () => {
  test("mutated manifests and hostile flags: exit 0-2, escaped output, parseable located --json", async () => {
    await fc.assert(
      fc.asyncProperty(
        fuzzInputArb(seeds),
        cliCallArb,
        fc.boolean(),
        async (input, call, viaStdin) => {
          const started = performance.now();
          const problems = await exerciseCli(input, call, viaStdin);
          // A campaign's progress, one line per run, for finding the slow ones.
          if (LOG !== undefined)
            appendFileSync(
              LOG,
              `${Math.round(performance.now() - started)} ms ${input.text.length} chars ${call.join(" ").slice(0, 120)}\n`,
            );
          expect(problems).toEqual([]);
        },
      ),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
  }, 1_200_000);

  test("a name and a Host header holding escape sequences are printed escaped", async () => {
    const seed = seeds.find((s) => s.name.endsWith("shared-gateway-two-teams.yaml"));
    expect(seed).toBeDefined();
    // A name with an escape sequence is printed escaped: no problem.
    const named = {
      name: "x.yaml",
      text: (seed?.text ?? "").replace("name: shop", 'name: "s\\e[2Khop"'),
    };
    expect(await exerciseCli(named, ["check"], false)).toEqual([]);
    expect(await exerciseCli(named, ["route", "--host", "\x1b[2K", "--path", "/"], true)).toEqual(
      [],
    );
  });
});
