/**
 * Golden status: each testdata/status/<case>.in.yaml is loaded, indexed and given status, and the
 * printed status (plus this stage's diagnostics, as comments) must equal <case>.status.yaml.
 * An input may open with `# world: closed|open|auto` (default auto).
 * Every golden was reviewed by hand against the spec: it is what a conformant controller writes.
 */
import { readFileSync, readdirSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { loadValidated } from "../validate/loadValidated";
import { printStatus } from "../print/printStatus";
import { indexResources } from "../resolve/indexResources";
import { computeStatus } from "./computeStatus";
import { worldDirective } from "../../test-utils/worldDirective";

const DIR = "src/engine/testdata/status";

describe("status goldens", () => {
  for (const file of readdirSync(DIR)
    .filter((f) => f.endsWith(".in.yaml"))
    .sort()) {
    const name = file.replace(/\.in\.yaml$/, "");
    test(name, async () => {
      const path = `${DIR}/${file}`;
      const text = readFileSync(path, "utf8");
      const loaded = loadValidated([{ name: file, text }]);
      expect(loaded.loadDiagnostics.filter((d) => d.severity === "error")).toEqual([]);
      const result = computeStatus(
        indexResources(loaded.manifests, worldDirective(text)),
        loaded.locator,
        { clock: () => "2026-01-01T00:00:00Z" },
      );
      const header = result.diagnostics
        .map(
          (d) =>
            `# ${d.severity} ${d.code} at ${d.file}:${d.line}:${d.column} (${d.path ?? ""}): ${d.message}\n`,
        )
        .join("");
      const noStatus = result.explain
        .filter((e) => e.noStatusReason !== undefined)
        .map(
          (e) =>
            `# no status entry for ${e.route} parentRefs[${e.parentRefIndex}]: ${e.noStatusReason ?? ""}\n`,
        )
        .join("");
      const objects = loaded.manifests.map((m) => ({
        key: m.key,
        apiVersion: m.apiVersion,
        kind: m.kind,
        name: m.name,
        ...(m.namespace !== undefined ? { namespace: m.namespace } : {}),
      }));
      await expect(header + noStatus + printStatus(result.status, objects)).toMatchFileSnapshot(
        `../testdata/status/${name}.status.yaml`,
      );
    });
  }
});
