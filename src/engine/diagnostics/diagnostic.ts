/**
 * The one way stages build a Diagnostic: severity and the default hint come from the catalog,
 * so a code always means the same thing wherever it is raised. The catalog is in an on-demand
 * engine module (diagnosticWordsModule.ts): an input without a diagnostic (the default example)
 * is analysed without it.
 */
import { resourceKey, type ObjectRef } from "../api/keys";
import type { Diagnostic, FieldPath, Severity, SourceLocation } from "../types";
import type { DiagnosticCode } from "./catalog";
import { needEngineModule } from "../modules/engineModules";

export interface DiagnosticDetails {
  /** Replaces the catalog hint when the situation allows a more precise suggestion. */
  hint?: string;
  object?: ObjectRef;
  /** The document the diagnostic is in (ManifestSource.docIndex of the object it is about). */
  docIndex?: number;
  path?: FieldPath;
  /** Overrides the catalog severity (e.g. a YAML warning that is not an error). */
  severity?: Severity;
}

export function diagnostic(
  code: DiagnosticCode,
  at: SourceLocation,
  message: string,
  details: DiagnosticDetails = {},
): Diagnostic {
  const words = needEngineModule("diagnosticWords");
  const entry = words.DIAGNOSTIC_CATALOG[code];
  const result: Diagnostic = {
    code,
    severity: details.severity ?? entry.severity,
    // Every diagnostic and lint finding is built here: a long user value quoted anywhere in its
    // wording is capped once, in one place (print/capValue.ts).
    message: words.capLongWords(message),
    hint: words.capLongWords(details.hint ?? entry.hint),
    file: at.file,
    line: at.line,
    column: at.column,
    endLine: at.endLine,
    endColumn: at.endColumn,
  };
  if (details.object) {
    result.object = { ...details.object };
    result.objectKey = resourceKey(
      details.object.kind,
      details.object.namespace,
      details.object.name,
    );
  }
  if (details.docIndex !== undefined) result.docIndex = details.docIndex;
  if (details.path && details.path.length > 0) result.path = formatFieldPath(details.path);
  return result;
}

/** ['spec', 'rules', 0, 'matches'] → "spec.rules[0].matches": how kubectl explain spells paths. */
export function formatFieldPath(path: FieldPath): string {
  let out = "";
  for (const segment of path) {
    if (typeof segment === "number") out += `[${segment}]`;
    else out += out === "" ? segment : `.${segment}`;
  }
  return out;
}
