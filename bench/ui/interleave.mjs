#!/usr/bin/env node
/**
 * The keystroke benchmark on several builds, interleaved (a, b, a, b, …), as a shared machine
 * needs: load moves wall times between runs far more than most changes do, so builds are only
 * compared run against neighbouring run, by medians, with the load average beside each figure.
 *
 *   node bench/ui/interleave.mjs [--rounds 3] [--port 4192] [--trace] base=/tmp/dist-base head=dist-x
 *
 * Each run is `BENCH_UI_ONLY=keystroke BENCH_UI_DIST=<dir> npx playwright test -c
 * bench/ui/playwright.config.ts` (a keystroke-only run writes no results file). It prints every
 * run's p50 / p95 / rounds 1–11's p50 ("old") / shown p50 (ui.bench.ts defines them) and, per build, the medians over its runs.
 * `--trace` also records a Chrome trace per run and prints keystrokeTrace.mjs' main-thread CPU per
 * keystroke and per task kind: CPU is inflated less by load than wall time, so it tells builds
 * apart where p50 cannot. Traces slow the page: their p50 compares only with other traced runs.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i < 0 ? fallback : args.splice(i, 2)[1];
};
const rounds = Number(option("rounds", "3"));
const port = option("port", "4192");
const traceIndex = args.indexOf("--trace");
const trace = traceIndex >= 0;
if (trace) args.splice(traceIndex, 1);
const builds = args.map((a) => {
  const eq = a.indexOf("=");
  if (eq <= 0) throw new Error(`expected label=dist, got "${a}"`);
  return { label: a.slice(0, eq), dist: a.slice(eq + 1), runs: [] };
});
if (builds.length === 0 || !(rounds > 0)) {
  console.error(
    "usage: node bench/ui/interleave.mjs [--rounds n] [--port p] [--trace] label=dist …",
  );
  process.exit(2);
}

const traces = trace ? mkdtempSync(join(tmpdir(), "bench-ui-interleave-")) : undefined;
const figure = (out, key) => Number(new RegExp(`"${key}": (\\d+(?:\\.\\d+)?)`).exec(out)?.[1]);

for (let round = 1; round <= rounds; round++) {
  for (const build of builds) {
    const load = loadavg()[0].toFixed(1);
    const tracePath = traces && join(traces, `${build.label}-${round}.json`);
    const run = spawnSync("npx", ["playwright", "test", "-c", "bench/ui/playwright.config.ts"], {
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
      env: {
        ...process.env,
        BENCH_UI_ONLY: "keystroke",
        BENCH_UI_DIST: build.dist,
        BENCH_UI_PORT: port,
        ...(tracePath ? { BENCH_UI_TRACE: tracePath } : {}),
      },
    });
    const out = `${run.stdout}${run.stderr}`;
    const result = {
      p50: figure(out, "p50Ms"),
      p95: figure(out, "p95Ms"),
      nextFrame: figure(out, "nextFrameP50Ms"),
      shown: figure(out, "shownP50Ms"),
      load,
    };
    build.runs.push(result);
    let line = `${build.label} round ${round}: p50 ${result.p50} / p95 ${result.p95} / old p50 ${result.nextFrame} / shown ${result.shown} ms (load ${load})`;
    if (run.status !== 0) line += ` FAILED:\n${out.slice(-2000)}`;
    console.log(line);
    if (tracePath && run.status === 0) {
      const cpu = spawnSync("node", ["bench/ui/keystrokeTrace.mjs", tracePath, "0"], {
        encoding: "utf8",
        maxBuffer: 64 * 1024 * 1024,
      });
      for (const l of cpu.stdout.split("\n"))
        if (/keystrokes|CPU in/.test(l))
          console.log(`  ${l.replace(/; sampled inclusive time:/, "")}`);
      rmSync(tracePath, { force: true });
    }
  }
}
if (traces) rmSync(traces, { recursive: true, force: true });

const median = (xs) => {
  const sorted = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  return sorted.length === 0 ? Number.NaN : sorted[Math.floor((sorted.length - 1) / 2)];
};
console.log("\nmedians over the runs (p50 / p95 / old p50 / shown ms):");
for (const { label, runs } of builds)
  console.log(
    `  ${label}: ${median(runs.map((r) => r.p50))} / ${median(runs.map((r) => r.p95))} / ${median(runs.map((r) => r.nextFrame))} / ${median(runs.map((r) => r.shown))} (${runs.length} runs)`,
  );
