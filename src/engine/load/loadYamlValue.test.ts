import { describe, expect, test } from "vitest";
import { loadYamlValue } from "./loadYamlValue";
import { DEFAULT_LOAD_LIMITS } from "./loadLimits";

describe("loadYamlValue: the loader's guards for YAML that is not a manifest (case files)", () => {
  test("plain YAML becomes its value", () => {
    expect(loadYamlValue("c.yaml", "name: x\nlist: [1, 2]\n")).toMatchObject({
      ok: true,
      value: { name: "x", list: [1, 2] },
    });
  });

  test("a field path is located at its node, a missing one at the nearest node that exists", () => {
    const loaded = loadYamlValue("c.yaml", "name: x\nlist:\n  - {a: 1}\n  - {b: 2}\n");
    if (!loaded.ok) throw new Error(loaded.errors.join("\n"));
    expect(loaded.locate(["list", 1, "b"])).toBe("c.yaml:4:9");
    expect(loaded.locate(["list", 1, "missing"])).toBe("c.yaml:4:5");
    expect(loaded.locate(["nothing"])).toBe("c.yaml:1:1");
  });

  test("an unresolved alias is a located error, not an exception", () => {
    expect(loadYamlValue("c.yaml", "name: x\nmanifests: [*nope]\n")).toEqual({
      ok: false,
      errors: [
        "c.yaml:2:13: the alias *nope has no anchor &nope before it; define the anchor first, or write the value out",
      ],
    });
  });

  test("an alias bomb stops at the alias cap", () => {
    let text = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
    for (let i = 1; i < 9; i++)
      text += `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10)
        .fill(`*${String.fromCharCode(96 + i)}`)
        .join(", ")}]\n`;
    const r = loadYamlValue("bomb.yaml", text);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors[0]).toMatch(
      /^bomb\.yaml:1:1: the document expands its anchors\/aliases too many times/,
    );
  });

  test("nesting past the limit never reaches the parser (brackets and indentation)", () => {
    const deep = `status: ${"[".repeat(DEFAULT_LOAD_LIMITS.maxNestingDepth + 5)}`;
    expect(loadYamlValue("d.yaml", deep)).toEqual({
      ok: false,
      errors: [
        `d.yaml:1:${9 + DEFAULT_LOAD_LIMITS.maxNestingDepth}: collections nest more than 1000 levels deep here; the document was not read`,
      ],
    });
    const indented = Array.from({ length: 30 }, (_, i) => `${" ".repeat(i)}k${i}:`).join("\n");
    expect(
      loadYamlValue("i.yaml", indented, { ...DEFAULT_LOAD_LIMITS, maxNestingDepth: 10 }).ok,
    ).toBe(false);
  });

  test("an oversized document and a collection used as a key are refused", () => {
    const big = loadYamlValue("big.yaml", `name: ${"x".repeat(200)}\n`, {
      ...DEFAULT_LOAD_LIMITS,
      maxDocumentBytes: 100,
    });
    expect(big).toEqual({
      ok: false,
      errors: [
        "big.yaml:1:1: the YAML document is 207 bytes, over the 100-byte limit; it was not read",
      ],
    });
    expect(loadYamlValue("k.yaml", "? [a]\n: b\n")).toEqual({
      ok: false,
      errors: [
        "k.yaml:1:3: a mapping or list is used as a key here; only text keys are allowed; the document was not read",
      ],
    });
  });
});
