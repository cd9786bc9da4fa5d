/**
 * Part of `npm run bench:ui` (in Node through vitest, no browser; bench/ui/vitest.config.ts): our
 * layered layout against the elkjs
 * layout the app used before, on every example and on the 100- and 1,000-resource benchmark
 * workspaces. Time is the median of RUNS (after one warm-up); quality is edge crossings,
 * overlapping nodes, overlapping namespace frames, and the drawn area (src/layout/layoutQuality.ts).
 * Writes bench/ui-layouts.json.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";
import { test } from "vitest";
import ELK from "elkjs/lib/elk.bundled.js";
import { analyze, type SemanticGraph } from "../../src/engine";
import { layeredLayout, type Positions } from "../../src/layout/layeredLayout";
import { layoutQuality } from "../../src/layout/layoutQuality";
import { elkLayout } from "./elkLayout";
import { uiBenchWorkspace } from "./workspace";

const RUNS = 3;
const EXAMPLES = fileURLToPath(new URL("../../fixtures/examples/", import.meta.url));
const RESULTS = fileURLToPath(new URL("../ui-layouts.json", import.meta.url));

async function median(
  run: () => Promise<Positions> | Positions,
): Promise<{ ms: number; positions: Positions }> {
  let positions = await run();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    positions = await run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { ms: Math.round((times[Math.floor(times.length / 2)] ?? 0) * 10) / 10, positions };
}

test("layered layout vs elkjs", { timeout: 600_000 }, async () => {
  const cases: { name: string; graph: SemanticGraph }[] = [];
  for (const file of readdirSync(EXAMPLES)
    .filter((f) => f.endsWith(".yaml"))
    .sort()) {
    cases.push({
      name: file,
      graph: analyze([{ name: file, text: readFileSync(EXAMPLES + file, "utf8") }]).graph,
    });
  }
  for (const resources of [100, 1000]) {
    cases.push({
      name: `bench-${resources}`,
      graph: analyze([{ name: "bench.yaml", text: uiBenchWorkspace(resources).yaml }]).graph,
    });
  }
  const elk = new ELK();
  const rows = [];
  for (const c of cases) {
    const layered = await median(() => layeredLayout(c.graph));
    const elkRun = await median(() => elkLayout(c.graph, elk));
    const row = {
      name: c.name,
      nodes: c.graph.nodes.length,
      edges: c.graph.edges.length,
      layered: { ms: layered.ms, ...layoutQuality(c.graph, layered.positions) },
      elk: { ms: elkRun.ms, ...layoutQuality(c.graph, elkRun.positions) },
    };
    const fmt = (q: typeof row.layered) =>
      `${String(q.ms).padStart(8)} ms ${String(q.crossings).padStart(6)} ×  ${q.nodeOverlaps}/${q.frameOverlaps} ovl  ${(q.area / 1e6).toFixed(2).padStart(7)} Mpx² (${q.width}×${q.height})`;
    console.log(
      `${c.name.padEnd(52)} ${String(row.nodes).padStart(5)} nodes\n   layered ${fmt(row.layered)}\n   elk     ${fmt(row.elk)}`,
    );
    rows.push(row);
  }
  writeFileSync(RESULTS, `${JSON.stringify(rows, null, 2)}\n`);
});
