/**
 * The seed manifests the fuzzer mutates: every example and every conformance manifest in the
 * repository, i.e. real Gateway API configurations of every kind gwsim models.
 */
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import type { SeedFile } from "./mutations";

const SEED_DIRS = [
  "fixtures/examples",
  "fixtures/conformance/manifests",
  "fixtures/conformance/base",
];

export function loadSeedCorpus(root: string): SeedFile[] {
  const seeds: SeedFile[] = [];
  const visit = (dir: string): void => {
    let entries: string[];
    try {
      entries = readdirSync(dir).sort();
    } catch {
      return;
    }
    for (const name of entries) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) visit(path);
      else if (/\.ya?ml$/.test(name))
        seeds.push({ name: relative(root, path), text: readFileSync(path, "utf8") });
    }
  };
  for (const dir of SEED_DIRS) visit(join(root, dir));
  return seeds;
}
