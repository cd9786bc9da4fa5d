/**
 * Every file of the real-manifest corpus, analysed alone in each world: no crash, a result that
 * crosses the worker boundary (structuredClone-able), and per-file counts equal to the reviewed
 * summary in bench/corpus/summary.<world>.txt (regenerate with GOLDEN_UPDATE=1 and review the diff
 * file by file). Not timed: figures come from `npm run corpus`.
 */
import { describe, expect, it } from "vitest";
import { fileURLToPath } from "node:url";
import { analyze } from "../../src/engine";
import { corpusFileResult, totalCorpus } from "./analyzeCorpus";
import type { CorpusFileResult, CorpusWorld } from "./analyzeCorpus";
import { readCorpus } from "./corpusFiles";
import { summarizeCorpusFile } from "./summarizeCorpus";

const sources = readCorpus(fileURLToPath(new URL("../../fixtures/corpus", import.meta.url)));

describe("real-manifest corpus", () => {
  it("holds several hundred files from many repositories", () => {
    expect(sources.length).toBeGreaterThan(700);
    expect(new Set(sources.map((s) => s.name.split("/")[0])).size).toBeGreaterThanOrEqual(21);
  });

  for (const world of ["auto", "closed"] as const satisfies readonly CorpusWorld[]) {
    // A generous limit for a slow shared machine: this is a check, not a measurement.
    it(`analyses every file alone in world ${world} without a crash, the result clones, and the per-file counts match the reviewed summary`, async () => {
      const results: CorpusFileResult[] = [];
      for (const source of sources) {
        let analysis;
        try {
          analysis = analyze([source], { world });
        } catch (e) {
          throw new Error(`${source.name}: ${e instanceof Error ? e.message : String(e)}`, {
            cause: e,
          });
        }
        expect(() => structuredClone(analysis), source.name).not.toThrow();
        results.push(corpusFileResult(source, analysis));
      }
      const totals = totalCorpus(results);
      expect(totals.gateways).toBeGreaterThan(300);
      expect(totals.parents).toBeGreaterThan(600);
      expect(totals.parentsInFile).toBeGreaterThan(150);
      const header = `world ${world}: ${totals.files} files; Gateways served ${totals.served}/${totals.gateways}; parents in the same file accepted ${totals.acceptedInFile}/${totals.parentsInFile}; ${totals.unknown} unknown; ${totals.errors} errors`;
      const summary = `${header}\n${results.map(summarizeCorpusFile).join("\n")}\n`;
      await expect(summary).toMatchFileSnapshot(`./summary.${world}.txt`);
    }, 300_000);
  }
});
