/**
 * One line per diagnostic, `file:line:col severity code message (hint)`, ordered by position:
 * the stable text behind the golden files and the CLI's `check` output.
 */
import type { Diagnostic } from "../types";
import { escapeTerminal, escapeTerminalLine } from "./escapeTerminal";

export function printDiagnostics(diagnostics: readonly Diagnostic[]): string {
  const ordered = [...diagnostics].sort(
    (a, b) => compare(a.file, b.file) || a.line - b.line || a.column - b.column,
  );
  return ordered.map(printDiagnostic).join("\n") + (ordered.length > 0 ? "\n" : "");
}

/** One line, always: a name with a line break or an escape sequence in a message cannot forge another. */
export function printDiagnostic(d: Diagnostic): string {
  const hint = d.hint ? ` (${escapeTerminal(d.hint)})` : "";
  return `${escapeTerminal(d.file)}:${d.line}:${d.column} ${d.severity} ${d.code} ${escapeTerminalLine(d.message)}${hint}`;
}

export function countBySeverity(
  diagnostics: readonly Diagnostic[],
): Record<"error" | "warning" | "info", number> {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const d of diagnostics) counts[d.severity]++;
  return counts;
}

/**
 * The closing line of `gwsim check`: "2 errors, 1 warning in 5 objects" (notes only when there are
 * some), then how many objects the world assumed, when any: "; 2 objects assumed (auto world)".
 */
export function printDiagnosticTotals(
  diagnostics: readonly Diagnostic[],
  objectCount: number,
  assumed?: { count: number; world: string },
): string {
  const counts = countBySeverity(diagnostics);
  const parts = [plural(counts.error, "error"), plural(counts.warning, "warning")];
  if (counts.info > 0) parts.push(plural(counts.info, "note"));
  const assumedPart =
    assumed && assumed.count > 0
      ? `; ${plural(assumed.count, "object")} assumed (${assumed.world} world)`
      : "";
  return `${parts.join(", ")} in ${plural(objectCount, "object")}${assumedPart}\n`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
