/**
 * Turns a case file into the sequence of inputs a cluster would hold: the state after
 * `manifests`, then the state after each step, with steps applied cumulatively.
 *
 * The runner plays the API server here: `apply` is create-or-replace by kind/namespace/name, and
 * replacing an object whose spec changed raises metadata.generation by one, which the
 * observedGeneration expectations depend on. Untouched files are passed through verbatim so
 * diagnostics keep their original lines.
 *
 * It also keeps creation order, which decides ties between routes (the oldest wins): an object
 * a step creates gets a creationTimestamp one second per step after the initial state, and the
 * objects before it that carry none get the initial time, so "created later" holds in the input
 * itself. A replaced object keeps its creationTimestamp, as on a real API server. Cases whose
 * steps create nothing are left verbatim.
 */
import { parseAllDocuments, type Document } from "yaml";
import type { SourceFile } from "../types";
import type { CaseFile, ObjectId } from "./caseTypes";
import { dict } from "../collections/dict";
import { QUIET_YAML } from "../load/quietYaml";

export type ReadFile = (path: string) => string;

export interface CaseState {
  /** 0 = after `manifests`; n = after step n. */
  step: number;
  sources: SourceFile[];
  /** metadata.generation before this step, per object the step replaced ("Kind/ns/name"). */
  previousGeneration: Record<string, number>;
  /** metadata.generation of every object in this state ("Kind/ns/name"). */
  generations: Record<string, number>;
}

interface LoadedDoc {
  id: string | undefined;
  doc: Document;
  generation: number;
}

interface LoadedFile {
  name: string;
  /** Original text, or undefined once a step changed the file. */
  text: string | undefined;
  docs: LoadedDoc[];
}

/**
 * @param extraManifests files loaded before the case's own manifests (the CLI's --manifests).
 * @throws Error naming the file when a listed file cannot be read.
 */
export function buildCaseStates(
  caseFile: CaseFile,
  readFile: ReadFile,
  extraManifests: readonly string[] = [],
): CaseState[] {
  const files: LoadedFile[] = [...extraManifests, ...caseFile.manifests].map((p) =>
    loadFile(p, readFile, caseFile.file),
  );
  const states: CaseState[] = [
    {
      step: 0,
      sources: toSources(files),
      previousGeneration: {},
      generations: generationsOf(files),
    },
  ];
  let initialTimesStamped = false;
  caseFile.steps.forEach((step, i) => {
    const previousGeneration: Record<string, number> = dict();
    for (const id of step.delete) removeDoc(files, objectIdKey(id));
    for (const path of step.apply) {
      const applied = loadFile(path, readFile, caseFile.file);
      for (const d of applied.docs) {
        if (d.id === undefined) continue;
        const old = removeDoc(files, d.id);
        if (!old) {
          if (!initialTimesStamped) {
            stampMissingCreationTimes(files, creationTime(0));
            initialTimesStamped = true;
          }
          if (!hasCreationTime(d.doc)) d.doc.setIn(CREATION_TIMESTAMP, creationTime(i + 1));
          continue;
        }
        const created = old.doc.getIn(CREATION_TIMESTAMP);
        if (created !== undefined && !hasCreationTime(d.doc))
          d.doc.setIn(CREATION_TIMESTAMP, created);
        previousGeneration[d.id] = old.generation;
        d.generation = specOf(old.doc) === specOf(d.doc) ? old.generation : old.generation + 1;
        d.doc.setIn(["metadata", "generation"], d.generation);
      }
      applied.text = undefined;
      files.push(applied);
    }
    states.push({
      step: i + 1,
      sources: toSources(files),
      previousGeneration,
      generations: generationsOf(files),
    });
  });
  return states;
}

const CREATION_TIMESTAMP = ["metadata", "creationTimestamp"];
/**
 * The creation time of objects created by step `step` (0 = the initial manifests): a fixed day,
 * one second per step, because the engine reads no clock and only the order matters.
 */
function creationTime(step: number): string {
  const two = (n: number): string => String(n).padStart(2, "0");
  const s = Math.min(step, 86_399);
  return `2026-01-01T${two(Math.floor(s / 3600))}:${two(Math.floor(s / 60) % 60)}:${two(s % 60)}Z`;
}

function hasCreationTime(doc: Document): boolean {
  return doc.getIn(CREATION_TIMESTAMP) !== undefined;
}

function stampMissingCreationTimes(files: readonly LoadedFile[], time: string): void {
  for (const f of files) {
    for (const d of f.docs) {
      if (d.id === undefined || hasCreationTime(d.doc)) continue;
      d.doc.setIn(CREATION_TIMESTAMP, time);
      f.text = undefined;
    }
  }
}

export function objectIdKey(id: ObjectId): string {
  return `${id.kind}/${id.namespace ?? ""}/${id.name}`;
}

function loadFile(path: string, readFile: ReadFile, caseFile: string): LoadedFile {
  let text: string;
  try {
    text = readFile(path);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw new Error(
      `${caseFile}: cannot read manifest file ${path} (${why}); check the path, which is relative to the case file`,
      { cause: e },
    );
  }
  const docs = parseAllDocuments(text, QUIET_YAML);
  const list = Array.isArray(docs) ? docs : [];
  return { name: path, text, docs: list.map((doc) => describeDoc(doc)) };
}

function describeDoc(doc: Document): LoadedDoc {
  const js: unknown = doc.errors.length === 0 ? doc.toJS() : undefined;
  if (
    !isRecord(js) ||
    typeof js.kind !== "string" ||
    !isRecord(js.metadata) ||
    typeof js.metadata.name !== "string"
  ) {
    return { id: undefined, doc, generation: 1 };
  }
  const meta = js.metadata;
  const id: ObjectId = { kind: js.kind, name: meta.name as string };
  if (typeof meta.namespace === "string") id.namespace = meta.namespace;
  const generation = typeof meta.generation === "number" ? meta.generation : 1;
  return { id: objectIdKey(id), doc, generation };
}

function removeDoc(files: LoadedFile[], id: string): LoadedDoc | undefined {
  for (const f of files) {
    const at = f.docs.findIndex((d) => d.id === id);
    if (at < 0) continue;
    const [removed] = f.docs.splice(at, 1);
    f.text = undefined;
    return removed;
  }
  return undefined;
}

function generationsOf(files: readonly LoadedFile[]): Record<string, number> {
  const out: Record<string, number> = dict();
  for (const f of files) for (const d of f.docs) if (d.id !== undefined) out[d.id] = d.generation;
  return out;
}

function toSources(files: readonly LoadedFile[]): SourceFile[] {
  return files.map((f) => ({
    name: f.name,
    text:
      f.text ??
      f.docs
        .map((d) => String(d.doc))
        .map((t) => `---\n${t}`)
        .join(""),
  }));
}

/** Everything but metadata and status: what decides whether the API server bumps generation. */
function specOf(doc: Document): string {
  const js: unknown = doc.toJS();
  if (!isRecord(js)) return "";
  const { metadata: _m, status: _s, ...rest } = js;
  return stableStringify(rest);
}

function stableStringify(x: unknown): string {
  if (Array.isArray(x)) return `[${x.map(stableStringify).join(",")}]`;
  if (isRecord(x)) {
    const keys = Object.keys(x).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${stableStringify(x[k])}`).join(",")}}`;
  }
  return JSON.stringify(x) ?? "null";
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}
