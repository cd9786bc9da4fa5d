/**
 * Conversion goldens: each testdata/migrate/*.in.yaml (and the example in fixtures/examples) with
 * the Gateway API YAML gwsim writes for it (.gateway-api.yaml) and the equivalence report
 * (.differences.txt). Both were reviewed by hand; a change to either is a behaviour change.
 */
import { readFileSync, readdirSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { loadManifests } from "../load/loadManifests";
import { compareMigration } from "./compareMigration";
import { convertIngresses } from "./convertIngresses";
import { printConversion } from "./printConversion";

const dir = new URL("../testdata/migrate/", import.meta.url);
const cases = readdirSync(dir)
  .filter((f) => f.endsWith(".in.yaml"))
  .sort();

function printDifferences(file: string, text: string): string {
  const report = compareMigration([{ name: file, text }]);
  const lines = [
    `${report.equivalence.requests} requests, ${report.equivalence.same} the same, ${report.equivalence.different.length} different`,
  ];
  for (const d of report.equivalence.different) {
    const headers = Object.entries(d.request.headers)
      .map(([k, v]) => ` ${k}: ${v}`)
      .join("");
    lines.push(`${d.request.scheme}://${d.request.host}${d.request.path}${headers}`);
    lines.push(
      `  ingress-nginx: ${d.ingress.status} ${d.ingress.backend ?? "-"} ${d.ingress.path ?? "-"}`,
    );
    lines.push(
      `  Gateway API:   ${d.gatewayApi.status} ${d.gatewayApi.backend ?? "-"} ${d.gatewayApi.path ?? "-"}`,
    );
    lines.push(`  why: ${d.why}`);
  }
  if (report.gatewayApiErrors.length > 0)
    lines.push("errors in the generated YAML:", ...report.gatewayApiErrors);
  return lines.join("\n") + "\n";
}

describe("testdata/migrate", () => {
  test.each(cases)("%s", async (file) => {
    const text = readFileSync(new URL(file, dir), "utf8");
    const yaml = printConversion(convertIngresses(loadManifests([{ name: file, text }]).manifests));
    await expect(yaml).toMatchFileSnapshot(
      `../testdata/migrate/${file.replace(/\.in\.yaml$/, ".gateway-api.yaml")}`,
    );
    await expect(printDifferences(file, text)).toMatchFileSnapshot(
      `../testdata/migrate/${file.replace(/\.in\.yaml$/, ".differences.txt")}`,
    );
  });

  test("the example in fixtures/examples", async () => {
    const text = readFileSync(
      new URL("../../../fixtures/examples/ingress-nginx-migration.yaml", import.meta.url),
      "utf8",
    );
    const yaml = printConversion(
      convertIngresses(loadManifests([{ name: "example", text }]).manifests),
    );
    await expect(yaml).toMatchFileSnapshot("../testdata/migrate/example.gateway-api.yaml");
    await expect(printDifferences("example", text)).toMatchFileSnapshot(
      "../testdata/migrate/example.differences.txt",
    );
  });
});
