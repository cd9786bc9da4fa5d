import { readFileSync, readdirSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { loadManifests } from "../load/loadManifests";
import { printDiagnostics } from "../print/printDiagnostics";
import { validateManifests } from "./validateManifests";

// Each case is a sentence; the .diagnostics.txt next to it is the reviewed output of
// load + validate, one line per diagnostic: file:line:col severity code message (hint).
function printCase(file: string, text: string): string {
  const loaded = loadManifests([{ name: file, text }]);
  const diagnostics = [
    ...loaded.diagnostics,
    ...validateManifests(loaded.manifests, loaded.locator).diagnostics,
  ];
  const objects = loaded.manifests.map(
    (m) =>
      `${m.key} (line ${m.source.line}${m.source.listIndex === undefined ? "" : `, item ${m.source.listIndex}`})`,
  );
  return `# objects\n${objects.join("\n")}\n# diagnostics\n${printDiagnostics(diagnostics)}`;
}

for (const area of ["load", "validate"]) {
  const dir = new URL(`../testdata/${area}/`, import.meta.url);
  const cases = readdirSync(dir)
    .filter((f) => f.endsWith(".in.yaml"))
    .sort();
  describe(`testdata/${area}`, () => {
    test.each(cases)("%s", async (file) => {
      const text = readFileSync(new URL(file, dir), "utf8");
      await expect(printCase(file, text)).toMatchFileSnapshot(
        `../testdata/${area}/${file.replace(/\.in\.yaml$/, ".diagnostics.txt")}`,
      );
    });
  });
}

// Inputs too big to commit are generated; their goldens sit with the others.
const OK_SERVICE = "apiVersion: v1\nkind: Service\nmetadata: {name: still-loads}\n";
const GENERATED: Record<string, () => string> = {
  "document-over-5-mib-is-refused": () =>
    `${OK_SERVICE}---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: huge}\ndata:\n  blob: "${"x".repeat(6 * 1024 * 1024)}"\n---\n${OK_SERVICE.replace("still-loads", "after")}`,
  "brackets-nested-200000-deep-are-refused": () =>
    `${OK_SERVICE}---\na: ${"[".repeat(200_000)}${"]".repeat(200_000)}\n`,
};

describe("testdata/load (generated inputs)", () => {
  test.each(Object.keys(GENERATED))("%s", async (name) => {
    const text = (GENERATED[name] as () => string)();
    await expect(printCase(`${name}.yaml`, text)).toMatchFileSnapshot(
      `../testdata/load/${name}.diagnostics.txt`,
    );
  });
});
