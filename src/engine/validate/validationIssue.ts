import type { DiagnosticCode } from "../diagnostics/catalog";
import type { FieldPath } from "../types";
import { emptyList } from "../collections/emptyList";

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
  let out = "";
  for (const segment of path)
    out += typeof segment === "number" ? `[${segment}]` : out === "" ? segment : `.${segment}`;
  return out;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function asArray(value: unknown): unknown[] {
  // The shared frozen empty list: a rule without filters, a backendRef without filters and a
  // match without headers each made a list of their own for every route checked. Callers only read.
  return Array.isArray(value) ? value : emptyList();
}

/**
 * A value as written, for a message: JSON for plain data, shortened past 80 characters; never
 * throws (an alias cycle or a YAML tag's Symbol in a raw value would make JSON.stringify throw
 * or print nothing).
 */
export function describeRaw(value: unknown): string {
  let text: string;
  try {
    text =
      typeof value === "symbol"
        ? "a YAML tag (no value)"
        : value instanceof Date
          ? value.toISOString()
          : (JSON.stringify(value) ?? String(value));
  } catch {
    text = Array.isArray(value) ? "a list" : "a mapping";
  }
  return text.length > 80 ? `${text.slice(0, 80)}… (${text.length} characters)` : text;
}
