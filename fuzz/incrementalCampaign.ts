/**
 * `npm run fuzz -- --incremental --count N --seed S [--steps K] [--seconds T] [--out DIR] [--only I]`
 *
 * A campaign of the incremental differential fuzzer (incrementalDiff.ts): N edit sequences of K
 * edits each, sequence i generated from (S, i) alone (`--only i` replays it). Each mismatch is
 * shrunk to the fewest steps that show it and written to DIR (default fuzz-crashes/) as JSON: the
 * workspaces in order, what each edit did, and where the results part. Runs on the main thread:
 * the sessions under test share one process by design (the late-loading one swaps its module
 * registry in around its calls).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { loadSeedCorpus } from "./corpus";
import { diffSequence, editSequence, shrinkSequence } from "./incrementalDiff";

export interface IncrementalOptions {
  count: number;
  seed: number;
  steps: number;
  out: string;
  seconds?: number;
  only?: number;
}

export interface IncrementalReport {
  sequences: number;
  steps: number;
  mismatches: number;
  /** Kept at zero: the fields run.mjs sums into the exit code. */
  exceptions: number;
  unclonable: number;
  unlocated: number;
  hangs: number;
  worstStepMs: number;
  worstSequence: number;
  failures: { sequence: number; step: number; kind: string; file: string }[];
}

export function parseIncrementalArgs(argv: readonly string[]): IncrementalOptions {
  const options: IncrementalOptions = { count: 200, seed: 1, steps: 12, out: "fuzz-crashes" };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (flag === "--incremental") continue;
    if (flag === "--out" && value !== undefined) {
      options.out = value;
      i++;
      continue;
    }
    const n = Number(value);
    if (!Number.isSafeInteger(n) || n < 0)
      throw new Error(`${flag} needs a whole number, got ${JSON.stringify(value)}`);
    i++;
    if (flag === "--count") options.count = n;
    else if (flag === "--seed") options.seed = n;
    else if (flag === "--steps") options.steps = Math.max(1, n);
    else if (flag === "--seconds") options.seconds = n;
    else if (flag === "--only") options.only = n;
    else
      throw new Error(
        `unknown option ${flag}; usage: npm run fuzz -- --incremental --count N --seed S [--steps K] [--seconds T] [--out DIR] [--only I]`,
      );
  }
  return options;
}

export async function runIncrementalCampaign(
  argv: readonly string[],
  root: string,
): Promise<IncrementalReport> {
  const options = parseIncrementalArgs(argv);
  const seeds = loadSeedCorpus(root);
  const report: IncrementalReport = {
    sequences: 0,
    steps: 0,
    mismatches: 0,
    exceptions: 0,
    unclonable: 0,
    unlocated: 0,
    hangs: 0,
    worstStepMs: 0,
    worstSequence: -1,
    failures: [],
  };
  const started = performance.now();
  const deadline =
    options.seconds === undefined ? Number.MAX_SAFE_INTEGER : Date.now() + options.seconds * 1000;
  const indexes =
    options.only === undefined
      ? { from: 0, to: options.count }
      : { from: options.only, to: options.only + 1 };
  let lastLog = 0;
  for (let index = indexes.from; index < indexes.to && Date.now() < deadline; index++) {
    const { steps, labels } = editSequence(seeds, options.seed, index, options.steps);
    const result = await diffSequence(steps);
    report.sequences += 1;
    report.steps += result.mismatch === undefined ? steps.length : result.mismatch.step + 1;
    if (result.worstStepMs > report.worstStepMs) {
      report.worstStepMs = result.worstStepMs;
      report.worstSequence = index;
    }
    if (result.mismatch !== undefined) {
      report.mismatches += 1;
      const shrunk = await shrinkSequence(steps, result.mismatch);
      mkdirSync(options.out, { recursive: true });
      const file = join(options.out, `incremental-${options.seed}-${index}.json`);
      const replay = `npm run fuzz -- --incremental --seed ${options.seed} --steps ${options.steps} --only ${index}`;
      writeFileSync(
        file,
        JSON.stringify({ replay, mismatch: result.mismatch, labels, shrunk }, null, 2),
      );
      report.failures.push({
        sequence: index,
        step: result.mismatch.step,
        kind: result.mismatch.kind,
        file,
      });
      console.error(
        `sequence ${index}: ${result.mismatch.kind} at step ${result.mismatch.step} (${labels[result.mismatch.step]}) -> ${file}`,
      );
    }
    if (performance.now() - lastLog > 10_000) {
      lastLog = performance.now();
      const seconds = (performance.now() - started) / 1000;
      console.error(
        `${report.sequences} sequences, ${report.steps} steps, ${report.mismatches} mismatches, worst step ${report.worstStepMs.toFixed(0)} ms (#${report.worstSequence}), ${seconds.toFixed(0)} s`,
      );
    }
  }
  mkdirSync(options.out, { recursive: true });
  writeFileSync(join(options.out, "incremental-summary.json"), JSON.stringify(report, null, 2));
  console.log(JSON.stringify(report, null, 2));
  return report;
}
