import { describe, expect, test } from "vitest";
import { analyze } from "../src/engine";
import {
  generateBenchConfig,
  withHostnameEdit,
  withPathEdit,
  withServicePortEdit,
  withWeightEdit,
} from "./generateBenchConfig";

// `npm run bench` refuses a workspace with errors (it would time the error path, not routing):
// every text the bench analyses must be free of them, or the bench dies after minutes of setup.
describe("the bench's generated workspace", () => {
  test("has no error before or after any edit the bench makes", () => {
    const config = generateBenchConfig(30);
    const texts = [
      config.yaml,
      withWeightEdit(config, 17),
      withHostnameEdit(config, 1),
      withPathEdit(config, 1),
      withServicePortEdit(config, 9191),
    ];
    for (const text of texts) {
      const errors = analyze([{ name: "bench.yaml", text }]).diagnostics.filter(
        (d) => d.severity === "error",
      );
      expect(errors.map((d) => d.message)).toEqual([]);
    }
  }, 30_000);
});
