import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import type { FieldPath, Manifest, SourceFile } from "../types";
import { editedRange } from "./editedRange";
import type { FileLoad, LoadedChunk } from "./fileLoad";
import { loadManifests, type LoadResult } from "./loadManifests";
import type { LoadLimits } from "./loadLimits";
import { createParseCache, type ParseCache } from "./parseCache";
import { withMarkerDeleted } from "../../test-utils/markerEdits";

const ROOT = join(__dirname, "../../..");

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return yamlFiles(path);
    return /\.ya?ml$/.test(name) ? [path] : [];
  });
}

/** Every field path of a value, depth first, at most `cap` of them. */
function fieldPaths(value: unknown, cap = 60): FieldPath[] {
  const out: FieldPath[] = [[]];
  const visit = (v: unknown, path: FieldPath): void => {
    if (out.length >= cap || typeof v !== "object" || v === null) return;
    const entries: [string | number, unknown][] = Array.isArray(v)
      ? v.map((x, i) => [i, x])
      : Object.entries(v);
    for (const [k, x] of entries) {
      const p = [...path, k];
      out.push(p);
      visit(x, p);
    }
  };
  visit(value, []);
  out.push(["spec", "no-such-field"]);
  return out;
}

/** What a load tells its callers: objects, diagnostics, and where every field of every object is. */
function view(loaded: LoadResult): unknown {
  const located = (m: Manifest) =>
    fieldPaths(m.body).map((p) => [loaded.locator.locate(m, p), loaded.locator.locateKey(m, p)]);
  return {
    manifests: loaded.manifests.map((m) => ({ m, at: located(m) })),
    diagnostics: loaded.diagnostics,
  };
}

/** Loads with the cache (from its previous load) and requires what a fresh load gives. */
function expectFreshLoad(
  cache: ParseCache,
  sources: SourceFile[],
  limits: Partial<LoadLimits> = {},
): LoadResult {
  const reloaded = loadManifests(sources, limits, cache);
  expect(view(reloaded)).toEqual(view(loadManifests(sources, limits)));
  return reloaded;
}

function kept(cache: ParseCache, name: string): FileLoad {
  const load = cache.files.previous.get(name);
  if (load === undefined) throw new Error(`no load kept for ${name}`);
  return load;
}

const doc = (name: string, extra = "") =>
  `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\nspec:\n  ports:\n    - port: 80${extra}\n`;

describe("editedRange", () => {
  test("finds the one range two texts differ in, across block boundaries", () => {
    const base = "a".repeat(10000);
    expect(editedRange(base, `${base.slice(0, 5000)}b${base.slice(5000)}`)).toEqual({
      prefix: 5000,
      suffix: 5000,
    });
    expect(editedRange("abc", "abc")).toEqual({ prefix: 3, suffix: 0 });
    // An inserted copy of a neighbour: prefix and suffix never overlap.
    expect(editedRange("xx", "xxx")).toEqual({ prefix: 2, suffix: 0 });
    expect(editedRange("abcd", "abXcd")).toEqual({ prefix: 2, suffix: 2 });
    expect(editedRange("", "abc")).toEqual({ prefix: 0, suffix: 0 });
  });

  test("agrees with a character-by-character walk on long texts edited anywhere", () => {
    // Long enough for blocks to double past their cap (the walk below is the reference).
    const base = Array.from({ length: 150000 }, (_, i) => `line ${i}\n`).join("");
    const walked = (before: string, after: string) => {
      const limit = Math.min(before.length, after.length);
      let prefix = 0;
      while (prefix < limit && before[prefix] === after[prefix]) prefix++;
      let suffix = 0;
      while (
        suffix < limit - prefix &&
        before[before.length - 1 - suffix] === after[after.length - 1 - suffix]
      )
        suffix++;
      return { prefix, suffix };
    };
    const cases: [number, number, string][] = [[base.length, base.length, "tail"]];
    for (const at of [0, 64, 65, 4096, 12287, 1 << 20, 1500000, base.length - 1])
      cases.push([at, at + 1, "X"], [at, at, "inserted"], [at, Math.min(base.length, at + 9), ""]);
    cases.push([0, base.length, "all"]);
    for (const [from, to, text] of cases) {
      const edited = base.slice(0, from) + text + base.slice(to);
      expect(editedRange(base, edited), `${from}-${to} → ${text}`).toEqual(walked(base, edited));
      expect(editedRange(edited, base), `${from}-${to} ← ${text}`).toEqual(walked(edited, base));
    }
  }, 30_000);
});

describe("a file loaded around its edit", () => {
  const three = [doc("a"), doc("b"), doc("c")].join("---\n");

  test("the chunks before and after an in-place edit stand as they were", () => {
    const cache = createParseCache();
    expectFreshLoad(cache, [{ name: "f.yaml", text: three }]);
    const before = kept(cache, "f.yaml");
    expectFreshLoad(cache, [
      { name: "f.yaml", text: three.replace("port: 80\n---\nap", "port: 81\n---\nap") },
    ]);
    const after = kept(cache, "f.yaml");
    expect(after.chunks.map((c, i) => c === before.chunks[i])).toEqual([false, true, true]);
  });

  test("a chunk ending within a marker's reach of the edit is read again", () => {
    const cache = createParseCache();
    expectFreshLoad(cache, [{ name: "f.yaml", text: three }]);
    // `---` becomes `----`: no longer a marker, so the first two documents are one.
    const merged = three.replace("80\n---\n", "80\n----\n");
    const loaded = expectFreshLoad(cache, [{ name: "f.yaml", text: merged }]);
    expect(loaded.manifests.map((m) => m.name)).not.toContain("a");
  });

  test("documents after an edit that adds lines and documents move with it", () => {
    const cache = createParseCache();
    expectFreshLoad(cache, [{ name: "f.yaml", text: three }]);
    const labelled = doc("a").replace("name: a\n", "name: a\n  labels:\n    x: y\n");
    const more = [labelled, doc("a2"), doc("b"), doc("c")].join("---\n");
    const loaded = expectFreshLoad(cache, [{ name: "f.yaml", text: more }]);
    expect(loaded.manifests.map((m) => [m.name, m.source.docIndex, m.source.line])).toEqual([
      ["a", 0, 1],
      ["a2", 1, 11],
      ["b", 2, 19],
      ["c", 3, 27],
    ]);
    // Fewer lines again: the documents after move back.
    expectFreshLoad(cache, [{ name: "f.yaml", text: three }]);
  });

  // One document the quick reader leaves to the yaml library (an anchor), a `kind: List`, and one
  // with a load diagnostic (a placeholder): what moved documents must carry besides quick ones.
  const anchored =
    "apiVersion: v1\nkind: Service\nmetadata:\n  name: &n anchored\nspec:\n  ports:\n    - port: 80\n";
  const list =
    "apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: Service\n    metadata:\n      name: l0\n  - apiVersion: v1\n    kind: Service\n    metadata:\n      name: l1\n";
  const placeholder = doc("templated").replace("port: 80", "port: ${PORT}");

  test("documents that only moved lines keep their objects and locator entries, located at their new lines", () => {
    // After the first document: quick documents, one the quick reader leaves to the yaml library
    // (an anchor), a `kind: List`, one with a load diagnostic, and one located before the move.
    const docs = [
      doc("a"),
      ...Array.from({ length: 40 }, (_, i) => doc(`s${i}`)),
      anchored,
      list,
      placeholder,
      doc("z"),
    ];
    const text = docs.join("---\n");
    const cache = createParseCache();
    const first = expectFreshLoad(cache, [{ name: "f.yaml", text }]);
    expect(first.diagnostics.length).toBeGreaterThan(0);
    const before = kept(cache, "f.yaml");
    const enter = text.replace("name: a\n", "name: a\n\n  \n");
    const moved = expectFreshLoad(cache, [{ name: "f.yaml", text: enter }]);
    const after = kept(cache, "f.yaml");
    // Every chunk after the edit is the one before it, two lines further: the same parse, the
    // same bodies, the same registrations (not registered again), its objects' lines moved.
    for (let i = 1; i < before.chunks.length; i++) {
      const was = before.chunks[i] as LoadedChunk;
      const now = after.chunks[i] as LoadedChunk;
      expect(now.parsed).toBe(was.parsed);
      expect(now.registered).toBe(was.registered);
      expect(now.manifests.map((m) => m.body)).toEqual(was.manifests.map((m) => m.body));
      now.manifests.forEach((m, k) => {
        expect(m.body).toBe(was.manifests[k]?.body);
        expect(m.source.line).toBe((was.manifests[k] as Manifest).source.line + 2);
      });
    }
    expect(moved.diagnostics.map((d) => d.line)).toEqual(first.diagnostics.map((d) => d.line + 2));
    // Backspace twice: each load moves them again, from entries registered two loads before.
    expectFreshLoad(cache, [{ name: "f.yaml", text: text.replace("name: a\n", "name: a\n\n") }]);
    expectFreshLoad(cache, [{ name: "f.yaml", text }]);
    // Lines removed above them: they move up, past where the first load put them.
    expectFreshLoad(cache, [
      { name: "f.yaml", text: text.replace("spec:\n  ports:\n    - port: 80\n", "") },
    ]);
  });

  test("documents renumbered by a `---` typed or deleted before them keep their objects, at their new documents", () => {
    // As above: quick documents, an anchored one, a `kind: List` and one with a load diagnostic.
    const docs = [doc("a"), ...Array.from({ length: 40 }, (_, i) => doc(`s${i}`))];
    const text = [...docs, anchored, list, placeholder, doc("z")].join("---\n");
    const cache = createParseCache();
    const first = expectFreshLoad(cache, [{ name: "f.yaml", text }]);
    const before = kept(cache, "f.yaml");
    // A `---` typed before the second document: an empty document, every later one renumbered.
    const split = text.replace("---\n", "---\n---\n");
    const renumbered = expectFreshLoad(cache, [{ name: "f.yaml", text: split }]);
    const after = kept(cache, "f.yaml");
    expect(after.chunks.length).toBe(before.chunks.length + 1);
    for (let i = 1; i < before.chunks.length; i++) {
      const was = before.chunks[i] as LoadedChunk;
      const now = after.chunks[i + 1] as LoadedChunk;
      expect(now.parsed).toBe(was.parsed);
      expect(now.firstDoc).toBe(was.firstDoc + 1);
      now.manifests.forEach((m, k) => {
        const old = was.manifests[k] as Manifest;
        expect(m.body).toBe(old.body);
        expect([m.source.docIndex, m.source.line]).toEqual([
          old.source.docIndex + 1,
          old.source.line + 1,
        ]);
      });
    }
    expect(renumbered.diagnostics.map((d) => d.docIndex)).toEqual(
      first.diagnostics.map((d) => (d.docIndex === undefined ? undefined : d.docIndex + 1)),
    );
    // Deleted again; then a marker between two objects deleted (joined: one document fewer).
    expectFreshLoad(cache, [{ name: "f.yaml", text }]);
    expectFreshLoad(cache, [{ name: "f.yaml", text: text.replace("---\n", "") }]);
    // Typed over a blank line (documents renumbered, no line moved), then removed.
    const blank = text.replace("port: 80\n---\n", "port: 80\n\n---\n");
    expectFreshLoad(cache, [{ name: "f.yaml", text: blank }]);
    expectFreshLoad(cache, [
      { name: "f.yaml", text: blank.replace("port: 80\n\n", "port: 80\n---\n") },
    ]);
    expectFreshLoad(cache, [{ name: "f.yaml", text: blank }]);
  });

  test("a document deleted whole, and one inserted, leave the others exact", () => {
    const cache = createParseCache();
    expectFreshLoad(cache, [{ name: "f.yaml", text: three }]);
    const parts = three.split("---\n");
    const without = [parts[0], parts[2]].join("---\n");
    expectFreshLoad(cache, [{ name: "f.yaml", text: without }]);
    expectFreshLoad(cache, [{ name: "f.yaml", text: three }]);
    expectFreshLoad(cache, [{ name: "f.yaml", text: "" }]);
    expectFreshLoad(cache, [{ name: "f.yaml", text: three }]);
  });

  test("a first document turned to comments joins the next one, as a fresh split does", () => {
    const cache = createParseCache();
    expectFreshLoad(cache, [{ name: "f.yaml", text: three }]);
    const commented = three.replace(doc("a"), "# gone\n");
    expectFreshLoad(cache, [{ name: "f.yaml", text: commented }]);
    expectFreshLoad(cache, [{ name: "f.yaml", text: three }]);
  });

  test("a directive or a `...` typed into one document is read as the whole-file parse reads it", () => {
    const cache = createParseCache();
    expectFreshLoad(cache, [{ name: "f.yaml", text: three }]);
    expectFreshLoad(cache, [{ name: "f.yaml", text: three.replace("---\n", "...\n---\n") }]);
    expectFreshLoad(cache, [{ name: "f.yaml", text: three }]);
    expectFreshLoad(cache, [
      { name: "f.yaml", text: three.replace("---\n", "---\n%YAML 1.2\n---\n") },
    ]);
    expectFreshLoad(cache, [{ name: "f.yaml", text: three }]);
  });

  test("the guards hold for the edited document: too deep or too large is refused, located", () => {
    const cache = createParseCache();
    const limits = { maxNestingDepth: 8, maxDocumentBytes: 400 };
    expectFreshLoad(cache, [{ name: "f.yaml", text: three }], limits);
    const deep = three.replace("port: 80\n---\nap", "port: [[[[[[[[[[80]]]]]]]]]]\n---\nap");
    const refused = expectFreshLoad(cache, [{ name: "f.yaml", text: deep }], limits);
    expect(refused.diagnostics.map((d) => [d.code, d.line])).toEqual([["yaml.nesting-limit", 7]]);
    expectFreshLoad(cache, [{ name: "f.yaml", text: three }], limits);
    const large = three.replace("name: b\n", `name: b\n  labels: {x: "${"y".repeat(500)}"}\n`);
    const big = expectFreshLoad(cache, [{ name: "f.yaml", text: large }], limits);
    expect(big.diagnostics.map((d) => d.code)).toEqual(["yaml.document-too-large"]);
    expectFreshLoad(cache, [{ name: "f.yaml", text: three }], limits);
    // Other limits are another load: nothing kept under the first is reused.
    expectFreshLoad(cache, [{ name: "f.yaml", text: deep }], { maxNestingDepth: 4 });
  });

  test("each file is reloaded from its own previous text", () => {
    const cache = createParseCache();
    const files = [
      { name: "a.yaml", text: three },
      { name: "b.yaml", text: three.replace(/name: (\w)/g, "name: other-$1") },
    ];
    expectFreshLoad(cache, files);
    expectFreshLoad(cache, [files[1] as SourceFile, files[0] as SourceFile]);
    expectFreshLoad(cache, [{ name: "a.yaml", text: files[1]?.text ?? "" }]);
  });
});

/** A small deterministic generator, so a failure names a reproducible edit sequence. */
function generator(seed: number): (n: number) => number {
  let s = seed >>> 0;
  return (n) => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s % n;
  };
}

/** Edits of characters, not lines: what a keystroke, a paste or a cut does, anywhere. */
const EDITS: ((text: string, pick: (n: number) => number) => string)[] = [
  (t, pick) => {
    const i = pick(t.length + 1);
    return t.slice(0, i) + t.slice(i + 1 + pick(3));
  },
  (t, pick) => {
    const i = pick(t.length + 1);
    return `${t.slice(0, i)}${["x", "\n", " ", "-", "#", ":", "'", "[", "{"][pick(9)]}${t.slice(i)}`;
  },
  (t, pick) => {
    // `---` typed at the start of a line.
    const lines = t.split("\n");
    lines.splice(pick(lines.length + 1), 0, "---");
    return lines.join("\n");
  },
  // A `---` deleted: two documents joined (or an empty one gone), the later ones renumbered.
  (t, pick) => withMarkerDeleted(t, pick(t.length + 1)),
  (t, pick) => {
    // Garbage pasted mid-document.
    const i = pick(t.length + 1);
    return `${t.slice(0, i)}\n  bad: [unclosed {\n"${t.slice(i)}`;
  },
  (t, pick) => {
    // A document cut out, or duplicated.
    const docs = t.split(/^(?=---)/m);
    const i = pick(docs.length);
    if (pick(2) === 0) docs.splice(i, 1);
    else docs.splice(i, 0, docs[i] ?? "");
    return docs.join("");
  },
  (t, pick) => t.replace(/\b\d+\b/, String(pick(1000))),
];

describe("a reloaded file equals a fresh load under random edits", () => {
  const files = [
    ...yamlFiles(join(ROOT, "fixtures/examples")),
    // Small conformance files: many documents of every kind, within a test's time.
    ...yamlFiles(join(ROOT, "fixtures/conformance"))
      .filter((f) => statSync(f).size < 12_000)
      .slice(0, 10),
  ];
  test.each(files.map((f) => [f.slice(ROOT.length + 1), f]))(
    "%s",
    (_name, path) => {
      let text = readFileSync(path, "utf8");
      const pick = generator(text.length);
      const cache = createParseCache();
      const name = "w.yaml";
      expectFreshLoad(cache, [{ name, text }]);
      for (let step = 0; step < 20; step++) {
        text = (EDITS[pick(EDITS.length)] as (typeof EDITS)[number])(text, pick);
        expectFreshLoad(cache, [{ name, text }]);
      }
    },
    60_000,
  );
});
