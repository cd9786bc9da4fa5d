/**
 * A RevisionDiff as GitHub Actions annotations on the head revision's lines, so a pull request
 * shows, next to the lines it changes, what they do to status and traffic:
 * - each changed field of an object: a notice on its line;
 * - each status change: a warning on the object's first changed line (or its first line);
 * - each request whose outcome changes: a warning on the rule that now decides it.
 * What has no line in head (a removed object, a request no head rule decides) is an annotation
 * without a file, which GitHub shows on the run.
 */
import { formatGithubCommand } from "../lint/printGithubAnnotations";
import type { SourceLocation } from "../types";
import type { RevisionDiff } from "./diffTypes";
import { escapeControl, objectName, outcomeLine, probeOrigin, summarizeDiff } from "./printDiff";

export function printDiffGithub(diff: RevisionDiff): string {
  const out: string[] = [
    formatGithubCommand("notice", undefined, "gwsim diff", summarizeDiff(diff)),
  ];
  for (const a of diff.objects.added)
    out.push(
      formatGithubCommand(
        "notice",
        { file: a.file, line: a.line },
        "gwsim diff: object added",
        `${objectName(a)} is new in this revision`,
      ),
    );
  for (const r of diff.objects.removed)
    out.push(
      formatGithubCommand(
        "notice",
        undefined,
        "gwsim diff: object removed",
        `${objectName(r)} (was ${r.file}:${r.line}) is removed`,
      ),
    );
  for (const c of diff.objects.changed) {
    for (const f of c.fields)
      out.push(
        formatGithubCommand(
          "notice",
          at(f.at),
          "gwsim diff: field changed",
          `${objectName(c)} ${f.path}: ${f.before} → ${f.after}`,
        ),
      );
  }
  for (const s of diff.status) {
    const words =
      s.afterMessage !== undefined && s.afterMessage !== ""
        ? ` (${s.afterMessage})`
        : s.beforeMessage !== undefined && s.beforeMessage !== ""
          ? ` (was: ${s.beforeMessage})`
          : "";
    out.push(
      formatGithubCommand(
        "warning",
        s.at === undefined ? undefined : at(s.at),
        "gwsim diff: status changes",
        `${objectName(s)} ${s.scope}: ${s.before} → ${s.after}${words}`,
      ),
    );
  }
  for (const r of diff.requests) {
    const text = `${r.why}. Before: ${outcomeLine(r.before, r.after)}. After: ${outcomeLine(r.after, r.before)}. Request: ${probeOrigin(r.probe)}`;
    out.push(
      formatGithubCommand(
        "warning",
        r.at === undefined ? undefined : at(r.at),
        "gwsim diff: traffic changes",
        text,
      ),
    );
  }
  return escapeControl(out.join(""));
}

function at(l: SourceLocation): { file: string; line: number; endLine?: number } {
  return { file: l.file, line: l.line, endLine: l.endLine };
}
