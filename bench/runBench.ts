/**
 * The benchmark behind `npm run bench`: for 10, 100, 1,000 and 10,000 HTTPRoutes, the compile time
 * (analyze + compileRouter, median of several runs) and the request throughput of the engine's
 * fast path (routeRequest) next to find-my-way on a path-only table with the same paths, both
 * measured in the same process on the same deterministic request mix.
 */
import { writeFileSync } from 'node:fs';
import FindMyWay from 'find-my-way';
import { analyze, compileRouter, routeRequest } from '../src/engine';
import type { SimRequest } from '../src/engine';
import { generateBenchConfig, generateRequestMix } from './generateBenchConfig';
import { collectGarbage, measureThroughput, median, timeMs } from './measure';

export interface BenchCase {
  routes: number;
  compileMs: number;
  engineRps: number;
  findMyWayRps: number;
}

const SIZES = [10, 100, 1000, 10000];
const MIX_SIZE = 10_000;

export async function runBench(argv: readonly string[]): Promise<void> {
  const sizes = argv.length > 0 ? argv.map(Number).filter((n) => Number.isInteger(n) && n > 0) : SIZES;
  const cases: BenchCase[] = [];
  for (const routes of sizes) {
    cases.push(benchSize(routes));
    await Promise.resolve();
  }
  // This runs as dist-cli/bench.js; the results belong next to the benchmark sources.
  const target = new URL('../bench/results.json', import.meta.url);
  writeFileSync(target, `${JSON.stringify({ cases }, null, 2)}\n`);
  console.log(printTable(cases));
  console.log(`\nwritten to bench/results.json (node ${process.version}, ${process.platform}/${process.arch})`);
}

function benchSize(routes: number): BenchCase {
  const config = generateBenchConfig(routes);
  const sources = [{ name: `bench-${routes}.yaml`, text: config.yaml }];
  const runs = routes >= 10000 ? 3 : 5;
  const compileTimes: number[] = [];
  const analysis = analyze(sources);
  const errors = analysis.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new Error(`bench config with ${routes} routes has errors: ${errors[0]?.message ?? ''}`);
  let router = compileRouter(analysis);
  for (let i = 0; i < runs; i++) {
    collectGarbage();
    compileTimes.push(
      timeMs(() => {
        router = compileRouter(analyze(sources));
      }),
    );
  }
  collectGarbage();

  const mix = generateRequestMix(config, MIX_SIZE);
  const requests: SimRequest[] = mix.map((r) => ({ gateway: 'bench/gw', scheme: 'http', method: 'GET', host: r.host, path: r.path, headers: r.headers }));
  const fmw = FindMyWay();
  for (const entry of config.pathTable) fmw.on('GET', entry.path, () => undefined);
  const paths = mix.map((r) => r.path);

  // Both routers must agree on which requests find a route, or the comparison is meaningless.
  const engineFound = requests.map((r) => routeRequest(router, r).status !== 404);
  const fmwFound = paths.map((p) => fmw.find('GET', p) !== null);
  const disagree = engineFound.filter((f, i) => f !== fmwFound[i]).length;
  if (disagree > 0) {
    const i = engineFound.findIndex((f, j) => f !== fmwFound[j]);
    throw new Error(`engine and find-my-way disagree on ${disagree} of ${MIX_SIZE} requests, e.g. ${JSON.stringify(mix[i])} (engine found: ${engineFound[i]})`);
  }

  collectGarbage();
  const engine = measureThroughput(requests.length, () => {
    let s = 0;
    for (const r of requests) s += routeRequest(router, r).status;
    return s;
  });
  collectGarbage();
  const findMyWay = measureThroughput(paths.length, () => {
    let s = 0;
    for (const p of paths) s += fmw.find('GET', p) === null ? 0 : 1;
    return s;
  });
  return {
    routes,
    compileMs: round(median(compileTimes), 1),
    engineRps: Math.round(engine.rps),
    findMyWayRps: Math.round(findMyWay.rps),
  };
}

function printTable(cases: readonly BenchCase[]): string {
  const header = ['routes', 'compile ms', 'engine req/s', 'find-my-way req/s', 'engine/fmw'];
  const rows = cases.map((c) => [
    c.routes.toLocaleString('en-US'),
    c.compileMs.toFixed(1),
    c.engineRps.toLocaleString('en-US'),
    c.findMyWayRps.toLocaleString('en-US'),
    (c.engineRps / c.findMyWayRps).toFixed(2),
  ]);
  const first = cases[0];
  const last = cases[cases.length - 1];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]): string => cells.map((c, i) => c.padStart(widths[i] ?? 0)).join('  ');
  const out = [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
  if (first && last && first !== last) {
    out.push('', `throughput ${first.routes} → ${last.routes} routes: ${(first.engineRps / last.engineRps).toFixed(2)}× slowdown`);
  }
  return out.join('\n');
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
