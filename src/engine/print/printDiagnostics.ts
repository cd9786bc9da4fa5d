/**
 * One line per diagnostic, `file:line:col severity code message (hint)`, ordered by position:
 * the stable text behind the golden files and the CLI's `check` output.
 */
import type { Diagnostic } from '../types';
import { escapeTerminal } from './escapeTerminal';

export function printDiagnostics(diagnostics: readonly Diagnostic[]): string {
  const ordered = [...diagnostics].sort(
    (a, b) => compare(a.file, b.file) || a.line - b.line || a.column - b.column,
  );
  return ordered.map(printDiagnostic).join('\n') + (ordered.length > 0 ? '\n' : '');
}

/** One line, always: a name with a line break or an escape sequence in a message cannot forge another. */
export function printDiagnostic(d: Diagnostic): string {
  const hint = d.hint ? ` (${escapeTerminal(d.hint)})` : '';
  return `${escapeTerminal(d.file)}:${d.line}:${d.column} ${d.severity} ${d.code} ${escapeTerminal(d.message)}${hint}`;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
