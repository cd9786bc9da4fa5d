/**
 * Diagnostics as GitHub Actions workflow commands (`::error file=…,line=…::message`), so a CI
 * job running `gwsim check --format github` annotates the pull request's YAML lines. Info
 * diagnostics become `::notice`. Escaping follows the Actions toolkit: data escapes %, CR, LF;
 * property values also escape ":" and ",".
 */
import type { Diagnostic } from "../types";

const COMMAND = { error: "error", warning: "warning", info: "notice" } as const;

export function printGithubAnnotations(diagnostics: readonly Diagnostic[]): string {
  return diagnostics
    .map((d) => {
      const props = [
        `file=${escapeProperty(d.file)}`,
        `line=${d.line}`,
        `col=${d.column}`,
        `endLine=${d.endLine}`,
        `endColumn=${d.endColumn}`,
        `title=${escapeProperty(d.code)}`,
      ];
      const text = d.hint ? `${d.message} (${d.hint})` : d.message;
      return `::${COMMAND[d.severity]} ${props.join(",")}::${escapeData(text)}\n`;
    })
    .join("");
}

/**
 * One workflow command: `::warning file=…,line=…,title=…::message`, or without file and line when
 * the finding has no place in the repository (GitHub then shows it on the run).
 */
export function formatGithubCommand(
  level: "error" | "warning" | "notice",
  at: { file: string; line: number; endLine?: number } | undefined,
  title: string,
  message: string,
): string {
  const props =
    at === undefined
      ? []
      : [
          `file=${escapeProperty(at.file)}`,
          `line=${at.line}`,
          ...(at.endLine !== undefined ? [`endLine=${at.endLine}`] : []),
        ];
  props.push(`title=${escapeProperty(title)}`);
  return `::${level} ${props.join(",")}::${escapeData(message)}\n`;
}

function escapeData(s: string): string {
  return s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
