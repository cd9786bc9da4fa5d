/**
 * A fix-it: a named, minimal set of edits to the YAML that resolves one problem gwsim reports.
 * Plain data (it crosses the worker boundary); applying it is `applyEdits(text, fixIt.edits)` on
 * the text of `fixIt.file`.
 */
import type { ObjectRef } from "../api/keys";
import type { DiagnosticCode } from "../diagnostics/catalog";
import type { EditOp } from "../edit/editOps";

export type FixItKind =
  | "reference-grant"
  | "namespace-label"
  | "allowed-routes"
  | "allowed-kinds"
  | "suggested-value"
  | "renamed-field"
  | "backend-port";

export interface FixIt {
  /** Stable for the same problem in the same configuration: lets the UI keep a selection across re-analyses. */
  id: string;
  kind: FixItKind;
  /** What the fix does, as a button label: "Add ReferenceGrant payments/allow-httproutes-from-shop". */
  title: string;
  /** Why this fix, and what else it changes (e.g. "also admits every other route in namespace shop"). */
  detail: string;
  /** The problem it resolves: a diagnostic code, or the route status reason. */
  fixes: DiagnosticCode | "NotAllowedByListeners" | "RefNotPermitted";
  /** The object whose problem this fixes (where the diagnostic or status is). */
  object: ObjectRef;
  /** The file the edits apply to (the one holding `object`; new objects are appended to it). */
  file: string;
  edits: EditOp[];
}
