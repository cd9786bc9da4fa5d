import type { DiagnosticCode } from '../diagnostics/catalog';
import type { FieldPath } from '../types';

/** A finding before it is located: validate/ turns it into a Diagnostic with the locator. */
export interface ValidationIssue {
  code: DiagnosticCode;
  path: FieldPath;
  message: string;
  hint?: string;
  /** Point at the key rather than the value (unknown fields). */
  atKey?: boolean;
  /** A generic list-map duplicate, superseded by a more specific issue on the same entry. */
  duplicateEntry?: boolean;
  /** Found by the schema walk; a hand-written check's issue with the same code and path supersedes it. */
  fromSchema?: boolean;
}

/** How kubectl prints a field path: spec.rules[0].matches[0].path.type */
export function printPath(path: FieldPath): string {
  let out = '';
  for (const segment of path) out += typeof segment === 'number' ? `[${segment}]` : out === '' ? segment : `.${segment}`;
  return out;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
