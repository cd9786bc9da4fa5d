/**
 * `npm run corpus [--world auto|closed|open …] [--quiet] [--warnings]`: the real-manifest report. For each
 * world, the totals, then every Gateway not served and every route parent not accepted with the
 * reason, then every error diagnostic (read them to find false errors), and with --warnings every
 * warning too.
 */
import { fileURLToPath } from "node:url";
import { analyzeCorpusFile, totalCorpus } from "./analyzeCorpus";
import type { CorpusFileResult, CorpusWorld } from "./analyzeCorpus";
import { readCorpus } from "./corpusFiles";

const WORLDS: readonly CorpusWorld[] = ["auto", "closed"];

export function runCorpusReport(argv: readonly string[]): void {
  const worlds: CorpusWorld[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--world") {
      const w = argv[++i];
      if (w !== "open" && w !== "auto" && w !== "closed")
        throw new Error(`--world takes open, auto or closed, not ${String(w)}`);
      worlds.push(w);
    }
  }
  const quiet = argv.includes("--quiet");
  const warnings = argv.includes("--warnings");
  // This runs as dist-cli/corpus.js; the corpus lives in fixtures/ at the repository root.
  const root = fileURLToPath(new URL("../fixtures/corpus", import.meta.url));
  const sources = readCorpus(root);
  const summary: string[] = [];
  for (const world of worlds.length > 0 ? worlds : WORLDS) {
    const results = sources.map((s) => analyzeCorpusFile(s, world));
    const t = totalCorpus(results);
    const line =
      `world ${world}: ${t.files} files; Gateways served ${t.served}/${t.gateways} (${pct(t.served, t.gateways)}); ` +
      `route→Gateway/ListenerSet parents in the same file accepted ${t.acceptedInFile}/${t.parentsInFile} (${pct(t.acceptedInFile, t.parentsInFile)}); ` +
      `${t.parents - t.parentsInFile} parents in other files; ${t.unknown} parents unknown (assumed, never rejected); ${t.errors} error diagnostics`;
    summary.push(line);
    if (!quiet) console.log(`\n=== ${line}\n${printMisses(results, warnings)}`);
  }
  console.log(`\n${summary.join("\n")}`);
}

function printMisses(results: readonly CorpusFileResult[], warnings: boolean): string {
  const out: string[] = [];
  for (const r of results) {
    const lines: string[] = [];
    for (const g of r.gateways)
      if (!g.served) lines.push(`  Gateway ${g.gateway} not served: ${g.reasons.join(" | ")}`);
    for (const p of r.parents)
      if (!p.accepted && !p.unknown)
        lines.push(
          `  ${p.route} → ${p.gateway} (parentRefs[${p.parentRefIndex}]) not accepted: ${p.reason}`,
        );
    for (const e of r.errors) lines.push(`  error ${e.code} at line ${e.line}: ${e.message}`);
    if (warnings)
      for (const w of r.warnings) lines.push(`  warning ${w.code} at line ${w.line}: ${w.message}`);
    if (lines.length > 0) out.push(`${r.file}\n${lines.join("\n")}`);
  }
  return out.join("\n");
}

function pct(n: number, d: number): string {
  return d === 0 ? "n/a" : `${((100 * n) / d).toFixed(1)}%`;
}
