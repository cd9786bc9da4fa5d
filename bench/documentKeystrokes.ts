/**
 * The keystrokes that move documents in a 10,000-route workspace, driven through the worker's own
 * createEngineApi and createRevisionCache (what a page session gets, minus the message channel):
 * a new `---` (a line `---` inserted before document 1, the middle one and the last one), that
 * line deleted again, Enter and Backspace in document 1. Per case: CPU of the keystroke's
 * analysisUpdate (process.cpuUsage), wall time, and the delta's size as JSON (what is posted).
 *
 * Each case starts a fresh engine on the workspace, then makes one unrelated edit (a weight in
 * the middle route) so the incremental module and caches are warm, then the measured keystroke.
 *
 * Not part of `npm run bench` (which runs one workspace size per case); run it on its own:
 * `npx vite build --config bench/documentKeystrokes.config.ts && node dist-cli/documentKeystrokes.js [routes]`.
 */
import { writeFileSync } from "node:fs";
import { Session } from "node:inspector";
import { generateBenchConfig } from "./generateBenchConfig";
import { createEngineApi } from "../src/worker/engineApi";
import { createRevisionCache } from "../src/worker/revisionCache";
import { loadAllEngineModules } from "../src/engine/modules/engineModules";

interface Case {
  name: string;
  /** The text the keystroke starts from, and the one it makes. */
  from: (docs: readonly string[]) => string;
  to: (docs: readonly string[]) => string;
}

/** The documents joined as the bench joins them, with a line `---` before document `at`. */
function withMarkerBefore(docs: readonly string[], at: number): string {
  return docs.slice(0, at).join("---\n") + "---\n---\n" + docs.slice(at).join("---\n");
}

/** Document `at` with an empty line after its first line (Enter at the end of that line). */
function withEnterIn(docs: readonly string[], at: number): string {
  const copy = [...docs];
  const doc = copy[at] ?? "";
  const eol = doc.indexOf("\n");
  copy[at] = doc.slice(0, eol + 1) + "\n" + doc.slice(eol + 1);
  return copy.join("---\n");
}

/** The middle route's weight changed: the warm-up edit. */
function withMiddleWeight(text: string): string {
  const at = text.indexOf("weight: ", Math.floor(text.length / 2));
  return text.slice(0, at) + "weight: 7" + text.slice(at + "weight: ".length + 1);
}

const joined = (docs: readonly string[]) => docs.join("---\n");

const CASES: Case[] = [
  { name: "new --- at document 1", from: joined, to: (d) => withMarkerBefore(d, 1) },
  {
    name: "new --- in the middle",
    from: joined,
    to: (d) => withMarkerBefore(d, Math.floor(d.length / 2)),
  },
  { name: "new --- at the end", from: joined, to: (d) => withMarkerBefore(d, d.length - 1) },
  { name: "--- deleted at document 1", from: (d) => withMarkerBefore(d, 1), to: joined },
  { name: "Enter in document 1", from: joined, to: (d) => withEnterIn(d, 1) },
  { name: "Backspace in document 1", from: (d) => withEnterIn(d, 1), to: joined },
];

/** DOC_KEYSTROKES_PROFILE=dir: a CPU profile of each measured keystroke (only), for DevTools. */
const profile = process.env.DOC_KEYSTROKES_PROFILE;
const session = new Session();

function startProfile(): boolean {
  session.connect();
  session.post("Profiler.enable");
  session.post("Profiler.start");
  return true;
}

function stopProfile(path: string): void {
  session.post("Profiler.stop", (error, result) => {
    if (error === null) writeFileSync(path, JSON.stringify(result.profile));
    session.disconnect();
  });
}

function cpuMs(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
}

async function run(routes: number): Promise<void> {
  const config = generateBenchConfig(routes);
  const only = process.env.DOC_KEYSTROKES_ONLY;
  // The first case run would pay for compiling the incremental path: one untimed, first.
  for (const [k, c] of [CASES[1] as Case, ...CASES].entries()) {
    const warmUp = k === 0;
    if (!warmUp && only !== undefined && !c.name.includes(only)) continue;
    // One entry: the return to the starting text below is analysed (from the weight edit), not
    // found in the cache, so the loader's last load is the starting text's.
    const revisions = createRevisionCache({ clock: () => "2026-01-01T00:00:00Z", capacity: 1 });
    const api = createEngineApi(revisions);
    const from = c.from(config.docs);
    const page = "bench";
    const files = (text: string) => [{ name: "bench.yaml", text }];
    let seq = (await api.analysisUpdate(page, undefined, 1, files(from))).seq;
    seq = (await api.analysisUpdate(page, seq, 2, files(withMiddleWeight(from)))).seq;
    seq = (await api.analysisUpdate(page, seq, 3, files(from))).seq;
    const text = c.to(config.docs);
    const profiling = !warmUp && profile !== undefined && startProfile();
    const started = process.cpuUsage();
    const wall = performance.now();
    const update = await api.analysisUpdate(page, seq, 4, [{ name: "bench.yaml", text }]);
    const cpu = cpuMs(started);
    const ms = performance.now() - wall;
    if (profiling) stopProfile(`${profile}/${c.name.replace(/\W+/g, "-")}.cpuprofile`);
    const bytes = JSON.stringify("delta" in update ? update.delta : update).length;
    if (warmUp) continue;
    console.log(
      `${c.name.padEnd(28)} cpu ${cpu.toFixed(0).padStart(5)} ms  wall ${ms.toFixed(0).padStart(5)} ms  delta ${(bytes / 1000).toFixed(1).padStart(7)} kB`,
    );
  }
}

// The worker loads them on demand; loaded up front here, so no keystroke pays for a load.
await loadAllEngineModules();
await run(Number(process.argv[2] ?? 10000));
