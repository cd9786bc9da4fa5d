/** Timing helpers for the benchmark. Figures only: nothing in the test suite reads them. */
import { performance } from "node:perf_hooks";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

/** Collects garbage left by the previous phase so it does not land in the next measurement. */
export function collectGarbage(): void {
  gc();
}

/** Heap in use, in MB (call collectGarbage first for a figure that means something). */
export function heapUsedMb(): number {
  return process.memoryUsage().heapUsed / (1024 * 1024);
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] ?? 0)
    : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** CPU time (user + system) this process has used, in ms. */
export function cpuMs(): number {
  const used = process.cpuUsage();
  return (used.user + used.system) / 1000;
}

export function timeMs(fn: () => void): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

/**
 * Runs `pass` (one sweep over a fixed request mix of `size` requests) repeatedly for at least
 * `minMs`, after one warm-up sweep, and returns requests per second over the best of 3 rounds.
 */
export function measureThroughput(
  size: number,
  pass: () => number,
  minMs = 400,
): { rps: number; sink: number } {
  let sink = pass();
  const rounds: number[] = [];
  for (let round = 0; round < 3; round++) {
    let requests = 0;
    const t0 = performance.now();
    let elapsed = 0;
    while (elapsed < minMs) {
      sink += pass();
      requests += size;
      elapsed = performance.now() - t0;
    }
    rounds.push((requests / elapsed) * 1000);
  }
  return { rps: rounds.reduce((a, b) => Math.max(a, b), 0), sink };
}
