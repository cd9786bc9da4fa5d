/**
 * The cap on a whole workspace (workspaceLimit.ts), through loadManifests, the door every input
 * comes through: just under it everything is read; just over it what fits is kept, whole
 * documents only, and one located error says where reading stopped and what was not read.
 */
import { describe, expect, test } from "vitest";
import type { SourceFile } from "../types";
import { loadManifests } from "./loadManifests";
import { DEFAULT_LOAD_LIMITS } from "./loadLimits";
import { limitWorkspace } from "./workspaceLimit";
import { generateBenchConfig } from "../../../bench/generateBenchConfig";

const doc = (i: number) =>
  `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c${i}, namespace: ns}\n`;
/** `count` documents, each opened by `---` (so each is `---\n` + doc(i)). */
const file = (name: string, from: number, count: number): SourceFile => ({
  name,
  text: Array.from({ length: count }, (_, i) => `---\n${doc(from + i)}`).join(""),
});
const names = (sources: readonly SourceFile[], limits: Parameters<typeof loadManifests>[1]) =>
  loadManifests(sources, limits).manifests.map((m) => m.name);
const cutDiagnostics = (
  sources: readonly SourceFile[],
  limits: Parameters<typeof loadManifests>[1],
) =>
  loadManifests(sources, limits).diagnostics.filter((d) => d.code === "load.workspace-too-large");

const a = file("a.yaml", 0, 3);
const b = file("b.yaml", 3, 3);
const c = file("c.yaml", 6, 2);
const all = [a, b, c];
const totalBytes = a.text.length + b.text.length + c.text.length;
const every = ["c0", "c1", "c2", "c3", "c4", "c5", "c6", "c7"];

describe("workspace byte cap", () => {
  test("just under (exactly the total): everything is read, nothing reported", () => {
    expect(names(all, { maxWorkspaceBytes: totalBytes })).toEqual(every);
    expect(cutDiagnostics(all, { maxWorkspaceBytes: totalBytes })).toEqual([]);
  });

  test("one byte over: the crossing file keeps its whole documents, later files are not read", () => {
    // Room for a, and two documents of b and a few bytes of the third.
    const docBytes = `---\n${doc(3)}`.length;
    const limit = a.text.length + 2 * docBytes + 5;
    expect(names(all, { maxWorkspaceBytes: limit })).toEqual(["c0", "c1", "c2", "c3", "c4"]);
    const [cut, ...more] = cutDiagnostics(all, { maxWorkspaceBytes: limit });
    expect(more).toEqual([]);
    // At b.yaml's third document: the first line not read.
    expect(cut).toMatchObject({ severity: "error", file: "b.yaml", line: 9, column: 1 });
    expect(cut?.message).toContain("did not read this file from line 9 and 1 more file (c.yaml)");
    expect(cut?.message).toContain("in 5 documents (1 whole file before this one)");
    expect(cut?.hint).toContain("--max-workspace-mib");
  });

  test("over before a file's first document ends: none of it is read, and it is named", () => {
    const [cut] = cutDiagnostics(all, { maxWorkspaceBytes: a.text.length + 3 });
    expect(names(all, { maxWorkspaceBytes: a.text.length + 3 })).toEqual(["c0", "c1", "c2"]);
    expect(cut).toMatchObject({ file: "b.yaml", line: 1 });
    expect(cut?.message).toContain("did not read this file and 1 more file (c.yaml)");
  });
});

describe("the byte cap counts UTF-8 bytes, as on disk", () => {
  // CJK characters are one UTF-16 unit and three UTF-8 bytes: counting units let such a file
  // through at up to three times the cap.
  const wide = (name: string, from: number, count: number): SourceFile => ({
    name,
    text: Array.from(
      { length: count },
      (_, i) => `---\n${doc(from + i)}data: {説明: 日本語の説明文です}\n`,
    ).join(""),
  });
  const x = wide("x.yaml", 0, 3);
  const y = wide("y.yaml", 3, 2);
  const bytes = (t: string) => new TextEncoder().encode(t).length;
  const total = bytes(x.text) + bytes(y.text);

  test("just under (exactly the bytes): everything is read", () => {
    expect(names([x, y], { maxWorkspaceBytes: total })).toEqual(["c0", "c1", "c2", "c3", "c4"]);
    expect(cutDiagnostics([x, y], { maxWorkspaceBytes: total })).toEqual([]);
  });

  test("one byte over, though far under in UTF-16 units: cut at a whole document, and the read size is in bytes", () => {
    expect(x.text.length + y.text.length).toBeLessThan(total - 40);
    const limit = total - 1;
    expect(names([x, y], { maxWorkspaceBytes: limit })).toEqual(["c0", "c1", "c2", "c3"]);
    const [cut] = cutDiagnostics([x, y], { maxWorkspaceBytes: limit });
    expect(cut).toMatchObject({ file: "y.yaml", line: 6 });
    const readBytes = bytes(x.text) + bytes(y.text.slice(0, y.text.indexOf("---", 1)));
    expect(cut?.message).toContain(`it read ${(readBytes / (1024 * 1024)).toFixed(1)} MiB`);
    const cutHere = limitWorkspace([x, y], { ...DEFAULT_LOAD_LIMITS, maxWorkspaceBytes: limit });
    expect(cutHere.sources.map((s) => bytes(s.text)).reduce((p, q) => p + q)).toBe(readBytes);
  });
});

describe("workspace document cap", () => {
  test("just under (exactly the count): everything is read", () => {
    expect(names(all, { maxWorkspaceDocuments: 8 })).toEqual(every);
    expect(cutDiagnostics(all, { maxWorkspaceDocuments: 8 })).toEqual([]);
  });

  test("one over: the last document is not read, and the error is at it", () => {
    expect(names(all, { maxWorkspaceDocuments: 7 })).toEqual(every.slice(0, 7));
    const [cut] = cutDiagnostics(all, { maxWorkspaceDocuments: 7 });
    expect(cut).toMatchObject({ file: "c.yaml", line: 5 });
    expect(cut?.message).toContain("in 7 documents (2 whole files before this one)");
    expect(cut?.message).toContain("did not read this file from line 5;");
  });

  test("documents are counted as the loader splits them: a first document without `---`, a marker at the end", () => {
    const text = `${doc(0)}---\n${doc(1)}---`;
    expect(names([{ name: "x.yaml", text }], { maxWorkspaceDocuments: 3 })).toEqual(["c0", "c1"]);
    expect(cutDiagnostics([{ name: "x.yaml", text }], { maxWorkspaceDocuments: 3 })).toEqual([]);
    // `----` and `---x` open no document; `--- ` with a trailing blank does.
    const odd = `${doc(0)}----\n---x: 1\n--- \n${doc(1)}`;
    expect(cutDiagnostics([{ name: "y.yaml", text: odd }], { maxWorkspaceDocuments: 2 })).toEqual(
      [],
    );
    expect(names([{ name: "y.yaml", text: odd }], { maxWorkspaceDocuments: 1 })).toEqual([]);
  });
});

describe("the default cap", () => {
  test("a workspace of ordinary size is never cut", () => {
    const many = Array.from({ length: 20 }, (_, i) => file(`f${i}.yaml`, i * 100, 100));
    expect(cutDiagnostics(many, {})).toEqual([]);
    expect(loadManifests(many, {}).manifests).toHaveLength(2000);
  });
});

test("the engine's largest benchmark (100,000 routes) is read whole under the default caps", () => {
  // A first byte cap of 64 MiB cut it at document 69,615: the caps must leave the scale the
  // engine is measured at (issue 11's 100,000 routes) analysable.
  const { yaml } = generateBenchConfig(100_000);
  const cut = limitWorkspace([{ name: "bench.yaml", text: yaml }], DEFAULT_LOAD_LIMITS);
  expect(cut.diagnostic).toBeUndefined();
  expect(cut.sources[0]?.text.length).toBe(yaml.length);
});
