/**
 * `npm run fuzz -- --count N --seed S [--workers W] [--out DIR] [--budget-ms MS] [--heap-mb MB] [--seconds T] [--only I]`
 *
 * A long mutation campaign over the seed corpus. Input i of a campaign is generated from (S, i)
 * alone, so any input can be replayed with `--only i`. The inputs are spread over worker threads;
 * each problem signature seen for the first time is minimized and written to DIR (default
 * fuzz-crashes/, gitignored) as <signature>.yaml plus a .json describing it. An input over the
 * time budget twice in a row counts as a hang and is written unminimized; a worker stuck on one input for a
 * minute is replaced and its input recorded, and so is a worker that dies on an input (over its
 * `--heap-mb` heap, default 4,096 MB). Progress goes to stderr, the summary to stdout and
 * DIR/summary.json. `--seconds T` stops the campaign after T seconds (the summary says how many
 * inputs ran).
 */
import { createHash } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { Worker, isMainThread, parentPort, workerData } from "node:worker_threads";
import fc from "fast-check";
import { loadSeedCorpus } from "./corpus";
import { exerciseEngine, type FuzzProblem, type StageTimes } from "./exerciseEngine";
import { minimize } from "./minimize";
import { fuzzInputArb, type SeedFile } from "./mutations";
import { runIncrementalCampaign, type IncrementalReport } from "./incrementalCampaign";

export interface CampaignOptions {
  count: number;
  seed: number;
  workers: number;
  out: string;
  budgetMs: number;
  /** Old-space heap of each worker: an input that needs more is recorded as a failure. */
  heapMb: number;
  /** Stop after this many seconds, whatever the count. */
  seconds?: number;
  only?: number;
}

interface Report {
  inputs: number;
  exceptions: number;
  unclonable: number;
  unlocated: number;
  hangs: number;
  /** Over the budget once, within it when run again (counted apart from hangs). */
  slowOnce: number;
  worstMs: number;
  worstIndex: number;
  /** Per stage of exerciseEngine, its slowest time on one input and that input. */
  worstStageMs: Record<string, { ms: number; index: number }>;
  signatures: Record<string, { count: number; first: number; message: string; file: string }>;
}

const STUCK_MS = 60_000;

/** What a worker posts: its report since the last post, and the next input it will run. */
interface Partial {
  report: Report;
  next: number;
}

/** The input at position `index` of the campaign with seed `seed`. */
export function inputAt(
  arb: fc.Arbitrary<{ name: string; text: string }>,
  seed: number,
  index: number,
): { name: string; text: string } {
  const [input] = fc.sample(arb, {
    seed: (Math.imul(seed | 0, 0x9e3779b1) ^ index) | 0,
    numRuns: 1,
  });
  return input as { name: string; text: string };
}

export function parseFuzzArgs(argv: readonly string[]): CampaignOptions {
  const options: CampaignOptions = {
    count: 10_000,
    seed: 1,
    workers: Math.max(1, Math.min(2, availableParallelism())),
    out: "fuzz-crashes",
    budgetMs: 2_000,
    heapMb: 4_096,
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    const number = (): number => {
      const n = Number(value);
      if (!Number.isSafeInteger(n) || n < 0)
        throw new Error(`${flag} needs a whole number, got ${JSON.stringify(value)}`);
      i++;
      return n;
    };
    if (flag === "--count") options.count = number();
    else if (flag === "--seed") options.seed = number();
    else if (flag === "--workers") options.workers = Math.max(1, number());
    else if (flag === "--budget-ms") options.budgetMs = number();
    else if (flag === "--only") options.only = number();
    else if (flag === "--seconds") options.seconds = number();
    else if (flag === "--heap-mb") options.heapMb = Math.max(16, number());
    else if (flag === "--out" && value !== undefined) {
      options.out = value;
      i++;
    } else
      throw new Error(
        `unknown option ${flag}; usage: npm run fuzz -- --count N --seed S [--workers W] [--out DIR] [--budget-ms MS] [--heap-mb MB] [--seconds T] [--only I]`,
      );
  }
  return options;
}

function emptyReport(): Report {
  return {
    inputs: 0,
    exceptions: 0,
    unclonable: 0,
    unlocated: 0,
    hangs: 0,
    slowOnce: 0,
    worstMs: 0,
    worstIndex: -1,
    worstStageMs: {},
    signatures: {},
  };
}

function slug(signature: string): string {
  const words = signature
    .replace(/[^A-Za-z0-9]+/g, "-")
    .slice(0, 60)
    .replace(/^-|-$/g, "");
  return `${words}-${createHash("sha1").update(signature).digest("hex").slice(0, 8)}`;
}

/** Runs one input and records what it found; writes a minimized reproduction for a new signature. */
function runOne(
  index: number,
  input: { name: string; text: string },
  options: CampaignOptions,
  report: Report,
  seen: Set<string>,
): void {
  const started = performance.now();
  const times: StageTimes = new Map();
  const problems = exerciseEngine([input], times);
  const ms = performance.now() - started;
  report.inputs++;
  for (const [stage, stageMs] of times) noteStageTime(report, stage, stageMs, index);
  if (ms > report.worstMs) {
    report.worstMs = ms;
    report.worstIndex = index;
  }
  if (ms > options.budgetMs) {
    // On a shared machine one slow run can be a scheduling pause: a hang is slow twice.
    const again = performance.now();
    exerciseEngine([input]);
    const retryMs = performance.now() - again;
    if (retryMs > options.budgetMs)
      problems.push({
        kind: "exception",
        stage: "budget",
        message: `took ${Math.round(ms)} ms, then ${Math.round(retryMs)} ms`,
        signature: "hang",
      });
    else report.slowOnce++;
  }
  for (const problem of problems) record(index, input, problem, options, report, seen);
}

function record(
  index: number,
  input: { name: string; text: string },
  problem: FuzzProblem,
  options: CampaignOptions,
  report: Report,
  seen: Set<string>,
): void {
  const hang = problem.signature === "hang";
  // Inputs that hung or killed their worker are written whole: minimizing would run them again here.
  const writeWhole = hang || problem.stage === "worker";
  if (hang) report.hangs++;
  else if (problem.kind === "exception") report.exceptions++;
  else if (problem.kind === "unclonable") report.unclonable++;
  else report.unlocated++;
  const entry = report.signatures[problem.signature];
  if (entry) {
    entry.count++;
    return;
  }
  const file = hang
    ? `hang-${options.seed}-${index}`
    : problem.stage === "worker"
      ? `worker-died-${options.seed}-${index}`
      : slug(problem.signature);
  report.signatures[problem.signature] = { count: 1, first: index, message: problem.message, file };
  if (seen.has(file)) return;
  seen.add(file);
  const text = writeWhole
    ? input.text
    : minimize(input.text, (candidate) =>
        exerciseEngine([{ name: input.name, text: candidate }]).some(
          (p) => p.signature === problem.signature,
        ),
      );
  mkdirSync(options.out, { recursive: true });
  writeFileSync(join(options.out, `${file}.yaml`), text);
  writeFileSync(
    join(options.out, `${file}.json`),
    `${JSON.stringify({ signature: problem.signature, stage: problem.stage, message: problem.message, seed: options.seed, index, seedFile: input.name, originalBytes: input.text.length, replay: `npm run fuzz -- --seed ${options.seed} --only ${index}` }, null, 2)}\n`,
  );
}

function noteStageTime(report: Report, stage: string, ms: number, index: number): void {
  const worst = Object.hasOwn(report.worstStageMs, stage) ? report.worstStageMs[stage] : undefined;
  if (worst === undefined || ms > worst.ms) report.worstStageMs[stage] = { ms, index };
}

function merge(into: Report, from: Report): void {
  into.inputs += from.inputs;
  into.exceptions += from.exceptions;
  into.unclonable += from.unclonable;
  into.unlocated += from.unlocated;
  into.hangs += from.hangs;
  into.slowOnce += from.slowOnce;
  if (from.worstMs > into.worstMs) {
    into.worstMs = from.worstMs;
    into.worstIndex = from.worstIndex;
  }
  for (const [stage, worst] of Object.entries(from.worstStageMs))
    noteStageTime(into, stage, worst.ms, worst.index);
  for (const [signature, entry] of Object.entries(from.signatures)) {
    const existing = into.signatures[signature];
    if (existing) existing.count += entry.count;
    else into.signatures[signature] = { ...entry };
  }
}

/** Worker side: runs inputs [from, to) in strides and posts its partial report now and then. */
export function fuzzWorker(): void {
  if (isMainThread || !parentPort) return;
  const { options, from, to, root, progress, deadline } = workerData as {
    options: CampaignOptions;
    from: number;
    to: number;
    root: string;
    progress: SharedArrayBuffer;
    deadline: number;
  };
  const current = new Int32Array(progress);
  const arb = fuzzInputArb(loadSeedCorpus(root));
  const seen = new Set<string>();
  let report = emptyReport();
  for (let index = from; index < to; index++) {
    if (Date.now() > deadline) break;
    Atomics.store(current, 0, index);
    runOne(index, inputAt(arb, options.seed, index), options, report, seen);
    // A problem is posted at once, so a worker that dies later loses only clean inputs' counts.
    const failed = report.exceptions + report.unclonable + report.unlocated + report.hangs > 0;
    if (report.inputs >= 50 || failed) {
      parentPort.postMessage({ report, next: index + 1 } satisfies Partial);
      report = emptyReport();
    }
  }
  parentPort.postMessage({ report, next: to } satisfies Partial);
  Atomics.store(current, 0, to);
}

export async function runFuzz(
  argv: readonly string[],
  bundleUrl: string,
  root: string,
): Promise<Report | IncrementalReport> {
  if (argv.includes("--incremental")) return runIncrementalCampaign(argv, root);
  const options = parseFuzzArgs(argv);
  const seeds: SeedFile[] = loadSeedCorpus(root);
  const arb = fuzzInputArb(seeds);
  const total = emptyReport();
  if (options.only !== undefined) {
    const input = inputAt(arb, options.seed, options.only);
    // Written first: an input that takes the process down must still be there to look at.
    mkdirSync(options.out, { recursive: true });
    writeFileSync(join(options.out, `input-${options.seed}-${options.only}.yaml`), input.text);
    runOne(options.only, input, options, total, new Set());
    console.log(JSON.stringify(total, null, 2));
    return total;
  }
  const started = performance.now();
  const deadline =
    options.seconds === undefined ? Number.MAX_SAFE_INTEGER : Date.now() + options.seconds * 1000;
  const per = Math.ceil(options.count / options.workers);
  let lastLog = 0;
  const log = (): void => {
    const seconds = (performance.now() - started) / 1000;
    console.error(
      `${total.inputs} inputs, ${total.exceptions} exceptions, ${total.unclonable} unclonable, ${total.unlocated} unlocated, ${total.hangs} hangs (${total.slowOnce} slow once), worst ${total.worstMs.toFixed(0)} ms (#${total.worstIndex}), ${(total.inputs / seconds).toFixed(0)}/s, ${seconds.toFixed(0)} s`,
    );
  };
  const runRange = (from: number, to: number): Promise<void> =>
    new Promise((resolve) => {
      if (from >= to) return resolve();
      const progress = new SharedArrayBuffer(4);
      const current = new Int32Array(progress);
      Atomics.store(current, 0, from);
      const worker = new Worker(
        `import(${JSON.stringify(bundleUrl)}).then((m) => m.fuzzWorker())`,
        {
          eval: true,
          workerData: { options, from, to, root, progress, deadline },
          resourceLimits: { maxOldGenerationSizeMb: options.heapMb },
        },
      );
      let lastIndex = from;
      let lastChange = performance.now();
      let replaced = false;
      /** Inputs before this one are counted in `total`. */
      let postedUpTo = from;
      /** Records the input a worker was on when it had to go, and carries on after it. */
      const replaceAfter = (index: number, problem: FuzzProblem): void => {
        clearInterval(watchdog);
        replaced = true;
        void worker.terminate();
        const lost = emptyReport();
        const known = total.signatures[problem.signature];
        if (known && problem.signature !== "hang") {
          // Seen before: counted, not written again.
          known.count++;
          lost.exceptions = 1;
        } else record(index, inputAt(arb, options.seed, index), problem, options, lost, new Set());
        // The inputs it ran since its last post were clean (problems are posted at once).
        lost.inputs = 1 + Math.max(0, index - postedUpTo);
        merge(total, lost);
        void runRange(index + 1, to).then(resolve);
      };
      const watchdog = setInterval(() => {
        const index = Atomics.load(current, 0);
        if (index !== lastIndex) {
          lastIndex = index;
          lastChange = performance.now();
          return;
        }
        if (performance.now() - lastChange < STUCK_MS) return;
        // Stuck on one input: record it, replace the worker and carry on after it.
        replaceAfter(index, {
          kind: "exception",
          stage: "budget",
          message: `no answer after ${STUCK_MS} ms`,
          signature: "hang",
        });
      }, 5_000);
      worker.on("message", (partial: Partial) => {
        merge(total, partial.report);
        postedUpTo = partial.next;
        if (total.inputs - lastLog >= 10_000) {
          lastLog = total.inputs;
          log();
        }
      });
      worker.on("error", (error) => {
        // The worker died on an input (out of memory, a stack overflow outside any try): that is
        // a failure of that input, recorded like an exception, and the campaign goes on after it.
        const index = Atomics.load(current, 0);
        const code = (error as { code?: unknown }).code;
        const what = typeof code === "string" ? code : error.name;
        console.error(`worker died on input #${index}: ${error.message}`);
        if (replaced || index >= to) return;
        replaceAfter(index, {
          kind: "exception",
          stage: "worker",
          message: `the worker died: ${error.message}`,
          signature: `worker died: ${what}`,
        });
      });
      worker.on("exit", () => {
        clearInterval(watchdog);
        if (!replaced) resolve();
      });
    });
  const ranges = Array.from({ length: options.workers }, (_, w) =>
    runRange(w * per, Math.min(options.count, (w + 1) * per)),
  );
  await Promise.all(ranges);
  log();
  const summary = {
    ...total,
    seed: options.seed,
    count: options.count,
    workers: options.workers,
    seconds: Math.round((performance.now() - started) / 1000),
    worstMs: Math.round(total.worstMs),
  };
  mkdirSync(options.out, { recursive: true });
  writeFileSync(join(options.out, "summary.json"), `${JSON.stringify(summary, null, 2)}\n`);
  console.log(JSON.stringify(summary, null, 2));
  return total;
}
