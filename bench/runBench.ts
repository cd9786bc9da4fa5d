/**
 * The benchmark behind `npm run bench`. For 10, 100, 1,000, 10,000 and 100,000 HTTPRoutes it
 * measures, each cold (no parse cache) and as the median of several runs:
 * - parseMs: text → loaded objects with their source locations (loadManifests);
 * - analyzeMs: text → the whole Analysis (analyze);
 * - compileMs: text → compiled router (analyze + compileRouter);
 * - editMs: one weight edit analysed from the previous revision (its parse cache and its analysis,
 *   which the incremental pass reuses where the edit did not reach), as the designer's worker does;
 * - heapMb: heap held by one analysis and its router (after garbage collection);
 * and the request throughput of the engine's fast path (routeRequest) next to find-my-way on a
 * path-only table with the same paths, on the same deterministic request mix. A workspace shaped
 * like Envoy Gateway's translator benchmark (850 routes, 1,500 policies) gets the same figures.
 */
import { writeFileSync } from "node:fs";
import FindMyWay from "find-my-way";
import {
  analyze,
  analyzeRevision,
  compileRouter,
  createParseCache,
  routeRequest,
} from "../src/engine";
import type { SimRequest, SourceFile } from "../src/engine";
import { loadManifests } from "../src/engine/load/loadManifests";
import { loadValidated } from "../src/engine/validate/loadValidated";
import {
  generateBenchConfig,
  generateRequestMix,
  withHostnameEdit,
  withPathEdit,
  withServicePortEdit,
  withWeightEdit,
} from "./generateBenchConfig";
import { generatePolicyWorkspace, withPolicyWorkspaceEdit } from "./generatePolicyWorkspace";
import { collectGarbage, cpuMs, heapUsedMb, measureThroughput, median, timeMs } from "./measure";

/**
 * What one workspace costs: every figure in milliseconds except heapMb. The *CpuMs figures are
 * the process's CPU time for the same runs: on a shared, loaded machine wall time also counts the
 * time other processes held the core, while CPU time counts only the engine's work (plus garbage
 * collection on helper threads).
 */
export interface StageFigures {
  parseMs: number;
  analyzeMs: number;
  compileMs: number;
  editMs: number;
  heapMb: number;
  parseCpuMs: number;
  analyzeCpuMs: number;
  editCpuMs: number;
}

export interface BenchCase extends StageFigures {
  routes: number;
  engineRps: number;
  findMyWayRps: number;
}

export interface PolicyCase extends StageFigures {
  routes: number;
  policies: number;
}

const SIZES = [10, 100, 1000, 10000, 100000];
const MIX_SIZE = 10_000;

export async function runBench(args: readonly string[]): Promise<void> {
  const editOnly = args.includes("--edit");
  const argv = args.filter((a) => a !== "--edit");
  const sizes =
    argv.length > 0 ? argv.map(Number).filter((n) => Number.isInteger(n) && n > 0) : SIZES;
  if (editOnly) {
    for (const routes of sizes) for (const line of benchEdit(routes)) console.log(line);
    return;
  }
  const cases: BenchCase[] = [];
  for (const routes of sizes) {
    cases.push(benchSize(routes));
    console.log(`${routes} routes done`);
    await Promise.resolve();
  }
  const envoyGatewayTranslator = benchPolicyWorkspace();
  // This runs as dist-cli/bench.js; the results belong next to the benchmark sources.
  const target = new URL("../bench/results.json", import.meta.url);
  writeFileSync(target, `${JSON.stringify({ cases, envoyGatewayTranslator }, null, 2)}\n`);
  console.log(printTable(cases));
  const eg = envoyGatewayTranslator;
  console.log(
    `\nEnvoy Gateway translator shape (${eg.routes} routes, ${eg.policies} policies): parse ${eg.parseMs} ms, analyze ${eg.analyzeMs} ms, compile ${eg.compileMs} ms, edit ${eg.editMs} ms (cpu: parse ${eg.parseCpuMs}, analyze ${eg.analyzeCpuMs}, edit ${eg.editCpuMs} ms), heap ${eg.heapMb} MB`,
  );
  console.log(
    `\nwritten to bench/results.json (node ${process.version}, ${process.platform}/${process.arch})`,
  );
}

/**
 * `npm run bench -- --edit [sizes]`: only the edits, without the cold figures (which take minutes
 * at 100,000 routes). The weight edit both ways: with the parse cache alone (every stage re-run,
 * as before the incremental pass) and from the previous revision (the worker's path); then, from
 * the previous revision, a route's hostname renamed, a route's path edited, and a Service port no
 * route names renumbered. Prints, writes nothing.
 */
function benchEdit(routes: number): string[] {
  const config = generateBenchConfig(routes);
  const name = `bench-${routes}.yaml`;
  const edited = (weight: number) => [{ name, text: withWeightEdit(config, weight) }];
  const cache = createParseCache();
  let previous = analyzeRevision([{ name, text: config.yaml }], { parseCache: cache });
  const full: Timing[] = [];
  const incremental: Timing[] = [];
  const loading: Timing[] = [];
  for (let i = 0; i < 3; i++) {
    // What loading alone costs (text → typed objects, with the parse cache): the incremental
    // pass starts after it, and it still reads every document.
    const loadedText = edited(60 + i);
    collectGarbage();
    loading.push(timeBoth(() => loadValidated(loadedText, cache)));
    const text = edited(11 + 2 * i);
    collectGarbage();
    full.push(timeBoth(() => analyze(text, { parseCache: cache })));
    const next = edited(12 + 2 * i);
    collectGarbage();
    incremental.push(
      timeBoth(() => {
        previous = analyzeRevision(next, { parseCache: cache, previous });
      }),
    );
  }
  const fmt = (t: Timing[]) =>
    `${round(median(t.map((x) => x.wall)), 1)} ms (cpu ${round(median(t.map((x) => x.cpu)), 1)} ms)`;
  const lines = [
    `${routes} routes, one weight edit: parse cache only ${fmt(full)}; from the previous revision ${fmt(incremental)}, of which loading ${fmt(loading)}`,
  ];
  const kinds: [string, (n: number) => string][] = [
    ["hostname edit", (n) => withHostnameEdit(config, n)],
    ["path edit", (n) => withPathEdit(config, n)],
    ["Service port edit", (n) => withServicePortEdit(config, 9100 + n)],
  ];
  for (const [kind, edit] of kinds) {
    // Back to the generated text first (a weight edit), then three edits of this kind in a row.
    previous = analyzeRevision([{ name, text: config.yaml }], { parseCache: cache, previous });
    const times: Timing[] = [];
    for (let i = 0; i < 3; i++) {
      const next = [{ name, text: edit(i) }];
      collectGarbage();
      times.push(
        timeBoth(() => {
          previous = analyzeRevision(next, { parseCache: cache, previous });
        }),
      );
    }
    lines.push(`${routes} routes, one ${kind}: from the previous revision ${fmt(times)}`);
  }
  return lines;
}

function runsFor(routes: number): number {
  if (routes >= 100000) return 1;
  return routes >= 10000 ? 3 : 5;
}

function benchSize(routes: number): BenchCase {
  const config = generateBenchConfig(routes);
  const sources = [{ name: `bench-${routes}.yaml`, text: config.yaml }];
  const analysis = analyze(sources);
  const errors = analysis.diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0)
    throw new Error(`bench config with ${routes} routes has errors: ${errors[0]?.message ?? ""}`);
  const stages = measureStages(sources, runsFor(routes), (weight) => [
    { name: sources[0]?.name ?? "", text: withWeightEdit(config, weight) },
  ]);
  const router = compileRouter(analysis);

  const mix = generateRequestMix(config, MIX_SIZE);
  const requests: SimRequest[] = mix.map((r) => ({
    gateway: "bench/gw",
    scheme: "http",
    method: "GET",
    host: r.host,
    path: r.path,
    headers: r.headers,
  }));
  const fmw = FindMyWay();
  for (const entry of config.pathTable) fmw.on("GET", entry.path, () => undefined);
  const paths = mix.map((r) => r.path);

  // Both routers must agree on which requests find a route, or the comparison is meaningless.
  const engineFound = requests.map((r) => routeRequest(router, r).status !== 404);
  const fmwFound = paths.map((p) => fmw.find("GET", p) !== null);
  const disagree = engineFound.filter((f, i) => f !== fmwFound[i]).length;
  if (disagree > 0) {
    const i = engineFound.findIndex((f, j) => f !== fmwFound[j]);
    throw new Error(
      `engine and find-my-way disagree on ${disagree} of ${MIX_SIZE} requests, e.g. ${JSON.stringify(mix[i])} (engine found: ${engineFound[i]})`,
    );
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
    for (const p of paths) s += fmw.find("GET", p) === null ? 0 : 1;
    return s;
  });
  return {
    routes,
    ...stages,
    engineRps: Math.round(engine.rps),
    findMyWayRps: Math.round(findMyWay.rps),
  };
}

function benchPolicyWorkspace(): PolicyCase {
  const ws = generatePolicyWorkspace();
  const sources = [{ name: "envoy-gateway-shaped.yaml", text: ws.yaml }];
  const errors = analyze(sources).diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0)
    throw new Error(`policy workspace has errors: ${errors[0]?.message ?? ""}`);
  const stages = measureStages(sources, 5, (weight) => [
    { name: sources[0]?.name ?? "", text: withPolicyWorkspaceEdit(ws, weight) },
  ]);
  return { routes: ws.routes, policies: ws.policies, ...stages };
}

/**
 * Cold parse, analyze and compile (median of `runs`), then `runs` weight edits, each analysed from
 * the previous revision and its parse cache (as the designer's worker does), and the heap one
 * analysis with its router holds.
 */
function measureStages(
  sources: readonly SourceFile[],
  runs: number,
  edited: (weightA: number) => SourceFile[],
): StageFigures {
  const parse: Timing[] = [];
  const analyzeTimes: Timing[] = [];
  const compile: number[] = [];
  let heapMb = 0;
  for (let i = 0; i < runs; i++) {
    collectGarbage();
    parse.push(timeBoth(() => loadManifests(sources)));
    collectGarbage();
    analyzeTimes.push(timeBoth(() => analyze(sources)));
    collectGarbage();
    // The heap one analysis and its router hold: what is still in use after this run.
    const before = heapUsedMb();
    const held: unknown[] = [];
    compile.push(timeMs(() => held.push(compileRouter(analyze(sources)))));
    collectGarbage();
    heapMb = heapUsedMb() - before;
    held.length = 0;
  }

  // The designer's worker: the previous revision analysed and cached, then one weight edit.
  const cache = createParseCache();
  let previous = analyzeRevision(sources, { parseCache: cache });
  const edits: Timing[] = [];
  for (let i = 0; i < (runs === 1 ? 1 : Math.max(3, runs)); i++) {
    // A different weight each time, so every edit changes the text the cache last saw.
    const next = edited(11 + i);
    collectGarbage();
    edits.push(
      timeBoth(() => {
        previous = analyzeRevision(next, { parseCache: cache, previous });
      }),
    );
  }
  return {
    parseMs: round(median(parse.map((t) => t.wall)), 1),
    analyzeMs: round(median(analyzeTimes.map((t) => t.wall)), 1),
    compileMs: round(median(compile), 1),
    editMs: round(median(edits.map((t) => t.wall)), 1),
    heapMb: round(heapMb, 1),
    parseCpuMs: round(median(parse.map((t) => t.cpu)), 1),
    analyzeCpuMs: round(median(analyzeTimes.map((t) => t.cpu)), 1),
    editCpuMs: round(median(edits.map((t) => t.cpu)), 1),
  };
}

interface Timing {
  wall: number;
  cpu: number;
}

function timeBoth(fn: () => void): Timing {
  const cpu0 = cpuMs();
  const wall = timeMs(fn);
  return { wall, cpu: cpuMs() - cpu0 };
}

function printTable(cases: readonly BenchCase[]): string {
  const header = [
    "routes",
    "parse ms",
    "analyze ms",
    "compile ms",
    "edit ms",
    "cpu: parse",
    "analyze",
    "edit",
    "heap MB",
    "engine req/s",
    "find-my-way req/s",
    "engine/fmw",
  ];
  const rows = cases.map((c) => [
    c.routes.toLocaleString("en-US"),
    c.parseMs.toFixed(1),
    c.analyzeMs.toFixed(1),
    c.compileMs.toFixed(1),
    c.editMs.toFixed(1),
    c.parseCpuMs.toFixed(1),
    c.analyzeCpuMs.toFixed(1),
    c.editCpuMs.toFixed(1),
    c.heapMb.toFixed(1),
    c.engineRps.toLocaleString("en-US"),
    c.findMyWayRps.toLocaleString("en-US"),
    (c.engineRps / c.findMyWayRps).toFixed(2),
  ]);
  const first = cases[0];
  const last = cases[cases.length - 1];
  const widths = header.map((h, i) =>
    rows.reduce((w, r) => Math.max(w, (r[i] ?? "").length), h.length),
  );
  const line = (cells: readonly string[]): string =>
    cells.map((c, i) => c.padStart(widths[i] ?? 0)).join("  ");
  const out = [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)];
  if (first && last && first !== last) {
    out.push(
      "",
      `throughput ${first.routes} → ${last.routes} routes: ${(first.engineRps / last.engineRps).toFixed(2)}× slowdown`,
    );
  }
  return out.join("\n");
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
