/**
 * What every status builder needs: the index, the source locator for diagnostics, the clock,
 * and the diagnostics collected so far. Condition and diagnostic construction live here so
 * every condition carries observedGeneration and lastTransitionTime alike.
 */
import type { Readings } from '../readings/readings';
import type { ConditionStatus } from '../api/conditions';
import type { DiagnosticCode } from '../diagnostics/catalog';
import { diagnostic } from '../diagnostics/diagnostic';
import type { SourceLocator } from '../load/loadManifests';
import type { ResourceIndex } from '../resolve/indexResources';
import type { Condition, Diagnostic, FieldPath, Manifest } from '../types';

export interface StatusContext {
  index: ResourceIndex;
  locator: SourceLocator;
  now: string;
  diagnostics: Diagnostic[];
  /** Non-default readings of unsettled spec points (AnalyzeOptions.readings). */
  readings?: Readings;
}

export function makeCondition(
  owner: Manifest,
  now: string,
  type: string,
  status: ConditionStatus,
  reason: string,
  message: string,
): Condition {
  return { type, status, reason, message, observedGeneration: owner.generation, lastTransitionTime: now };
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
  const object = manifest.namespace !== undefined
    ? { kind: manifest.kind, namespace: manifest.namespace, name: manifest.name }
    : { kind: manifest.kind, name: manifest.name };
  ctx.diagnostics.push(diagnostic(code, ctx.locator.locate(manifest, path), message, { object, path }));
}
