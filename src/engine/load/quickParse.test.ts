import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { parseAllDocuments } from "yaml";
import type { FieldPath, Manifest } from "../types";
import { loadManifests } from "./loadManifests";
import { parsingChunks } from "./parsingChunks";
import { mayBeNonString, quickParseDocument } from "./quickParse";

const ROOT = join(__dirname, "../../..");

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return yamlFiles(path);
    return /\.ya?ml$|^stdin/.test(name) ? [path] : [];
  });
}

/** Every field path of a value (objects and list items), plus a missing child of each object. */
function fieldPaths(value: unknown, prefix: FieldPath = [], out: FieldPath[] = []): FieldPath[] {
  out.push(prefix);
  if (Array.isArray(value)) value.forEach((v, i) => fieldPaths(v, [...prefix, i], out));
  else if (typeof value === "object" && value !== null) {
    for (const [k, v] of Object.entries(value)) fieldPaths(v, [...prefix, k], out);
    out.push([...prefix, "not-there"]);
  }
  return out;
}

/** What a load tells its callers: objects with their source, diagnostics, every located field. */
function loadView(text: string, quick: boolean): unknown {
  const loaded = loadManifests([{ name: "f.yaml", text }], {}, undefined, true, quick);
  const located = (m: Manifest) =>
    fieldPaths(m.body).map((p) => [
      p.join("."),
      loaded.locator.locate(m, p),
      loaded.locator.locateKey(m, p),
    ]);
  return {
    manifests: loaded.manifests.map((m) => ({ m, at: located(m) })),
    diagnostics: loaded.diagnostics,
  };
}

/** The yaml library's reading of one chunk, where quickParse claims it. */
function reference(
  text: string,
): { value: unknown; startLine: number; startColumn: number; endLine: number } | undefined {
  const docs = parseAllDocuments(text);
  if (!Array.isArray(docs) || docs.length !== 1) return undefined;
  const doc = docs[0];
  if (!doc || doc.errors.length > 0 || doc.warnings.length > 0 || !doc.contents?.range)
    return undefined;
  const [start, end] = doc.contents.range;
  let last = end;
  while (last > start && /\s/.test(text[last - 1] ?? "")) last--;
  const lineOf = (offset: number) => text.slice(0, offset).split("\n").length - 1;
  const startLine = lineOf(start);
  return {
    value: doc.toJS(),
    startLine,
    startColumn: start - (text.lastIndexOf("\n", start - 1) + 1),
    endLine: lineOf(last),
  };
}

/** quickParse either gives up or agrees with the yaml library on value and object lines. */
function expectAgreement(text: string): boolean {
  const quick = quickParseDocument(text);
  if (quick === undefined) return false;
  expect(quick).toEqual(reference(text));
  return true;
}

const FILES = [
  ...yamlFiles(join(ROOT, "fixtures")),
  ...yamlFiles(join(ROOT, "cli/testdata")),
  ...yamlFiles(join(ROOT, "src/engine/testdata")),
];

describe("quickParse reads what the yaml library reads", () => {
  test.each(FILES.map((f) => [f.slice(ROOT.length + 1)]))(
    "%s: objects, sources, diagnostics and every located field are identical",
    (file) => {
      const text = readFileSync(join(ROOT, file), "utf8");
      expect(loadView(text, true)).toEqual(loadView(text, false));
      for (const chunk of parsingChunks(text)) expectAgreement(chunk.text);
      // The CRD files are megabytes with tens of thousands of located fields each.
    },
    60_000,
  );

  test("the fast path reads most fixture documents (it is not a fallback that never runs)", () => {
    let quick = 0;
    let all = 0;
    for (const file of FILES) {
      for (const chunk of parsingChunks(readFileSync(file, "utf8"))) {
        all++;
        if (quickParseDocument(chunk.text) !== undefined) quick++;
      }
    }
    expect(quick / all).toBeGreaterThan(0.8);
  });

  test.each([
    [
      "block mappings, sequences and flow collections",
      'a: 1\nb:\n  - x\n  - {y: 2, z: [3, "q"]}\n  -\n  - k: v\n    l: 0123\nc:\n- indentless\n- seq\nd: e # comment\n',
      true,
    ],
    [
      "numbers, booleans and nulls as the core schema reads them",
      'a: 1e3\nb: .5\nc: -0x1A\nd: 0o17\ne: +12\nf: 1_000\ng: ~\nh: True\ni: .inf\nj: -.NaN\nk: 12345678901234567890\nl: "1"\nm: null\nn:\n',
      true,
    ],
    [
      "quoted scalars with escapes",
      'a: "tab\\there \\u00e9 \\x41 \\/ \\" \\\\"\nb: \'it\'\'s\'\nc: "# not a comment"\n"quoted key": 1\n\'single\': 2\n',
      true,
    ],
    [
      "a marker and comments around the object",
      "# head\n---\n# lead\nkind: A\nspec:\n  x: 1\n\n# tail at column 0\n",
      true,
    ],
    [
      "plain scalars with colons and hashes inside",
      "url: http://x.example/a#frag\nflow: {u: http://y:8080/p, v: a:b}\nkey:with:colons: 1\n",
      true,
    ],
    ["an anchor and an alias", "a: &x 1\nb: *x\n", false],
    ["a tag", "a: !!str 1\n", false],
    ["a block scalar", "a: |\n  text\n", false],
    ["a multi-line plain scalar", "a: one\n  two\n", false],
    ["a duplicate key (an error)", "a: 1\na: 2\n", false],
    ["a trailing indented comment (it moves the object end)", "a:\n  b: 1\n  # c\n", false],
    ["a key that is a number", "80: http\n", false],
    ["a __proto__ key", "__proto__: {polluted: true}\n", false],
    ["a merge key", "a: {x: 1}\n<<: {y: 2}\n", false],
    ["a flow collection over lines", "a: [1,\n  2]\n", false],
    ["a trailing comma", "a: [1, 2, ]\n", false],
    ["a pair in a flow sequence", "a: [b: 1]\n", false],
    ["a nested mapping on one line (an error)", "a: b: c\n", false],
    ["tabs", "a:\t1\n", false],
    ["CRLF", "a: 1\r\n", false],
    ["a root sequence", "- a\n", false],
    ["a root scalar", "just text\n", false],
    ["nothing", "# only a comment\n", false],
    ["two documents", "a: 1\n---\nb: 2\n", false],
  ])("%s", (_, text, read) => {
    expect(expectAgreement(text)).toBe(read);
  });
});

describe("digit-only plain scalars (read in place as decimal ints)", () => {
  const body = (v: string): string => `block: ${v}\nflow: [${v}, {k: ${v}}]\nitems:\n  - ${v}\n`;

  test.each([
    ["0", 0],
    ["7", 7],
    ["007", 7],
    ["00", 0],
    ["443", 443],
    ["999999999999999", 999999999999999],
    // 16 digits and more go through parseInt, which rounds past 2^53 as the library does.
    ["1000000000000000", 1000000000000000],
    ["9007199254740993", 9007199254740992],
    ["12345678901234567890", 12345678901234567000],
    ["-0", -0],
    ["+1", 1],
    ["-12", -12],
    ["0x1F", 31],
    ["0o17", 15],
    ["1_000", "1_000"],
    ["12:30", "12:30"],
    ["1.0", 1],
    ["1e3", 1000],
    ["123abc", "123abc"],
    ["12 34", "12 34"],
  ])("%s reads as the yaml library reads it", (text, value) => {
    const doc = body(text);
    expect(expectAgreement(doc)).toBe(true);
    const read = quickParseDocument(doc)?.value as Record<string, unknown>;
    expect(Object.is(read.block, value)).toBe(true);
    expect(read.flow).toEqual([value, { k: value }]);
    expect(read.items).toEqual([value]);
  });

  test("agrees with the yaml library on generated digit runs of every length up to 20", () => {
    const digits = fc.string({
      unit: fc.constantFrom("0", "1", "5", "9"),
      minLength: 1,
      maxLength: 20,
    });
    fc.assert(
      fc.property(digits, (d) => {
        expect(expectAgreement(body(d))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

/** Small YAML-ish documents: mappings, sequences, flow collections, scalars of every style, comments. */
const scalarText = fc.oneof(
  {
    weight: 20,
    arbitrary: fc.constantFrom(
      "a",
      "name",
      "x-y",
      "http://h:80/p",
      "a b",
      "tr ue",
      "1",
      "-1",
      "0x1F",
      "0o7",
      "1.5",
      ".inf",
      "null",
      "~",
      "true",
      "False",
      "007",
      "1e3",
      "a:b",
      "a#b",
      '"q"',
      "'s'",
      '"e\\t\\u00e9"',
      "'it''s'",
      "[1, 2]",
      "{a: 1}",
      "[]",
      "{}",
      "[a, [b, {c: d}]]",
      '{a: [1, 2], b: "x"}',
      "a, b",
      "-x",
      "+",
      ".",
      "---x",
    ),
  },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      "",
      "-",
      "?",
      ":",
      "#c",
      "*a",
      "&a x",
      "!t x",
      "|",
      ">",
      "@x",
      "[a,]",
      "{a}",
      "a: b",
      "---",
      "...",
    ),
  },
  {
    weight: 1,
    arbitrary: fc.string({
      unit: fc.constantFrom(
        "a",
        "1",
        " ",
        ":",
        "#",
        "-",
        ",",
        "[",
        "]",
        "{",
        "}",
        '"',
        "'",
        ".",
        "\\",
        "&",
        "*",
        "!",
        "\t",
      ),
      maxLength: 8,
    }),
  },
);
const keyText = fc.oneof(
  { weight: 20, arbitrary: fc.nat(20).map((n) => `k${n}`) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      "a",
      "kind",
      "x-y",
      '"q k"',
      "'s'",
      "1",
      "null",
      "__proto__",
      "<<",
      "a b",
      "a:b",
      "? a",
      "-k",
    ),
  },
  {
    weight: 1,
    arbitrary: fc.string({
      unit: fc.constantFrom("a", "b", " ", "1", ":", "-"),
      minLength: 1,
      maxLength: 4,
    }),
  },
);

/** Mapping entries, written as lines (nested values indented by 1, 2 or 4 spaces). */
function mappingLines(entries: fc.Arbitrary<string[]>): fc.Arbitrary<string[]> {
  const comment = fc.constantFrom("", "", "", " # c", "  #c");
  return fc
    .tuple(
      fc.array(fc.tuple(keyText, entries, comment, fc.boolean()), { minLength: 1, maxLength: 4 }),
      fc.constantFrom(1, 2, 4),
    )
    .map(([list, indent]) =>
      list.flatMap(([k, v, c, blankLine]) => {
        const pad = " ".repeat(indent);
        const head =
          v.length === 1 ? [`${k}: ${v[0]}${c}`] : [`${k}:${c}`, ...v.map((l) => pad + l)];
        return blankLine ? [...head, ""] : head;
      }),
    );
}

const yamlNode: fc.Memo<string[]> = fc.memo((depth) => {
  const leaf = scalarText.map((s) => [s]);
  if (depth <= 1) return leaf;
  const seq = fc
    .tuple(fc.array(yamlNode(depth - 1), { minLength: 1, maxLength: 4 }), fc.boolean())
    .map(([items, compact]) =>
      items.flatMap((v) => {
        if (v.length === 1) return [`- ${v[0]}`];
        if (compact) return [`- ${v[0]}`, ...v.slice(1).map((l) => `  ${l}`)];
        return ["-", ...v.map((l) => `  ${l}`)];
      }),
    );
  return fc.oneof(
    { weight: 2, arbitrary: leaf },
    { weight: 3, arbitrary: mappingLines(yamlNode(depth - 1)) },
    { weight: 2, arbitrary: seq },
  );
});

/** A document whose root is a mapping, as a manifest's is. */
const yamlDocument = fc.tuple(
  fc.constantFrom("", "---\n", "# head\n---\n"),
  mappingLines(yamlNode(3)),
  fc.constantFrom("", "\n", "\n# tail\n", "\n  # indented tail\n", "\n\n"),
);

describe("quickParse on generated input", () => {
  test("gives up or agrees with the yaml library on value and object lines", () => {
    fc.assert(
      fc.property(
        fc.oneof(yamlDocument, fc.tuple(fc.constant(""), yamlNode(4), fc.constant("\n"))),
        ([head, lines, tail]) => {
          expectAgreement(`${head}${lines.join("\n")}${tail}`);
        },
      ),
      { numRuns: 1500 },
    );
  }, 60_000);

  test("reads a good share of generated documents (the property above is not vacuous)", () => {
    const samples = fc.sample(yamlDocument, { numRuns: 500, seed: 7 });
    const read = samples.filter(
      ([head, lines, tail]) =>
        quickParseDocument(`${head}${lines.join("\n")}${tail}`) !== undefined,
    ).length;
    expect(read).toBeGreaterThan(40);
  });

  test("a text that ends right after an empty value, with no newline, ends (it looped until memory ran out)", () => {
    for (const text of [
      "a:\n  - b:",
      "a:\n  - b:\n",
      "a:\n- b:",
      "a:\n  - b: 1\n  - c:",
      "a:\n  - b:\n    - c:",
      "a:\n  b:",
      "a:\n  -",
      "a:\n  - -",
      "kind: X\nspec:\n  rules:\n  - backendRefs:",
    ]) {
      expect(expectAgreement(text), text).toBe(true);
    }
  });

  test("gives up or agrees on every prefix of real manifests (a truncated paste)", () => {
    for (const file of [
      "fixtures/examples/quickstart.yaml",
      "fixtures/examples/tls-passthrough.yaml",
    ]) {
      const chunks = parsingChunks(readFileSync(join(ROOT, file), "utf8")).map((c) => c.text);
      for (const chunk of chunks)
        for (let end = 1; end <= chunk.length; end++) expectAgreement(chunk.slice(0, end));
    }
  }, 120_000);

  test("gives up or agrees on mutated manifests", () => {
    const base = readFileSync(join(ROOT, "fixtures/examples/quickstart.yaml"), "utf8");
    const chunks = parsingChunks(base).map((c) => c.text);
    const insert = fc.constantFrom(
      " ",
      "  ",
      "\n",
      "-",
      ": ",
      "#",
      '"',
      "'",
      "[",
      "{",
      "]",
      "}",
      ",",
      "&a ",
      "*a",
      "!",
      "|",
      "\t",
      "~",
      "0",
      "---\n",
      "  - x\n",
      "k: v\n",
    );
    fc.assert(
      fc.property(fc.nat(chunks.length - 1), fc.nat(), insert, (i, at, piece) => {
        const text = chunks[i] ?? "";
        const offset = at % (text.length + 1);
        expectAgreement(text.slice(0, offset) + piece + text.slice(offset));
      }),
      { numRuns: 1500 },
    );
  }, 60_000);
});

describe("quickParse leaves unusual characters to the full parser", () => {
  test("every control character but the newline, C1 controls and the byte-order mark; nothing else", () => {
    const unusual = (c: number): boolean =>
      (c < 32 && c !== 10) || (c >= 0x7f && c <= 0x9f) || c === 0xfeff;
    for (let c = 0; c < 0x10000; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const parsed = quickParseDocument(`a: "x${String.fromCharCode(c)}"\n`);
      if (unusual(c)) expect(parsed, `U+${c.toString(16)}`).toBeUndefined();
      else if (c !== 0x0a && c !== 0x22 && c !== 0x5c && parsed === undefined)
        expect.fail(`U+${c.toString(16)} should not send the document to the full parser`);
    }
  });
});

describe("mayBeNonString", () => {
  // The straightforward statement of the rule the table lookups implement.
  const reference = (plain: string) =>
    plain === "" || /^[-+.0-9~]|^(?:null|Null|NULL|true|True|TRUE|false|False|FALSE)$/.test(plain);
  const words = ["null", "Null", "NULL", "nulL", "true", "True", "TRUE", "false", "False", "FALSE"];

  test("agrees with the rule on the null and boolean words and their near misses", () => {
    for (const w of [...words, ...words.map((x) => `${x} `), ...words.map((x) => x.slice(1))])
      expect(mayBeNonString(w), w).toBe(reference(w));
  });

  test("agrees with the rule on generated scalars", () => {
    const chars = fc.constantFrom(..."-+.09~aAnNtTfFlLuUeEsSrR ~#é\u0100".split(""));
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 7 }), (cs) => {
        const plain = cs.join("");
        expect(mayBeNonString(plain)).toBe(reference(plain));
      }),
      { numRuns: 5000 },
    );
  });
});
