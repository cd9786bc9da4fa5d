import type { Analysis } from "../engine";
import { computeDocumentRegions, regionOfLine } from "./documentRegions";
import type { StaleEntry } from "./types";

export interface StaleInput {
  /** The new analysis and the exact text it was computed from. */
  analysis: Analysis;
  text: string;
  /** The previous analysis and the text it came from. */
  previous: { analysis: Analysis; text: string } | undefined;
  /** Objects already kept as stale, with the region they had when last seen. */
  stale: readonly StaleEntry[];
}

/**
 * Objects the user did not delete but that the loader cannot read right now, because their
 * document has a YAML syntax error. An object counts as stale when it existed before, is missing
 * now, and its document region (by `---` markers) contains a syntax error.
 */
export function computeStaleEntries(input: StaleInput): StaleEntry[] {
  const syntaxErrors = input.analysis.diagnostics.filter((d) => d.code === "yaml.syntax");
  if (syntaxErrors.length === 0) return [];
  const regionsNow = computeDocumentRegions(input.text);
  const brokenRegions = new Set(syntaxErrors.map((d) => regionOfLine(regionsNow, d.line)));
  const present = new Set<string>(input.analysis.objects.map((o) => o.key));

  const candidates: StaleEntry[] = [...input.stale];
  if (input.previous) {
    const regions = computeDocumentRegions(input.previous.text);
    for (const object of input.previous.analysis.objects) {
      candidates.push({ object, region: regionOfLine(regions, object.line) });
    }
  }
  // Later candidates (the previous analysis) win: they are the most recent sighting.
  const stale = new Map<string, StaleEntry>();
  for (const entry of candidates) {
    if (present.has(entry.object.key) || !brokenRegions.has(entry.region)) continue;
    stale.set(entry.object.key, entry);
  }
  return [...stale.values()];
}
