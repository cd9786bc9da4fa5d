import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { analyze } from "../analyze";
import { loadValidated } from "../validate/loadValidated";
import { createParseCache } from "./parseCache";

const EXAMPLES = join(__dirname, "../../../fixtures/examples");

function deepFreeze(value: unknown): void {
  if (typeof value !== "object" || value === null || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const child of Object.values(value)) deepFreeze(child);
}

describe("the parse cache shares values between analyses", () => {
  test.each(readdirSync(EXAMPLES).map((f) => [f]))(
    "%s: no stage changes a cached value, and a cached analysis equals a fresh one",
    (file) => {
      const sources = [{ name: file, text: readFileSync(join(EXAMPLES, file), "utf8") }];
      const cache = createParseCache();
      analyze(sources, { parseCache: cache });
      const chunks = [...cache.previous.values()];
      expect(chunks.some((c) => c.quick !== undefined)).toBe(true);
      // Frozen: a stage that wrote into a shared value would throw here (modules are strict).
      for (const chunk of chunks) deepFreeze(chunk.quick?.value);
      // Validation keeps typed views by raw body: the next analysis reuses these very objects.
      for (const m of loadValidated(sources, cache).manifests) deepFreeze(m.body);
      const cached = analyze(sources, { parseCache: cache });
      expect(cached).toEqual(analyze(sources));
    },
  );

  test("an edited document is parsed again, the others are reused", () => {
    const doc = (name: string, port: number) =>
      `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\nspec:\n  ports:\n    - port: ${port}\n`;
    const cache = createParseCache();
    analyze([{ name: "f.yaml", text: `${doc("a", 80)}---\n${doc("b", 80)}` }], {
      parseCache: cache,
    });
    const before = new Map(cache.previous);
    const edited = analyze([{ name: "f.yaml", text: `${doc("a", 80)}---\n${doc("b", 81)}` }], {
      parseCache: cache,
    });
    const reused = [...cache.previous.values()].filter((c) => [...before.values()].includes(c));
    expect(reused).toHaveLength(1);
    expect(edited.objects.map((o) => o.key)).toEqual(["Service/default/a", "Service/default/b"]);
  });
});
