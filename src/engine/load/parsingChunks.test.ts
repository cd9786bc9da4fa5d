import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { analyze } from "../analyze";
import type { Manifest, SourceFile } from "../types";
import { loadManifests } from "./loadManifests";
import { createParseCache } from "./parseCache";
import { parsingChunks } from "./parsingChunks";

const ROOT = join(__dirname, "../../..");

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return yamlFiles(path);
    return /\.ya?ml$|^stdin/.test(name) ? [path] : [];
  });
}

/** What a load tells its callers: objects with their source, diagnostics, and located fields. */
function loadView(text: string, split: boolean): unknown {
  const loaded = loadManifests([{ name: "f.yaml", text }], {}, undefined, split);
  const located = (m: Manifest) =>
    ["metadata", "spec", "status"].map((f) => loaded.locator.locate(m, [f, "name"]));
  return {
    manifests: loaded.manifests.map((m) => ({ m, at: located(m) })),
    diagnostics: loaded.diagnostics,
  };
}

const FILES = [...yamlFiles(join(ROOT, "fixtures")), ...yamlFiles(join(ROOT, "cli/testdata"))];

describe("chunked parsing loads exactly what one whole-file parse loads", () => {
  test.each(FILES.map((f) => [f.slice(ROOT.length + 1)]))("%s", (file) => {
    const text = readFileSync(join(ROOT, file), "utf8");
    expect(loadView(text, true)).toEqual(loadView(text, false));
  });

  test.each([
    ["comments before the first marker", "# head\n\n---\nkind: A\nmetadata: {name: a}\n"],
    ["a trailing marker", "kind: A\nmetadata: {name: a}\n---\n"],
    [
      "an empty document between two",
      "kind: A\nmetadata: {name: a}\n---\n# nothing\n---\nkind: B\nmetadata: {name: b}\n",
    ],
    [
      "a syntax error in the middle",
      "kind: A\nmetadata: {name: a}\n---\nkind: B\nmetadata: {name: [b\n---\nkind: C\nmetadata: {name: c}\n",
    ],
    [
      "a block scalar with an indented marker",
      "kind: A\nmetadata: {name: a}\ndata: |\n  ---\n  x\n---\nkind: B\nmetadata: {name: b}\n",
    ],
    [
      "CRLF line ends",
      "kind: A\r\nmetadata: {name: a}\r\n---\r\nkind: B\r\nmetadata: {name: b}\r\n",
    ],
    ["only comments", "# a\n# b\n"],
    ["a directive (parsed whole)", "%YAML 1.2\n---\nkind: A\nmetadata: {name: a}\n"],
    [
      "an end marker (parsed whole)",
      "kind: A\nmetadata: {name: a}\n...\n---\nkind: B\nmetadata: {name: b}\n",
    ],
    [
      "a marker with content on its line",
      "--- {kind: A, metadata: {name: a}}\n--- !!map\nkind: B\nmetadata: {name: b}\n",
    ],
  ])("%s", (_, text) => {
    expect(loadView(text, true)).toEqual(loadView(text, false));
  });

  // The one place the two differ, in the user's favour: the yaml library lets a quoted scalar run
  // past a column-0 `---` (YAML forbids a marker there) and loses every later document; parsed on
  // its own, the broken document ends at the marker and the next one loads.
  test("an unterminated quote costs only its own document", () => {
    const text =
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: "a\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: b}\n';
    const loaded = loadManifests([{ name: "f.yaml", text }]);
    expect(loaded.manifests.map((m) => [m.key, m.source.line])).toEqual([
      ["ConfigMap/default/b", 6],
    ]);
    expect(loaded.diagnostics.map((d) => [d.code, d.line <= 5])).toEqual([["yaml.syntax", true]]);
    expect(loadManifests([{ name: "f.yaml", text }], {}, undefined, false).manifests).toEqual([]);
  });

  test("chunks start at markers, leading comments join the first document, lines are counted", () => {
    expect(parsingChunks("# c\n\n---\na: 1\n---\nb: 2\n")).toEqual([
      { text: "# c\n\n---\na: 1\n", start: 0, lineOffset: 0 },
      { text: "---\nb: 2\n", start: 14, lineOffset: 4 },
    ]);
  });
});

describe("a parse cache never changes the analysis", () => {
  /** A small deterministic generator, so a failure names a reproducible edit sequence. */
  function generator(seed: number): (n: number) => number {
    let s = seed >>> 0;
    return (n) => {
      s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
      return s % n;
    };
  }

  const EDITS: ((lines: string[], pick: (n: number) => number) => void)[] = [
    (lines, pick) => lines.splice(pick(lines.length), 1),
    (lines, pick) => lines.splice(pick(lines.length), 0, "---"),
    (lines, pick) => lines.splice(pick(lines.length), 0, "# a comment"),
    (lines, pick) => {
      const i = pick(lines.length);
      lines[i] = (lines[i] ?? "").replace(": ", ":");
    },
    (lines, pick) => {
      const i = pick(lines.length);
      lines[i] = `${lines[i] ?? ""}x`;
    },
    (lines, pick) => lines.splice(pick(lines.length), 0, "  bad: [unclosed"),
  ];

  test.each(readdirSync(join(ROOT, "fixtures/examples")).map((f) => [f]))(
    "%s under 25 random edits",
    (name) => {
      const pick = generator(name.length * 7919);
      const lines = readFileSync(join(ROOT, "fixtures/examples", name), "utf8").split("\n");
      const cache = createParseCache();
      for (let step = 0; step < 25; step++) {
        (EDITS[pick(EDITS.length)] as (typeof EDITS)[number])(lines, pick);
        const sources: SourceFile[] = [{ name, text: lines.join("\n") }];
        expect(analyze(sources, { parseCache: cache })).toEqual(analyze(sources));
      }
    },
  );

  test("only the documents that changed are parsed again", () => {
    const cache = createParseCache();
    const text = readFileSync(
      join(ROOT, "fixtures/examples/shared-gateway-two-teams.yaml"),
      "utf8",
    );
    // The file's chunks as loaded (a chunk that stands is kept by its file's load, fileLoad.ts).
    const parsed = () => cache.files.previous.get("w.yaml")?.chunks.map((c) => c.parsed) ?? [];
    analyze([{ name: "w.yaml", text }], { parseCache: cache });
    const before = new Set(parsed());
    const edited = text.replace("name: store-web", "name: store-www");
    analyze([{ name: "w.yaml", text: edited }], { parseCache: cache });
    const reparsed = parsed().filter((chunk) => !before.has(chunk));
    expect([reparsed.length, parsed().length]).toEqual([1, parsingChunks(edited).length]);
  });
});
