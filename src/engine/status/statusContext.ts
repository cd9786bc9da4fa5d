/**
 * What every status builder needs: the index, the source locator for diagnostics, the clock,
 * and the diagnostics collected so far. Condition and diagnostic construction live here so
 * every condition carries observedGeneration and lastTransitionTime alike.
 */
import type { Readings } from "../readings/readings";
import type { ConditionStatus } from "../api/conditions";
import type { DiagnosticCode } from "../diagnostics/catalog";
import { diagnostic } from "../diagnostics/diagnostic";
import type { SourceLocator } from "../load/loadManifests";
import { resourceKey } from "../api/keys";
import type { ResourceIndex } from "../resolve/indexResources";
import type { AssumedGrantEntry, AssumedObject } from "../resolve/world";
import type { AdmissionMemo } from "./checkListenerAdmission";
import type { Condition, Diagnostic, FieldPath, Manifest } from "../types";

export interface StatusContext {
  index: ResourceIndex;
  locator: SourceLocator;
  now: string;
  diagnostics: Diagnostic[];
  /** Objects the world assumed, by key, with the manifest of their first reference. */
  assumptions: Map<string, { object: AssumedObject; referrer: Manifest; code: DiagnosticCode }>;
  /** Non-default readings of unsettled spec points (AnalyzeOptions.readings). */
  readings?: Readings;
  /**
   * Admission checks shared across the routes of this run (checkListenerAdmission). Optional: a
   * context without it builds every check afresh, with the same result.
   */
  admission?: AdmissionMemo;
}

export interface AssumptionNote {
  code: DiagnosticCode;
  kind: string;
  namespace?: string;
  /** Absent when unknown (an assumed ReferenceGrant): the record is then one per kind and namespace. */
  name?: string;
  /** For an assumed ReferenceGrant: the (from, to) this reference needs it to allow. */
  allows?: AssumedGrantEntry;
  why: string;
  facts: string[];
  closedWorld: string;
}

/**
 * Records that a reference relied on an assumed object. One record (and later one diagnostic)
 * per object however many references rely on it; facts accumulate (each referenced port), and
 * so do the different closed-world consequences of its references.
 */
export function recordAssumption(
  ctx: StatusContext,
  note: AssumptionNote,
  referrer: Manifest,
  path: FieldPath,
): void {
  const key = resourceKey(note.kind, note.namespace, note.name ?? "");
  const existing = ctx.assumptions.get(key);
  if (existing) {
    existing.object.references += 1;
    // References of different kinds fare differently in a closed world (a route's own backend
    // answers 500, a TCPRoute's refuses the connection, a mirror only stops copying): tell each.
    if (!existing.object.closedWorld.split("; ").includes(note.closedWorld))
      existing.object.closedWorld += `; ${note.closedWorld}`;
    for (const fact of note.facts)
      if (!existing.object.facts.includes(fact)) existing.object.facts.push(fact);
    const allows = existing.object.allows;
    if (note.allows !== undefined && allows !== undefined && !allows.some(sameEntry(note.allows)))
      allows.push(note.allows);
    return;
  }
  const object: AssumedObject = {
    key,
    kind: note.kind,
    // Before `why`, where records of named objects have always had it (their JSON stays the same).
    ...(note.name !== undefined ? { name: note.name } : {}),
    why: note.why,
    facts: [...note.facts],
    closedWorld: note.closedWorld,
    firstReference: { object: referrer.key, path: [...path] },
    references: 1,
  };
  if (note.namespace !== undefined) object.namespace = note.namespace;
  if (note.allows !== undefined) object.allows = [note.allows];
  ctx.assumptions.set(key, { object, referrer, code: note.code });
}

function sameEntry(a: AssumedGrantEntry): (b: AssumedGrantEntry) => boolean {
  return (b) =>
    a.from.group === b.from.group &&
    a.from.kind === b.from.kind &&
    a.from.namespace === b.from.namespace &&
    a.to.group === b.to.group &&
    a.to.kind === b.to.kind;
}

/** The info diagnostic of each assumed object, at its first reference. */
export function assumptionDiagnostics(ctx: StatusContext): Diagnostic[] {
  return [...ctx.assumptions.values()].map(({ object, referrer, code }) => {
    const uses = object.references > 1 ? ` ${object.references} references rely on it.` : "";
    const message = `${describeAssumed(object, code)} because ${object.why}. In a closed world: ${object.closedWorld}.${uses}`;
    const at =
      referrer.namespace !== undefined
        ? { kind: referrer.kind, namespace: referrer.namespace, name: referrer.name }
        : { kind: referrer.kind, name: referrer.name };
    return diagnostic(code, ctx.locator.locate(referrer, object.firstReference.path), message, {
      object: at,
      docIndex: referrer.source.docIndex,
      path: object.firstReference.path,
    });
  });
}

/** "Service team-b/x is not in the workspace; assumed to exist (port 8080, …)". */
function describeAssumed(object: AssumedObject, code: DiagnosticCode): string {
  // Support for an implementation-specific kind or protocol: a property of the unknown
  // controller, not an object; its facts are the sentences (implementationNotes.ts).
  if (
    code === "assume.backend-kind" ||
    code === "assume.listener-protocol" ||
    code === "assume.address-type"
  )
    return object.facts.join("; ");
  if (code === "assume.namespace-labels")
    return `Namespace ${object.name ?? ""} is not in the workspace; assumed ${object.facts.join("; ")}`;
  if (object.name === undefined) {
    // Known by what it allows, not by name: "ReferenceGrant in namespace svc … assumed to allow …".
    const where = object.namespace !== undefined ? ` in namespace ${object.namespace}` : "";
    return `${object.kind}${where} is not in the workspace; assumed to allow ${object.facts.join("; ")}`;
  }
  const name = object.namespace !== undefined ? `${object.namespace}/${object.name}` : object.name;
  const facts = object.facts.length ? ` (${object.facts.join(", ")})` : "";
  return `${object.kind} ${name} is not in the workspace; assumed to exist${facts}`;
}

export function makeCondition(
  owner: Manifest,
  now: string,
  type: string,
  status: ConditionStatus,
  reason: string,
  message: string,
): Condition {
  return {
    type,
    status,
    reason,
    message,
    observedGeneration: owner.generation,
    lastTransitionTime: now,
  };
}

/** A condition factory bound to one object. */
export function conditionsFor(ctx: StatusContext, owner: Manifest) {
  return (type: string, status: ConditionStatus, reason: string, message: string): Condition =>
    makeCondition(owner, ctx.now, type, status, reason, message);
}

export function reportDiagnostic(
  ctx: StatusContext,
  code: DiagnosticCode,
  manifest: Manifest,
  path: FieldPath,
  message: string,
): void {
  const object =
    manifest.namespace !== undefined
      ? { kind: manifest.kind, namespace: manifest.namespace, name: manifest.name }
      : { kind: manifest.kind, name: manifest.name };
  ctx.diagnostics.push(
    diagnostic(code, ctx.locator.locate(manifest, path), message, {
      object,
      docIndex: manifest.source.docIndex,
      path,
    }),
  );
}
