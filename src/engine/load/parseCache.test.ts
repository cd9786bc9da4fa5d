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

  test("a file loaded whole after an edit the loader cannot window still reuses its documents", () => {
    const doc = (name: string) =>
      `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\nspec:\n  ports:\n    - port: 80\n`;
    const cache = createParseCache();
    const text = `${doc("a")}---\n${doc("b")}`;
    analyze([{ name: "f.yaml", text }], { parseCache: cache });
    // Loaded around an edit first: its documents are kept by the file's load only.
    analyze([{ name: "f.yaml", text: text.replace("name: b", "name: c") }], { parseCache: cache });
    const kept = cache.files.previous.get("f.yaml")?.chunks.map((c) => c.parsed) ?? [];
    expect(kept).toHaveLength(2);
    // A document nested deeper than the limit is refused by the guard: the file is then loaded
    // whole, not around the edit.
    const bomb = `x: ${"[".repeat(1100)}${"]".repeat(1100)}\n`;
    const edited = `${text.replace("name: b", "name: c")}---\n${bomb}`;
    analyze([{ name: "f.yaml", text: edited }], { parseCache: cache });
    const reused = [...cache.previous.values()].filter((c) => kept.includes(c));
    expect(reused).toHaveLength(2);
  });

  test("an object whose document stands keeps its typed view; the edited one is validated anew", () => {
    const doc = (name: string, port: number) =>
      `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\nspec:\n  ports:\n    - port: ${port}\n    - port: x\n`;
    const cache = createParseCache();
    const first = loadValidated(
      [{ name: "f.yaml", text: `${doc("a", 80)}---\n${doc("b", 80)}` }],
      cache,
    );
    const edited = `${doc("a", 80)}---\n${doc("b", 81)}`;
    const second = loadValidated([{ name: "f.yaml", text: edited }], cache);
    expect(second.manifests[0]).toBe(first.manifests[0]);
    expect(second.manifests[1]).not.toBe(first.manifests[1]);
    // The kept object's findings are the ones a fresh load locates.
    expect(second.validationDiagnostics).toEqual(
      loadValidated([{ name: "f.yaml", text: edited }]).validationDiagnostics,
    );
    expect(second.validationDiagnostics.length).toBeGreaterThan(1);
  });

  test("an edited document is parsed again, the others are reused", () => {
    const doc = (name: string, port: number) =>
      `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\nspec:\n  ports:\n    - port: ${port}\n`;
    const cache = createParseCache();
    analyze([{ name: "f.yaml", text: `${doc("a", 80)}---\n${doc("b", 80)}` }], {
      parseCache: cache,
    });
    // The file's chunks as loaded (a chunk that stands is kept by its file's load, fileLoad.ts).
    const parsed = () => cache.files.previous.get("f.yaml")?.chunks.map((c) => c.parsed) ?? [];
    const before = parsed();
    expect(before).toHaveLength(2);
    const edited = analyze([{ name: "f.yaml", text: `${doc("a", 80)}---\n${doc("b", 81)}` }], {
      parseCache: cache,
    });
    const reused = parsed().filter((c) => before.includes(c));
    expect(reused).toHaveLength(1);
    expect(edited.objects.map((o) => o.key)).toEqual(["Service/default/a", "Service/default/b"]);
  });
});
