/**
 * Slices of real multi-document manifests, and what an analysis of one is compared by
 * (sliceRelations.test.ts). A user pastes a slice of a cluster: one file or folder of a GitOps
 * repo, a `helm template` render. These helpers cut documents out of a real input, reorder them,
 * spread them over files and add unrelated ones, and reduce an Analysis to the facts the world
 * rules (README "World") make promises about: rejecting conditions, error diagnostics, what was
 * assumed, and the status, route table and diagnostics with every file/line taken out.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import type { Analysis, SourceFile } from "../src/engine";

/** One real input cut into its documents (each document's text without the `---` line). */
export interface DocumentedInput {
  name: string;
  documents: string[];
}

const SLICE_DIRS = ["fixtures/corpus", "fixtures/examples"];
const SEPARATOR = /^---[ \t]*(?:#.*)?$/;

/**
 * Every corpus and example file with at least two documents that hold something: a slice of one
 * document is the whole input, so it says nothing about what a slice leaves out.
 */
export function loadMultiDocumentInputs(root: string): DocumentedInput[] {
  const out: DocumentedInput[] = [];
  const visit = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name.localeCompare(b.name),
    )) {
      const path = join(dir, e.name);
      if (e.isDirectory()) visit(path);
      else if (/\.ya?ml$/.test(e.name)) {
        const documents = splitDocuments(readFileSync(path, "utf8"));
        if (documents.length >= 2) out.push({ name: relative(root, path), documents });
      }
    }
  };
  for (const dir of SLICE_DIRS) visit(join(root, dir));
  return out;
}

/**
 * The documents of a YAML stream, cut at `---` lines; documents holding only comments and blank
 * lines are left out (a disabled Helm template), since they hold no object to drop or move.
 */
export function splitDocuments(text: string): string[] {
  const documents: string[] = [];
  let current: string[] = [];
  const flush = (): void => {
    if (current.some((l) => l.trim() !== "" && !l.trimStart().startsWith("#")))
      documents.push(`${current.join("\n")}\n`);
    current = [];
  };
  for (const line of text.split(/\r?\n/)) {
    if (SEPARATOR.test(line)) flush();
    else current.push(line);
  }
  flush();
  return documents;
}

/** The documents as one file, in the order given. */
export function joinDocuments(documents: readonly string[]): string {
  return documents.map((d) => `---\n${d}`).join("");
}

/**
 * The documents spread over files: `fileOf[i]` is the file document i goes to; each file keeps
 * its documents in their order. Files are named after the slice so a diagnostic says which.
 */
export function spreadOverFiles(
  name: string,
  documents: readonly string[],
  fileOf: readonly number[],
): SourceFile[] {
  const byFile = new Map<number, string[]>();
  documents.forEach((d, i) => {
    const f = fileOf[i] ?? 0;
    byFile.set(f, [...(byFile.get(f) ?? []), d]);
  });
  return [...byFile.entries()]
    .sort(([a], [b]) => a - b)
    .map(([f, docs]) => ({ name: `${name}#${f}.yaml`, text: joinDocuments(docs) }));
}

/** Diagnostics whose file is not one of the sources, or whose lines are outside it. */
export function unlocatedDiagnostics(analysis: Analysis, sources: readonly SourceFile[]): string[] {
  const lineCount = new Map(sources.map((s) => [s.name, s.text.split("\n").length]));
  const out: string[] = [];
  for (const d of analysis.diagnostics) {
    const lines = lineCount.get(d.file);
    const inside =
      lines !== undefined &&
      Number.isInteger(d.line) &&
      d.line >= 1 &&
      d.line <= lines &&
      d.endLine >= d.line &&
      d.endLine <= lines &&
      d.column >= 1;
    if (!inside) out.push(`${d.code} at ${d.file}:${d.line}:${d.column}-${d.endLine}`);
  }
  return out;
}

/** Conditions whose status says the object (or one of its parts) is refused or broken. */
const TRUE_IS_BAD = new Set(["Conflicted", "OverlappingTLSConfig"]);

/**
 * Every rejecting condition in the status, as "object › part › Type=Status/Reason". A part is
 * named by what identifies it (a listener's name, a route parent's parentRef), never by its
 * position, so the same refusal reads the same whatever the document order.
 */
export function rejections(analysis: Analysis): Set<string> {
  const out = new Set<string>();
  const visit = (value: unknown, where: string): void => {
    if (Array.isArray(value)) {
      value.forEach((item, i) => visit(item, `${where} › ${identify(item, i)}`));
      return;
    }
    if (value === null || typeof value !== "object") return;
    const record = value as Record<string, unknown>;
    for (const [field, child] of Object.entries(record)) {
      if (field === "conditions" && Array.isArray(child)) {
        for (const c of child as { type?: string; status?: string; reason?: string }[]) {
          const bad = TRUE_IS_BAD.has(c.type ?? "") ? c.status === "True" : c.status === "False";
          if (bad) out.add(`${where} › ${c.type}=${c.status}/${c.reason}`);
        }
      } else if (field !== "parentRef") visit(child, where);
    }
  };
  for (const key of Object.keys(analysis.status).sort())
    visit(analysis.status[key as keyof typeof analysis.status], key);
  // A refusal a controller writes no status for is still one: a Gateway no controller
  // reconciles, a parentRef refused before any status (its Gateway missing in a closed world).
  for (const g of analysis.gateways) if (!g.reconciled) out.add(`${g.key} › not reconciled`);
  for (const x of analysis.explain) {
    if (x.accepted || x.unknownParent === true) continue;
    const where = `${x.route} › parent ${stableJson(x.parentRef)}`;
    out.add(`${where} › not accepted/${x.reason}`);
    for (const c of x.checks) if (!c.pass) out.add(`${where} › check ${c.check}`);
  }
  return out;
}

function identify(item: unknown, index: number): string {
  if (item !== null && typeof item === "object") {
    const r = item as Record<string, unknown>;
    if (r["parentRef"] !== undefined) return `parent ${stableJson(r["parentRef"])}`;
    if (typeof r["name"] === "string") return r["name"];
  }
  return String(index);
}

/** Error diagnostics by what they are about (code, object, field), never by where. */
export function errorFacts(analysis: Analysis): Set<string> {
  const out = new Set<string>();
  for (const d of analysis.diagnostics)
    if (d.severity === "error") out.add(`${d.code} ${d.objectKey ?? "-"} ${d.path ?? "-"}`);
  return out;
}

/** `file:line:col`, `file:line` and "line N" written inside a message, for comparing without them. */
const LOCATION_IN_TEXT = /[^\s():]+\.ya?ml(?:#\d+\.yaml)?(?::\d+){1,2}|\blines? \d+(?:[-–]\d+)?/g;

export function withoutLocations(text: string): string {
  return text.replace(LOCATION_IN_TEXT, "<loc>");
}

/**
 * The analysis with every file, line and column taken out (fields and text), and every list of
 * diagnostics as a sorted multiset: what a reordering or a split into files must leave alone.
 */
export function locationFree(analysis: Analysis): {
  status: string;
  routeTable: string;
  diagnostics: string[];
} {
  const strip = (value: unknown): unknown =>
    JSON.parse(
      JSON.stringify(value, (key, v: unknown) => (LOCATION_KEYS.has(key) ? undefined : v)),
    );
  // The route table lists listeners in input order (Gateways as written): the order is how it is
  // shown, not what it says. What each listener serves, and in which order, is compared as is.
  const listeners = analysis.routeTable.listeners
    .map((l) => withoutLocations(stableJson(strip(l))))
    .sort();
  return {
    status: withoutLocations(stableJson(strip(analysis.status))),
    routeTable: withoutLocations(stableJson({ ...analysis.routeTable, listeners })),
    diagnostics: analysis.diagnostics.map((d) => withoutLocations(describeDiagnostic(d))).sort(),
  };
}

/**
 * A diagnostic by what it says. Notes given once per input sit at the first reference in
 * document order, by design (README "World": "one assume.* note per assumed object at its first
 * reference", with why that reference needed it; an unknown-kind note or summary at the first
 * object of its kinds): for them only the code, severity and what they say of the object are
 * compared. The unknown-kind summary lists its groups and kinds in one order (by group, then
 * kind), so its words are compared exactly; only the object it sits at may differ.
 */
function describeDiagnostic(d: Analysis["diagnostics"][number]): string {
  // "… because <what the first reference found>": the reason is the first reference's.
  if (d.code.startsWith("assume."))
    return [d.code, d.severity, d.message.split(" because ")[0]].join(" | ");
  if (d.code === "object.unknown-kind")
    return [d.code, d.severity, d.path ?? "-", d.message, d.hint ?? ""].join(" | ");
  return [d.code, d.severity, d.objectKey ?? "-", d.path ?? "-", d.message, d.hint ?? ""].join(
    " | ",
  );
}

const LOCATION_KEYS = new Set([
  "file",
  "line",
  "column",
  "endLine",
  "endColumn",
  "docIndex",
  "listIndex",
  "source",
]);

/** JSON with object keys sorted, so two equal values print equally whatever their key order. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)),
        )
      : v,
  );
}

/** "Kind|namespace" of every object a document holds, read the way the world index reads it. */
export function populatedGroups(analysis: Analysis): Set<string> {
  return new Set(analysis.objects.map((o) => `${o.kind}|${o.namespace ?? ""}`));
}
