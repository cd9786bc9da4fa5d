/**
 * A fix-it is offered only when re-analysis proves it: applied to its file, the problem it names
 * is gone (one fewer route parent with that reason, or one fewer diagnostic with that code on that
 * object), and nothing else got worse (no new diagnostic, no condition newly in a bad state). A
 * generator's guess that leaves the route refused, or fixes one thing by breaking another, is
 * dropped instead of shown.
 */
import { analyze, type AnalyzedRevision } from "../analyze";
import type { Analysis } from "../analysisTypes";
import { resourceKey } from "../api/keys";
import { applyEdits } from "../edit/applyEdits";
import type { Condition, ObjectStatus } from "../types";
import type { FixIt } from "./fixItTypes";

export function verifyFixIt(revision: AnalyzedRevision, fix: FixIt): boolean {
  const { sources, analysis: before } = revision;
  const source = sources.find((s) => s.name === fix.file);
  if (source === undefined) return false;
  const edited = applyEdits(source.text, fix.edits);
  if (edited.failed.length > 0 || edited.text === source.text) return false;
  const after = analyze(
    sources.map((s) => (s === source ? { name: s.name, text: edited.text } : s)),
    // The options the revision was analysed with (world, readings): a fix proven in another
    // world proves nothing. The parse cache, when there is one, re-parses only the edited chunk.
    { ...revision.options, world: before.world },
  );
  return (
    findingCount(after, fix) < findingCount(before, fix) &&
    onlyGotBetter(before, after, objectKey(fix))
  );
}

/** What the proof compares: a revision's analysis and a fresh one alike (their graphs are not read). */
type Findings = Omit<Analysis, "graph">;

const objectKey = (fix: FixIt) =>
  resourceKey(fix.object.kind, fix.object.namespace, fix.object.name);

/**
 * Which route status reason a fix-it removes, when it is about attachment or references (its
 * `fixes` may name the lint finding instead, which reports the same status).
 */
const STATUS_REASON: Partial<Record<FixIt["kind"], string>> = {
  "reference-grant": "RefNotPermitted",
  "namespace-label": "NotAllowedByListeners",
  "allowed-routes": "NotAllowedByListeners",
  "allowed-kinds": "NotAllowedByListeners",
};

/** How many times the problem the fix-it names occurs on its object. */
function findingCount(a: Findings, fix: FixIt): number {
  const key = objectKey(fix);
  const reason = STATUS_REASON[fix.kind];
  if (reason !== undefined) {
    const status = a.status[key];
    if (status === undefined || !("parents" in status)) return 0;
    return status.parents.filter((p) =>
      p.conditions.some((c) => c.status === "False" && c.reason === reason),
    ).length;
  }
  return a.diagnostics.filter(
    (d) =>
      d.code === fix.fixes &&
      d.object !== undefined &&
      resourceKey(d.object.kind, d.object.namespace, d.object.name) === key,
  ).length;
}

/**
 * No diagnostic appears that was not there before, and no bad condition on any other object.
 * The fixed object itself may show new conditions: a route that now attaches is checked further
 * (its backends, say) than one that was refused.
 */
function onlyGotBetter(before: Findings, after: Findings, fixed: string): boolean {
  const others = (a: Findings) => badConditions(a).filter((c) => !c.startsWith(`${fixed} `));
  return (
    isSubMultiset(problems(after), problems(before)) && isSubMultiset(others(after), others(before))
  );
}

/** Diagnostics without their location: an edit moves the lines after it. */
function problems(a: Findings): string[] {
  return a.diagnostics.map(
    (d) =>
      `${d.severity} ${d.code} ${d.object ? resourceKey(d.object.kind, d.object.namespace, d.object.name) : "-"} ${d.path ?? ""} ${d.message}`,
  );
}

/** Conditions in a bad state, per object and parent or listener. */
function badConditions(a: Findings): string[] {
  const out: string[] = [];
  for (const [key, status] of Object.entries(a.status)) {
    for (const [where, conditions] of conditionGroups(status)) {
      for (const c of conditions) if (isBad(c)) out.push(`${key} ${where} ${c.type} ${c.reason}`);
    }
  }
  return out;
}

function conditionGroups(status: ObjectStatus): [string, Condition[]][] {
  const groups: [string, Condition[]][] = [];
  if ("conditions" in status) groups.push(["", status.conditions]);
  if ("listeners" in status)
    for (const l of status.listeners) groups.push([`listener ${l.name}`, l.conditions]);
  if ("parents" in status)
    for (const p of status.parents)
      groups.push([`parent ${JSON.stringify(p.parentRef)}`, p.conditions]);
  if ("ancestors" in status)
    for (const p of status.ancestors)
      groups.push([`ancestor ${JSON.stringify(p.ancestorRef)}`, p.conditions]);
  return groups;
}

/** Conflicted is the one condition whose True is the bad state. */
function isBad(c: Condition): boolean {
  return c.type === "Conflicted" ? c.status === "True" : c.status === "False";
}

function isSubMultiset(items: readonly string[], of: readonly string[]): boolean {
  const counts = new Map<string, number>();
  for (const x of of) counts.set(x, (counts.get(x) ?? 0) + 1);
  for (const x of items) {
    const n = counts.get(x) ?? 0;
    if (n === 0) return false;
    counts.set(x, n - 1);
  }
  return true;
}
