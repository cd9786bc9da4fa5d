/**
 * What applying a fix-it would change, before it is applied: the new text of its file and the
 * unified diff, computed with the same applyEdits the store uses to apply it.
 */
import { applyEdits } from "../edit/applyEdits";
import type { SourceFile } from "../types";
import type { FixIt } from "./fixItTypes";
import { printUnifiedDiff } from "./printUnifiedDiff";

export interface FixItPreview {
  file: string;
  text: string;
  diff: string;
  /** Edits that could not be applied (the text changed since the fix-it was computed). */
  failed: string[];
}

export function previewFixIt(sources: readonly SourceFile[], fix: FixIt): FixItPreview | undefined {
  const source = sources.find((s) => s.name === fix.file);
  if (source === undefined) return undefined;
  const result = applyEdits(source.text, fix.edits);
  return {
    file: fix.file,
    text: result.text,
    diff: printUnifiedDiff(fix.file, source.text, result.text),
    failed: result.failed.map((f) => f.reason),
  };
}
