/**
 * An edit that adds or removes lines (Enter, a deleted line, a pasted block, a comment between
 * documents) moves every later document: the objects are the same, but everything revision n
 * located in them points at the old lines. This module carries revision n's located results over
 * to the new lines, so the incremental pass can go on as if the edit had moved nothing.
 *
 * Why shift rather than store locations relative to their document: analyze(), the CLI and the
 * page read absolute lines, the loader and the locator produce them, and every stage copies them
 * into its diagnostics; making them relative would change every producer and consumer for the sake
 * of the one pass that reuses results. The located results an edit can reuse are few and known
 * (objects' line ranges, status diagnostics, lint findings, drift entries), so they are rewritten
 * here, from the documents' old and new line ranges, and nowhere else.
 *
 * Each object of revision n is at the same position of the new load, with the same file and column
 * (editedPositions in reanalyze.ts proves it); its document index moves when a `---` typed or
 * deleted before it split or joined a document, and what is located in it moves with it. Per object:
 * - moved whole (its first and last lines both moved by the same count): whatever is located in
 *   its lines moves by that count (a diagnostic's column stays: no line of it changed);
 * - laid out anew inside (an edited object, or lines added or removed within it): a diagnostic in
 *   it is located again by its field path, and only when revision n located it by that very path
 *   (the old locator gives its old place), so the new place is the one a fresh run gives.
 * A diagnostic outside every object's lines, or in an object but about another one, is not
 * shifted on a guess: the caller runs the full pipeline.
 */
import { resourceKey, type ResourceKey } from "../api/keys";
import type { AnalyzedRevision, StageOutputs } from "../analyze";
import { mergeDiagnostics, summarize } from "../analyze";
import type { RevisionAnalysis } from "../analysisTypes";
import { parseFieldPath } from "../fixits/buildSuggestedValueFixes";
import type { SourceLocator } from "../load/sourceLocator";
import type { LintFinding } from "../lint/lintTypes";
import type { ValidatedLoad } from "../validate/loadValidated";
import type { Diagnostic, Manifest, SourceLocation } from "../types";
import { recordPlaceOnlyRuns } from "../placeOnlyRuns";

/** One object's lines in revision n and where they went. */
interface Span {
  line: number;
  endLine: number;
  /** Lines the object moved by, when it moved whole; undefined when laid out anew inside. */
  delta: number | undefined;
  /** Documents its document was renumbered by (a `---` typed or deleted before it). */
  docDelta: number;
  before: Manifest;
  after: Manifest;
}

/** Revision n's located results on the new lines, and the objects that moved. */
export interface ShiftedRevision {
  stages: StageOutputs;
  analysis: RevisionAnalysis;
  /**
   * The positions (ascending) whose object's new self differs: moved, or edited (every position
   * the caller found edited is one of them).
   */
  movedAt: readonly number[];
}

/**
 * Revision n with its located results carried to the new load's lines, or why they cannot be.
 * `edited`: positions whose objects changed (laid out anew whatever their lines did).
 */
export function shiftedRevision(
  previous: AnalyzedRevision,
  loaded: ValidatedLoad,
  edited: readonly number[],
): ShiftedRevision | string {
  const stages = previous.stages;
  if (stages.drift.length > 0)
    return "lines moved in an input that carries a controller's status (drift is located)";
  if (!sameApartFromPlaces(stages.loadDiagnostics, loaded.loadDiagnostics))
    return "what the loader reports changed";
  const editedSet = new Set(edited);
  const movedAt = movedPositions(stages.manifests, loaded.manifests, editedSet);
  if (typeof movedAt === "string") return movedAt;
  // The spans are built for the first finding to carry over: most inputs have few or none, and
  // at 10,000 objects a span per object was a tenth of a keystroke's work.
  let relocateFinding: ((d: Diagnostic) => Diagnostic | string) | undefined;
  const relocate = (d: Diagnostic): Diagnostic | string =>
    (relocateFinding ??= relocation(
      spansOf(stages.manifests, loaded.manifests, editedSet),
      stages.locator,
      loaded.locator,
    ))(d);
  const statusDiagnostics = mapAll(stages.statusDiagnostics, relocate);
  if (typeof statusDiagnostics === "string") return statusDiagnostics;
  const lintByRule: (readonly LintFinding[])[] = [];
  for (const findings of stages.lintByRule) {
    const shifted = mapAll(findings, (f) => {
      const d = relocate(f.diagnostic);
      return typeof d === "string" ? d : d === f.diagnostic ? f : { ...f, diagnostic: d };
    });
    if (typeof shifted === "string") return shifted;
    lintByRule.push(shifted);
  }
  const analysis = previous.analysis;
  const objects = analysis.objects.slice();
  const placeOnly: [start: number, count: number][] = [];
  for (const i of movedAt) {
    objects[i] = summarize(loaded.manifests[i] as Manifest);
    // Not edited: the same key, apiVersion and modelling (editedPositions), so the same summary
    // but for its place (the delta then reads only that: ../placeOnlyRuns.ts).
    if (editedSet.has(i)) continue;
    const run = placeOnly[placeOnly.length - 1];
    if (run !== undefined && run[0] + run[1] === i) run[1]++;
    else placeOnly.push([i, 1]);
  }
  recordPlaceOnlyRuns(objects, { from: analysis.objects, runs: placeOnly });
  const lint = lintByRule.flat();
  const nextStages: StageOutputs = {
    ...stages,
    loadDiagnostics: loaded.loadDiagnostics,
    validationDiagnostics: loaded.validationDiagnostics,
    statusDiagnostics,
    lintByRule,
  };
  const diagnostics = mergeDiagnostics(
    loaded.loadDiagnostics,
    loaded.validationDiagnostics,
    statusDiagnostics,
    lint,
    stages.drift,
  );
  return { stages: nextStages, analysis: { ...analysis, objects, lint, diagnostics }, movedAt };
}

/**
 * The positions whose object moved or was laid out anew (edited), or why its places cannot be
 * carried over: a file with `kind: List` items that moved (items share their document's lines).
 */
function movedPositions(
  before: readonly Manifest[],
  after: readonly Manifest[],
  edited: ReadonlySet<number>,
): number[] | string {
  const moved: number[] = [];
  for (let i = 0; i < before.length; i++) {
    const was = (before[i] as Manifest).source;
    const now = (after[i] as Manifest).source;
    const delta = now.line - was.line;
    const renumbered = now.docIndex !== was.docIndex;
    if (delta === 0 && now.endLine === was.endLine && !renumbered && !edited.has(i)) continue;
    if (was.listIndex !== undefined) return "lines moved in a `kind: List` document";
    moved.push(i);
  }
  return moved;
}

/** Every object's span, by file in line order. */
function spansOf(
  before: readonly Manifest[],
  after: readonly Manifest[],
  edited: ReadonlySet<number>,
): Map<string, Span[]> {
  const byFile = new Map<string, Span[]>();
  for (let i = 0; i < before.length; i++) {
    const b = before[i] as Manifest;
    const a = after[i] as Manifest;
    const was = b.source;
    const now = a.source;
    const delta = now.line - was.line;
    const whole = now.endLine - was.endLine === delta && !edited.has(i);
    let spans = byFile.get(was.file);
    if (spans === undefined) byFile.set(was.file, (spans = []));
    spans.push({
      line: was.line,
      endLine: was.endLine,
      delta: whole ? delta : undefined,
      docDelta: now.docIndex - was.docIndex,
      before: b,
      after: a,
    });
  }
  for (const spans of byFile.values()) spans.sort((x, y) => x.line - y.line);
  return byFile;
}

/** A diagnostic of revision n at its new place, itself when it did not move, or why not. */
function relocation(
  byFile: ReadonlyMap<string, readonly Span[]>,
  oldLocator: SourceLocator,
  newLocator: SourceLocator,
): (d: Diagnostic) => Diagnostic | string {
  return (d) => {
    const spans = byFile.get(d.file);
    if (spans === undefined) return d;
    const at = lastAtOrBefore(spans, d.line);
    const span = at < 0 ? undefined : spans[at];
    const next = spans[at + 1];
    if (span === undefined || d.line > span.endLine) {
      // Between documents (a comment): it moves with the documents on either side, if alike.
      const around = [
        span === undefined ? 0 : span.delta,
        next === undefined ? span?.delta : next.delta,
      ];
      const docs = [span?.docDelta ?? 0, (next ?? span)?.docDelta ?? 0];
      if (around[0] !== around[1] || around[0] === undefined || docs[0] !== docs[1])
        return "a finding of revision n lies between documents that moved apart";
      return shifted(d, around[0], docs[0] as number);
    }
    if (span.delta !== undefined) return shifted(d, span.delta, span.docDelta);
    if (ownerOf(d) !== span.before.key)
      return "a finding of revision n about another object lies in a document laid out anew";
    const again = locatedAgain(d, span, oldLocator, newLocator);
    return typeof again === "string" ? again : renumbered(again, span.docDelta);
  };
}

/** Index of the last span starting at or before `line`, -1 when none does. */
function lastAtOrBefore(spans: readonly Span[], line: number): number {
  let lo = 0;
  let hi = spans.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((spans[mid] as Span).line <= line) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** The diagnostic `lines` lines and `docs` documents further on (its document's move). */
function shifted(d: Diagnostic, lines: number, docs: number): Diagnostic {
  const moved = lines === 0 ? d : { ...d, line: d.line + lines, endLine: d.endLine + lines };
  return renumbered(moved, docs);
}

/** The diagnostic in a document renumbered by `docs` (a `---` typed or deleted before it). */
function renumbered(d: Diagnostic, docs: number): Diagnostic {
  return docs === 0 || d.docIndex === undefined ? d : { ...d, docIndex: d.docIndex + docs };
}

/**
 * The diagnostic located by its field path in the object's new layout, when revision n located it
 * by that path (at its value or at its key); else why not.
 */
function locatedAgain(
  d: Diagnostic,
  span: Span,
  oldLocator: SourceLocator,
  newLocator: SourceLocator,
): Diagnostic | string {
  const path = d.path === undefined ? [] : parseFieldPath(d.path);
  if (path === undefined) return "a finding of revision n has a field path that does not parse";
  const ways = [(l: SourceLocator) => l.locate, (l: SourceLocator) => l.locateKey];
  for (const way of ways) {
    const before = way(oldLocator);
    const after = way(newLocator);
    if (before === undefined || after === undefined) continue;
    if (!sameLocation(before(span.before, path), d)) continue;
    const now = after(span.after, path);
    return sameLocation(now, d) ? d : { ...d, ...now };
  }
  return "a finding of revision n is not located by its field path";
}

function sameLocation(at: SourceLocation, d: Diagnostic): boolean {
  return (
    at.file === d.file &&
    at.line === d.line &&
    at.column === d.column &&
    at.endLine === d.endLine &&
    at.endColumn === d.endColumn
  );
}

function ownerOf(d: Diagnostic): ResourceKey | undefined {
  const o = d.object;
  return o === undefined ? undefined : resourceKey(o.kind, o.namespace, o.name);
}

/** `list` with each item mapped; the very list when none changed; the first refusal else. */
function mapAll<T>(list: readonly T[], map: (item: T) => T | string): readonly T[] | string {
  let out: T[] | undefined;
  for (let i = 0; i < list.length; i++) {
    const item = list[i] as T;
    const next = map(item);
    if (typeof next === "string") return next;
    if (next === item) continue;
    out ??= list.slice();
    out[i] = next;
  }
  return out ?? list;
}

/**
 * Whether two lists of diagnostics say the same apart from their lines and columns: what the
 * incremental pass compares when an edit moved lines (the places are carried over apart).
 */
export function sameApartFromLines(
  a: readonly Diagnostic[] | undefined,
  b: readonly Diagnostic[] | undefined,
): boolean {
  return sameUnlocated(a, b, (d) => ({ ...d, line: 0, column: 0, endLine: 0, endColumn: 0 }));
}

/**
 * The same apart from lines, columns and document indexes: what the loader reports in documents
 * that only moved (the new load's own list is the one kept, so it is compared only to prove that
 * nothing but the places changed).
 */
function sameApartFromPlaces(a: readonly Diagnostic[], b: readonly Diagnostic[]): boolean {
  return sameUnlocated(a, b, (d) => {
    const { docIndex: _docIndex, ...rest } = d;
    return { ...rest, line: 0, column: 0, endLine: 0, endColumn: 0 };
  });
}

function sameUnlocated(
  a: readonly Diagnostic[] | undefined,
  b: readonly Diagnostic[] | undefined,
  unplaced: (d: Diagnostic) => object,
): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++)
    if (
      JSON.stringify(unplaced(a[i] as Diagnostic)) !== JSON.stringify(unplaced(b[i] as Diagnostic))
    )
      return false;
  return true;
}
