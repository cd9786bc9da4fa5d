/**
 * The committed summary of the corpus results (bench/corpus/summary.<world>.txt, compared by
 * corpus.test.ts): one line per file with counts only, so that a change in what gwsim says about
 * real manifests shows up as a reviewable diff, while message wording can change freely.
 *
 *   <file>: gw <served>/<total> [<why not served>×n …] parents <accepted>/<judged>
 *     [unknown n] [<route reason>×n …] [errors <code>×n …]
 *
 * "judged" counts every route → Gateway parentRef whose status is not left unknown by the world.
 */
import type { CorpusFileResult } from "./analyzeCorpus";

export function summarizeCorpusFile(result: CorpusFileResult): string {
  const served = result.gateways.filter((g) => g.served).length;
  const parts = [`${result.file}: gw ${served}/${result.gateways.length}`];
  appendCounts(
    parts,
    result.gateways.filter((g) => !g.served).map((g) => g.reasonCode),
  );
  const unknown = result.parents.filter((p) => p.unknown).length;
  const judged = result.parents.filter((p) => !p.unknown);
  parts.push(`parents ${judged.filter((p) => p.accepted).length}/${judged.length}`);
  if (unknown > 0) parts.push(`unknown ${unknown}`);
  appendCounts(
    parts,
    judged.filter((p) => !p.accepted).map((p) => p.reasonCode),
  );
  if (result.errors.length > 0) {
    parts.push("errors");
    appendCounts(
      parts,
      result.errors.map((e) => e.code),
    );
  }
  return parts.join(" ");
}

/** "NoStatus×2 NotAllowedByListeners×1", sorted so the line does not depend on object order. */
function appendCounts(parts: string[], codes: readonly string[]): void {
  const counts = new Map<string, number>();
  for (const c of codes) counts.set(c, (counts.get(c) ?? 0) + 1);
  for (const [code, n] of [...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
    parts.push(`${code}×${n}`);
}
