/**
 * Every file of the real-manifest corpus, analysed alone in each world: no crash, and a result
 * that crosses the worker boundary (structuredClone-able). Not timed: figures come from
 * `npm run corpus`.
 */
import { describe, expect, it } from "vitest";
import { fileURLToPath } from "node:url";
import { analyze } from "../../src/engine";
import { analyzeCorpusFile, totalCorpus } from "./analyzeCorpus";
import type { CorpusWorld } from "./analyzeCorpus";
import { readCorpus } from "./corpusFiles";

// A generous limit for a slow shared machine: this is a crash check, not a measurement.
const sources = readCorpus(fileURLToPath(new URL("../../fixtures/corpus", import.meta.url)));

describe("real-manifest corpus", () => {
  it("holds a few hundred files from several repositories", () => {
    expect(sources.length).toBeGreaterThan(400);
    expect(new Set(sources.map((s) => s.name.split("/")[0])).size).toBeGreaterThanOrEqual(8);
  });

  for (const world of ["auto", "closed"] as const satisfies readonly CorpusWorld[]) {
    it(`analyses every file alone in world ${world} without a crash, and the result clones`, () => {
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
      }
      const totals = totalCorpus(sources.map((s) => analyzeCorpusFile(s, world)));
      expect(totals.gateways).toBeGreaterThan(200);
      expect(totals.parents).toBeGreaterThan(400);
      expect(totals.parentsInFile).toBeGreaterThan(100);
    }, 300_000);
  }
});
