import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { isScalar, parseAllDocuments, parseDocument, Scalar, visit } from "yaml";
import { NOT_PLAIN_SCALAR, NUMBER_LIKE, resolveCoreScalar } from "./coreScalar";
import { QUIET_YAML } from "./quietYaml";

const ROOT = join(__dirname, "../../..");

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return yamlFiles(path);
    return /\.ya?ml$|^stdin/.test(name) ? [path] : [];
  });
}

/** The `yaml` library's reading of a text on its own, as quickParse asked it before coreScalar. */
function libraryReading(text: string): unknown {
  const doc = parseDocument(text, QUIET_YAML);
  if (doc.errors.length > 0 || doc.warnings.length > 0 || !isScalar(doc.contents))
    return NOT_PLAIN_SCALAR;
  const value: unknown = doc.contents.toJS(doc);
  return typeof value === "object" && value !== null ? NOT_PLAIN_SCALAR : value;
}

/** Every plain scalar's source text in the fixtures, the corpus, the CLI's and engine's testdata. */
function plainScalarsOfTheRepository(): Map<string, unknown> {
  const out = new Map<string, unknown>();
  const files = [
    ...yamlFiles(join(ROOT, "fixtures")),
    ...yamlFiles(join(ROOT, "cli/testdata")),
    ...yamlFiles(join(ROOT, "src/engine/testdata")),
  ];
  for (const file of files) {
    for (const doc of parseAllDocuments(readFileSync(file, "utf8"), QUIET_YAML)) {
      if (!("contents" in doc)) continue;
      visit(doc, {
        Scalar(_key, node) {
          // Untagged plain scalars only: a tag or quotes decide the type by other rules.
          if (node.type === Scalar.PLAIN && node.tag === undefined && node.source !== undefined)
            out.set(node.source, node.toJS(doc));
        },
      });
    }
  }
  return out;
}

describe("resolveCoreScalar reads a plain scalar as the yaml library does", () => {
  test("every plain scalar of the repository's YAML, read in its document", () => {
    const scalars = plainScalarsOfTheRepository();
    expect(scalars.size).toBeGreaterThan(1000);
    let numbers = 0;
    const mismatches: unknown[][] = [];
    for (const [source, inDocument] of scalars) {
      // A scalar with a break inside reads folded in its document: not a one-line text.
      if (source.includes("\n")) continue;
      const ours = resolveCoreScalar(source);
      // Texts quickParse asks about are read exactly; on others a refusal is allowed (the document
      // goes to the full parser), a value is not unless it is the library's.
      if (ours === NOT_PLAIN_SCALAR && !NUMBER_LIKE.test(source)) continue;
      if (!Object.is(ours, inDocument)) mismatches.push([source, ours, inDocument]);
      // The empty scalar exists only inside a document (null there); on its own it is no document.
      else if (source !== "" && !Object.is(ours, libraryReading(source)))
        mismatches.push([source, ours, libraryReading(source)]);
      if (typeof ours === "number") numbers += 1;
    }
    expect(mismatches).toEqual([]);
    expect(numbers).toBeGreaterThan(100);
  }, 30_000);

  test.each([
    ["0", 0],
    ["-0", -0],
    ["+12", 12],
    ["007", 7],
    ["0o17", 15],
    ["0o18", "0o18"],
    ["0x1F", 31],
    ["0X1F", "0X1F"],
    ["1.", 1],
    [".5", 0.5],
    ["1e3", 1000],
    ["1.5E-3", 0.0015],
    ["1e", "1e"],
    [".inf", Number.POSITIVE_INFINITY],
    ["-.Inf", Number.NEGATIVE_INFINITY],
    [".NaN", Number.NaN],
    ["-.nan", "-.nan"],
    ["99999999999999999999", 1e20],
    ["1_000", "1_000"],
    ["10Gi", "10Gi"],
    ["1.2.3", "1.2.3"],
    ["~", null],
    ["TRUE", true],
    ["tRUE", "tRUE"],
    ["- 1", NOT_PLAIN_SCALAR],
    ["-", NOT_PLAIN_SCALAR],
    ["1: 2", NOT_PLAIN_SCALAR],
    ["1:", NOT_PLAIN_SCALAR],
  ])("%j", (text, expected) => {
    expect(resolveCoreScalar(text)).toEqual(expected);
    expect(libraryReading(text)).toEqual(expected);
  });

  test("the empty plain scalar is null, as in a document (`key:`)", () => {
    expect(resolveCoreScalar("")).toBe(null);
    expect(parseDocument("key:").toJS()).toEqual({ key: null });
  });

  /** Texts over the characters numbers, signs, indicators and spaces are written with. */
  const numberish = fc
    .array(
      fc.constantFrom(
        ..."0123456789+-.eExXoObBaAfF_:# ,~nNuUlLiItTrRsS".split(""),
        ".inf",
        ".nan",
        ".NaN",
        "0x",
        "0o",
        "e+",
        "- ",
        "\t",
        "\n",
        "'",
        '"',
        "[",
        "{",
        "&a ",
        "*a",
        "!",
        "|",
        "%",
        "?",
        "---",
        "...",
      ),
      { maxLength: 12 },
    )
    .map((parts) => parts.join(""))
    .filter((text) => text !== "");

  test("generated texts: every value it returns is the library's", () => {
    fc.assert(
      fc.property(numberish, (text) => {
        const ours = resolveCoreScalar(text);
        const library = libraryReading(text);
        // A refusal only sends the document to the full parser (`0\t`, `:0`: texts quickParse
        // never asks about, since it trims values and gives up on tabs), a value must be the library's.
        if (ours !== NOT_PLAIN_SCALAR) expect(ours).toEqual(library);
      }),
      { numRuns: 20000 },
    );
  });

  test("generated number-like texts (what quickParse asks about) are read exactly as the library reads them", () => {
    const numberLike = fc
      .tuple(
        fc.constantFrom("", "-", "+"),
        fc.constantFrom("", "0x", "0o", "."),
        fc.stringMatching(/^[0-9a-fA-F]{0,24}$/),
        fc.constantFrom("", ".", "e", "E", "e-", "e+"),
        fc.stringMatching(/^[0-9]{0,4}$/),
      )
      .map((parts) => parts.join(""))
      .filter((text) => text !== "");
    fc.assert(
      fc.property(numberLike, (text) => {
        expect(resolveCoreScalar(text)).toEqual(libraryReading(text));
      }),
      { numRuns: 20000 },
    );
  });
});
