/**
 * Words of documents the loader refuses or overrides (loadManifests.ts): a mapping used as a key
 * (often an unrendered template), a document whose aliases expand too far or that cannot be
 * converted, and an object defined twice. They load with the diagnostic words module
 * (modules/engineModules.ts), since each is said only when the loader reports it.
 */
import type { Node } from "yaml";
import { diagnostic } from "../diagnostics/diagnostic";
import type { Diagnostic, Manifest, SourceLocation } from "../types";
import { offsetsToLocation, type LocatedFile } from "./sourceLocator";
import { isTemplateLine } from "./yamlSlips";
import { TEMPLATE } from "./templateWords";

/** `port: {{ .Values.port }}` is valid YAML (a mapping as a key): say it is a template, unrendered. */
export function complexKeyDiagnostic(at: SourceLocation, lineText: string): Diagnostic {
  const problem =
    "A mapping or list is used as a key here; Kubernetes objects only have text keys.";
  if (isTemplateLine(lineText))
    return diagnostic(
      "yaml.complex-key",
      at,
      `${problem} ${TEMPLATE.message} This document was not loaded.`,
      { hint: TEMPLATE.hint },
    );
  return diagnostic("yaml.complex-key", at, `${problem} This document was not loaded.`);
}

export function conversionDiagnostic(
  error: unknown,
  file: LocatedFile,
  contents: Node,
): Diagnostic {
  const [start = 0] = contents.range ?? [];
  const at = offsetsToLocation(file, start, start);
  const message = error instanceof Error ? error.message : String(error);
  if (/alias/i.test(message)) {
    return diagnostic(
      "yaml.alias-limit",
      at,
      'This document expands its anchors/aliases too many times (the shape of a "billion laughs" attack); it was not loaded.',
    );
  }
  return diagnostic(
    "yaml.nesting-limit",
    at,
    `This document could not be converted (${message}); it was not loaded.`,
  );
}

export function duplicateMessage(m: Manifest, earlier: Manifest): string {
  const what = `${m.kind} ${m.namespace ? `${m.namespace}/` : ""}${m.name} is defined again`;
  const first = `${earlier.source.file}:${earlier.source.line}`;
  // Within one List, a nested List's item comes after the List's own items (kubectl's order)
  // although it may sit on an earlier line.
  if (m.source.file === earlier.source.file && m.source.line < earlier.source.line)
    return `${what} (also at ${first}); this definition wins: it is in a nested List, whose items kubectl applies after the List's own items.`;
  return `${what} (first at ${first}); this later definition wins.`;
}
