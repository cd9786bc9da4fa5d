/**
 * The words of a workspace over its cap (workspaceLimit.ts): what was read, what was not, and
 * what that means for the findings. An on-demand part of the diagnostic words
 * (diagnostics/diagnosticWordsModule.ts): only a workspace over the cap asks.
 */
import { diagnostic } from "../diagnostics/diagnostic";
import type { Diagnostic, SourceFile } from "../types";
import { positionIn } from "./guardDocuments";
import type { WorkspaceLimits } from "./workspaceLimit";

export function workspaceDiagnostic(
  sources: readonly SourceFile[],
  at: number,
  offset: number,
  read: { bytes: number; documents: number; limits: WorkspaceLimits },
): Diagnostic {
  const source = sources[at] as SourceFile;
  const { line } = positionIn(source.text, offset);
  const rest = sources.length - at - 1;
  const laterFiles =
    rest === 0
      ? ""
      : ` and ${rest.toLocaleString("en-US")} more file${rest === 1 ? "" : "s"} (${sources[at + 1]?.name}${rest > 1 ? ", …" : ""})`;
  const notRead =
    offset === 0 ? "this file" : `this file from line ${line.toLocaleString("en-US")}`;
  const { limits } = read;
  return diagnostic(
    "load.workspace-too-large",
    { file: source.name, line, column: 1, endLine: line, endColumn: 1 },
    `The workspace is over gwsim's limit of ${formatMiB(limits.maxWorkspaceBytes)} or ${limits.maxWorkspaceDocuments.toLocaleString("en-US")} documents: ` +
      `it read ${formatMiB(read.bytes)} in ${read.documents.toLocaleString("en-US")} documents (${at.toLocaleString("en-US")} whole file${at === 1 ? "" : "s"} before this one) ` +
      `and did not read ${notRead}${laterFiles}; nothing there was checked, and references to it may be reported missing.`,
  );
}

function formatMiB(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}
