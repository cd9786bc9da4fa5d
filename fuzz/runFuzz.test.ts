/**
 * The campaign runner itself: a worker that dies on an input (here: a heap far too small for the
 * engine) is a recorded failure with its input written once, and the campaign goes on after it
 * until every input has run. Before, a worker's death was only logged and its range abandoned.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, test } from "vitest";

const ROOT = join(import.meta.dirname, "..");
const out = mkdtempSync(join(tmpdir(), "gwsim-fuzz-"));
afterAll(() => rmSync(out, { recursive: true, force: true }));

test("a worker that runs out of memory is recorded as a failure, and the campaign goes on", () => {
  const run = spawnSync(
    process.execPath,
    [
      "fuzz/run.mjs",
      "--count",
      "120",
      "--seed",
      "7",
      "--workers",
      "1",
      "--heap-mb",
      "16",
      "--out",
      out,
    ],
    { cwd: ROOT, encoding: "utf8", timeout: 240_000 },
  );
  expect(run.status, run.stderr).toBe(1);
  const summary = JSON.parse(readFileSync(join(out, "summary.json"), "utf8")) as {
    inputs: number;
    exceptions: number;
    signatures: Record<string, { count: number; first: number; file: string }>;
  };
  // Every input is accounted for, including those after the first death.
  expect(summary.inputs).toBe(120);
  const died = summary.signatures["worker died: ERR_WORKER_OUT_OF_MEMORY"];
  expect(died?.count).toBeGreaterThan(0);
  expect(summary.exceptions).toBe(died?.count);
  // Written once, whole, with the command that replays it.
  const files = readdirSync(out).filter((f) => f.startsWith("worker-died-"));
  expect(files.sort()).toEqual([`${died?.file}.json`, `${died?.file}.yaml`]);
  const about = JSON.parse(readFileSync(join(out, `${died?.file}.json`), "utf8")) as {
    replay: string;
  };
  expect(about.replay).toBe(`npm run fuzz -- --seed 7 --only ${died?.first}`);
}, 300_000);
