/**
 * Engine diagnostics → Monaco marker data. Pure (no monaco import) so it is unit-tested in Node;
 * the severities are Monaco's MarkerSeverity values.
 */
import type { Diagnostic, Severity } from "../../engine";

export const MARKER_SEVERITY = { Hint: 1, Info: 2, Warning: 4, Error: 8 } as const;

export interface MarkerData {
  severity: (typeof MARKER_SEVERITY)[keyof typeof MARKER_SEVERITY];
  message: string;
  code: string;
  source: string;
  startLineNumber: number;
  startColumn: number;
  endLineNumber: number;
  endColumn: number;
}

const SEVERITY: Record<Severity, MarkerData["severity"]> = {
  error: MARKER_SEVERITY.Error,
  warning: MARKER_SEVERITY.Warning,
  info: MARKER_SEVERITY.Info,
};

/** Markers for the diagnostics located in `file`; a zero-width range widens to one column. */
export function toMonacoMarkers(diagnostics: readonly Diagnostic[], file: string): MarkerData[] {
  return diagnostics
    .filter((d) => d.file === file)
    .map((d) => {
      const startLineNumber = Math.max(1, d.line);
      const startColumn = Math.max(1, d.column);
      let endLineNumber = Math.max(startLineNumber, d.endLine);
      let endColumn =
        endLineNumber === startLineNumber
          ? Math.max(startColumn, d.endColumn)
          : Math.max(1, d.endColumn);
      if (endLineNumber === startLineNumber && endColumn === startColumn)
        endColumn = startColumn + 1;
      if (endLineNumber < startLineNumber)
        [endLineNumber, endColumn] = [startLineNumber, startColumn + 1];
      return {
        severity: SEVERITY[d.severity],
        message: d.hint ? `${d.message}\n${d.hint}` : d.message,
        code: d.code,
        source: "gwsim",
        startLineNumber,
        startColumn,
        endLineNumber,
        endColumn,
      };
    });
}
