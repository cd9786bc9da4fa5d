/** Lists and reads fixtures/corpus: every .yaml, .yml or .json file, in a stable order. */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import type { SourceFile } from "../../src/engine";

export function readCorpus(root: string): SourceFile[] {
  const files: string[] = [];
  const visit = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) visit(p);
      else if (/\.(?:ya?ml|json)$/.test(e.name)) files.push(p);
    }
  };
  visit(root);
  files.sort();
  return files.map((p) => ({ name: relative(root, p), text: readFileSync(p, "utf8") }));
}
