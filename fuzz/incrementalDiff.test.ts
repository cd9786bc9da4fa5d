/**
 * The seeded slice of the incremental differential fuzzer (incrementalDiff.ts) that runs with every
 * `npm test`: random edit sequences over real manifests, after each edit the long-lived worker
 * session, the late-loading page session and a fresh analysis serialize the same. Long campaigns:
 * `npm run fuzz -- --incremental --count N --seed S`.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { loadSeedCorpus } from "./corpus";
import {
  diffSequence,
  editSequence,
  serialize,
  shrinkSequence,
  type Workspace,
} from "./incrementalDiff";

const ROOT = join(import.meta.dirname, "..");
const seeds = loadSeedCorpus(ROOT);
const SEED = 20261204;
const SEQUENCES = 6;
const STEPS = 8;

describe("incremental differential fuzzing", () => {
  test("a sequence depends only on its seed and index, and edits the workspace", () => {
    const a = editSequence(seeds, SEED, 3, STEPS);
    expect(editSequence(seeds, SEED, 3, STEPS)).toEqual(a);
    expect(a.steps).toHaveLength(STEPS + 1);
    expect(new Set(a.steps.map((w) => serialize(w))).size).toBeGreaterThan(1);
  });

  test("the comparison fails on a session that differs from a fresh analysis", () => {
    expect(serialize(new Map([["a", 1]]))).not.toBe(serialize(new Map([["a", 2]])));
    expect(serialize({ a: undefined })).not.toBe(serialize({}));
  });

  test("after every edit (seeded): incremental, late-loading and fresh sessions agree", async () => {
    for (let index = 0; index < SEQUENCES; index++) {
      const { steps, labels } = editSequence(seeds, SEED, index, STEPS);
      const { mismatch } = await diffSequence(steps);
      if (mismatch === undefined) continue;
      const shrunk = await shrinkSequence(steps, mismatch);
      expect.fail(
        `sequence ${index} (seed ${SEED}) step ${mismatch.step} (${labels[mismatch.step]}): ` +
          `${mismatch.kind} ${mismatch.detail}\nshrunk to ${shrunk.steps.length} steps: ` +
          JSON.stringify(shrunk.steps).slice(0, 4000),
      );
    }
  }, 30_000);

  // Sequences a campaign found, shrunk: each once gave a session that differed from a fresh analysis.
  const REGRESSIONS = join(import.meta.dirname, "regressions");
  for (const file of readdirSync(REGRESSIONS).filter((f) => f.startsWith("incremental-")))
    test(`regression ${file}: the sessions agree`, async () => {
      const { steps } = JSON.parse(readFileSync(join(REGRESSIONS, file), "utf8")) as {
        steps: Workspace[];
      };
      const { mismatch } = await diffSequence(steps);
      expect(mismatch).toBeUndefined();
    });
});
