/**
 * Differential fuzzing of the worker's incremental session (issue 11: "the worker's cached results
 * equal a fresh computation after random edit sequences").
 *
 * A sequence starts from real manifests (the seed corpus) and applies random edits of the kinds a
 * user makes: weights, hostnames, ports, a typed or deleted character, broken YAML, documents and
 * files added or removed, objects renamed, moved to another namespace, and undo. After every edit
 * three sessions analyse the workspace and must serialize byte for byte the same:
 * (a) one long-lived worker session (revision cache, parse cache, incremental pass);
 * (b) the same worker as the page talks to it, starting with no on-demand engine module loaded
 *     (withOnDemandModules retries a call once it loaded the module it needed) and receiving each
 *     analysis as a delta applied on the page's side (analysisReceiver);
 * (c) a fresh worker that analyses this text alone.
 * The platform checks (fix-its, isolation lens) derived from (a)'s cached revision are compared
 * with (c)'s too. A mismatch is shrunk to the fewest edits that still show it.
 */
import fc from "fast-check";
import {
  emptyEngineModuleRegistry,
  swapEngineModuleRegistry,
  type EngineModules,
} from "../src/engine/modules/engineModules";
import type { SourceFile } from "../src/engine";
import { DEFAULT_WORLD_MODE } from "../src/engine/resolve/world";
import { createAnalysisReceiver } from "../src/worker/analysisReceiver";
import { createEngineApi } from "../src/worker/engineApi";
import { withOnDemandModules } from "../src/worker/onDemandModules";
import { createRevisionCache } from "../src/worker/revisionCache";
import type { SeedFile } from "./mutations";
import { structuredEditArb } from "./structuredMutations";
import { withMarkerDeleted, withMarkerTyped } from "../src/test-utils/markerEdits";

const clock = () => "2026-01-01T00:00:00Z";

/** A small seeded generator (mulberry32): a sequence depends only on its seed. */
export function randomSource(seed: number): () => number {
  let state = seed | 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;
const below = (random: Random, n: number): number => Math.floor(random() * n);
const pick = <T>(random: Random, items: readonly T[]): T => items[below(random, items.length)] as T;

/** Every match of a global regex, with its position. */
function matchesOf(text: string, pattern: RegExp): RegExpExecArray[] {
  const found: RegExpExecArray[] = [];
  for (const m of text.matchAll(pattern)) found.push(m as RegExpExecArray);
  return found;
}

/** Replaces capture group 1 of one random match of `pattern` (global, one group) with `by`. */
function replaceOneGroup(
  text: string,
  pattern: RegExp,
  random: Random,
  by: (old: string) => string,
): string | undefined {
  const found = matchesOf(text, pattern);
  if (found.length === 0) return undefined;
  const m = pick(random, found);
  const group = m[1] as string;
  const start = m.index + m[0].length - group.length;
  return text.slice(0, start) + by(group) + text.slice(start + group.length);
}

const HOSTS = ["store.example.com", "*.example.com", "api.example.net", "Example.COM", "a", ""];
const NAMESPACES = ["default", "store", "infra", "moved", "kube-system"];
const JUNK_LINES = ["  bad: [unclosed", "\t- tab", "key: value: other", "  ? complex", "'", "---"];
const TYPED = ["a", "-", ":", " ", "\n", "1", "#", '"', "*"];

/** One edit of a file's text, or undefined when the text has nothing it applies to. */
type TextEdit = (text: string, random: Random, seeds: readonly SeedFile[]) => string | undefined;

const documentsOf = (text: string): string[] => text.split(/^---[ \t]*$/m);

const TEXT_EDITS: Record<string, TextEdit> = {
  weight: (text, random) =>
    replaceOneGroup(text, /weight: (\d+)/g, random, () => String(pick(random, [0, 1, 3, 50, 1e6]))),
  port: (text, random) =>
    replaceOneGroup(text, /port: (\d+)/g, random, () => String(pick(random, [80, 443, 8080, 0]))),
  hostname: (text, random) =>
    replaceOneGroup(text, /(?:hostname: |- )"?([*a-z0-9][-a-z0-9.]*\.[a-z]+)"?/g, random, () =>
      pick(random, HOSTS),
    ),
  typeChar: (text, random) => {
    const at = below(random, text.length + 1);
    return text.slice(0, at) + pick(random, TYPED) + text.slice(at);
  },
  deleteChar: (text, random) => {
    if (text.length === 0) return undefined;
    const at = below(random, text.length);
    return text.slice(0, at) + text.slice(at + 1);
  },
  breakYaml: (text, random) => {
    const lines = text.split("\n");
    const at = below(random, lines.length + 1);
    lines.splice(at, random() < 0.5 ? 0 : 1, pick(random, JUNK_LINES));
    return lines.join("\n");
  },
  indent: (text, random) => {
    const lines = text.split("\n");
    const at = below(random, lines.length);
    lines[at] = random() < 0.5 ? `  ${lines[at]}` : (lines[at] as string).replace(/^ {2}/, "");
    return lines.join("\n");
  },
  addDocument: (text, random, seeds) => {
    const documents = documentsOf(pick(random, seeds).text).filter((d) => d.trim() !== "");
    if (documents.length === 0) return undefined;
    const document = pick(random, documents).replace(/^\n+/, "");
    return `${text.replace(/\n*$/, "")}\n---\n${document}`;
  },
  // A `---` typed at the start of a line (a document split, or a new empty one) or one deleted
  // (two documents joined): every later document renumbered (reloadFile.ts, shiftLocations.ts).
  newMarker: (text, random) => withMarkerTyped(text, below(random, text.length + 1)),
  deleteMarker: (text, random) => {
    const deleted = withMarkerDeleted(text, below(random, text.length + 1));
    return deleted === text ? undefined : deleted;
  },
  removeDocument: (text, random) => {
    const documents = documentsOf(text);
    if (documents.length < 2) return undefined;
    documents.splice(below(random, documents.length), 1);
    return documents.join("---");
  },
  duplicateDocument: (text, random) => {
    const documents = documentsOf(text).filter((d) => d.trim() !== "");
    if (documents.length === 0) return undefined;
    return `${text.replace(/\n*$/, "")}\n---\n${pick(random, documents).replace(/^\n+/, "")}`;
  },
  renameObject: (text, random) => {
    const names = matchesOf(text, /^ {2}name: ([-a-z0-9.]+)$/gm);
    if (names.length === 0) return undefined;
    const name = (pick(random, names)[1] as string) || "x";
    const renamed = `${name}-${pick(random, ["v2", "x", "renamed"])}`;
    // Half the time every reference follows (a refactor), else only the one declaration.
    if (random() < 0.5) return text.split(name).join(renamed);
    return replaceOneGroup(text, /^ {2}name: ([-a-z0-9.]+)$/gm, random, () => renamed);
  },
  moveNamespace: (text, random) =>
    replaceOneGroup(text, /namespace: ([-a-z0-9]+)/g, random, () => pick(random, NAMESPACES)),
  // A field of a real object set to a hostile value (wrong type, out of range, hostile string),
  // a field added or a key renamed, a document made a scalar: valid YAML, broken Gateway API.
  hostileField: (text, random) => {
    const [mutate] = fc.sample(structuredEditArb, { seed: below(random, 2 ** 31), numRuns: 1 });
    return mutate?.(text);
  },
};
const EDIT_NAMES = Object.keys(TEXT_EDITS);

/** A workspace: its files in order. */
export type Workspace = readonly SourceFile[];

export interface EditSequence {
  /** The workspace before each step's analysis: step 0 is the starting workspace. */
  steps: Workspace[];
  /** What each step did (step 0: "start"). */
  labels: string[];
}

/** The edit sequence of number `index` in the campaign with seed `seed`. */
export function editSequence(
  seeds: readonly SeedFile[],
  seed: number,
  index: number,
  length: number,
): EditSequence {
  const random = randomSource((Math.imul(seed | 0, 0x9e3779b1) ^ index) | 0);
  const start: SourceFile[] = [{ name: "workspace.yaml", text: pick(random, seeds).text }];
  if (random() < 0.3) start.push({ name: "more.yaml", text: pick(random, seeds).text });
  const steps: Workspace[] = [start];
  const labels = ["start"];
  while (steps.length <= length) {
    const current = steps[steps.length - 1] as Workspace;
    const roll = random();
    if (roll < 0.08 && steps.length > 1) {
      // Undo: back to a workspace a few steps ago (the revision cache may still hold it).
      const back = Math.min(steps.length - 1, 1 + below(random, 3));
      steps.push(steps[steps.length - 1 - back] as Workspace);
      labels.push(`undo ${back}`);
      continue;
    }
    if (roll < 0.12) {
      const seedFile = pick(random, seeds);
      steps.push([...current, { name: `added-${steps.length}.yaml`, text: seedFile.text }]);
      labels.push(`addFile ${seedFile.name}`);
      continue;
    }
    if (roll < 0.15 && current.length > 1) {
      const at = below(random, current.length);
      steps.push(current.filter((_, i) => i !== at));
      labels.push(`removeFile ${at}`);
      continue;
    }
    const fileAt = below(random, current.length);
    const file = current[fileAt] as SourceFile;
    const name = pick(random, EDIT_NAMES);
    const text = (TEXT_EDITS[name] as TextEdit)(file.text, random, seeds);
    if (text === undefined || text === file.text) continue;
    steps.push(current.map((f, i) => (i === fileAt ? { name: f.name, text } : f)));
    labels.push(`${name} ${file.name}`);
  }
  return { steps, labels };
}

/** A JSON text of any result: Maps and Sets as their entries, non-finite numbers spelt out. */
export function serialize(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v instanceof Map) return { "<Map>": [...v.entries()] };
    if (v instanceof Set) return { "<Set>": [...v.values()] };
    if (typeof v === "number" && !Number.isFinite(v)) return `<${String(v)}>`;
    if (v === undefined) return "<undefined>";
    return v;
  });
}

export interface Mismatch {
  /** The step whose results differ (an index into the sequence's steps). */
  step: number;
  /** Which comparison: "incremental", "late-modules", "platform-checks" or "exception". */
  kind: string;
  /** Where the serialized results part, with some context either side. */
  detail: string;
}

function firstDifference(expected: string, actual: string): string {
  let at = 0;
  while (at < expected.length && expected.charCodeAt(at) === actual.charCodeAt(at)) at++;
  const from = Math.max(0, at - 120);
  return `at char ${at}: fresh …${expected.slice(from, at + 80)}… vs session …${actual.slice(from, at + 80)}…`;
}

/** Runs `call` with `registry` as the engine's registry of loaded modules, then restores it. */
async function withRegistry<T>(
  registry: Partial<EngineModules>,
  call: () => Promise<T>,
): Promise<T> {
  const previous = swapEngineModuleRegistry(registry);
  try {
    return await call();
  } finally {
    swapEngineModuleRegistry(previous);
  }
}

const describeError = (error: unknown): string =>
  error instanceof Error ? `${error.name}: ${error.message}` : String(error);

/**
 * Runs the three sessions over the sequence's workspaces; the first mismatch, or undefined. Also
 * returns the slowest step's time (all three sessions and the checks).
 */
export async function diffSequence(
  steps: readonly Workspace[],
): Promise<{ mismatch?: Mismatch; worstStepMs: number }> {
  const incremental = createEngineApi(createRevisionCache({ clock }));
  const lateRegistry = emptyEngineModuleRegistry();
  const late = withOnDemandModules(createEngineApi(createRevisionCache({ clock })));
  const page = createAnalysisReceiver("fuzz", (...args) => late.analysisUpdate(...args));
  let worstStepMs = 0;
  for (const [step, workspace] of steps.entries()) {
    const started = performance.now();
    const sources = workspace.map((f) => ({ name: f.name, text: f.text }));
    const fresh = createEngineApi(createRevisionCache({ clock }));
    let expected: string;
    try {
      expected = serialize(fresh.analyze(step, sources).analysis);
    } catch (error) {
      return { mismatch: { step, kind: "exception", detail: describeError(error) }, worstStepMs };
    }
    const compare = (kind: string, actual: string): Mismatch | undefined =>
      actual === expected ? undefined : { step, kind, detail: firstDifference(expected, actual) };
    try {
      const a = compare("incremental", serialize(incremental.analyze(step, sources).analysis));
      if (a !== undefined) return { mismatch: a, worstStepMs };
      const received = await withRegistry(lateRegistry, () =>
        page.analyze(step, sources, DEFAULT_WORLD_MODE),
      );
      const b = compare("late-modules", serialize(received.analysis));
      if (b !== undefined) return { mismatch: b, worstStepMs };
      const checks = serialize(await incremental.platformChecks(step, sources));
      const freshChecks = serialize(await fresh.platformChecks(step, sources));
      if (checks !== freshChecks) {
        const detail = firstDifference(freshChecks, checks);
        return { mismatch: { step, kind: "platform-checks", detail }, worstStepMs };
      }
    } catch (error) {
      return { mismatch: { step, kind: "exception", detail: describeError(error) }, worstStepMs };
    }
    worstStepMs = Math.max(worstStepMs, performance.now() - started);
  }
  return { worstStepMs };
}

/**
 * The fewest steps that still show a mismatch of the same kind: drops earlier steps one at a time
 * (the failing step stays last), keeping each removal that still fails.
 */
export async function shrinkSequence(
  steps: readonly Workspace[],
  mismatch: Mismatch,
): Promise<{ steps: Workspace[]; mismatch: Mismatch }> {
  let kept = steps.slice(0, mismatch.step + 1);
  let last = mismatch;
  for (let i = kept.length - 2; i >= 0; i--) {
    const candidate = kept.filter((_, j) => j !== i);
    const result = await diffSequence(candidate);
    if (result.mismatch?.kind === mismatch.kind) {
      kept = candidate.slice(0, result.mismatch.step + 1);
      last = result.mismatch;
      i = Math.min(i, kept.length - 1);
    }
  }
  return { steps: kept, mismatch: last };
}
