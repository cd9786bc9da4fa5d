/**
 * `--max-workspace-mib N` and `--max-documents N`: the cap on the whole input
 * (src/engine/load/workspaceLimit.ts), raised or lowered. Over it, gwsim reads what fits, reports
 * the rest as not read (an error diagnostic at the cut) and says so on stderr, so a CI log that
 * shows only the exit code and stderr still tells why.
 */
import { DEFAULT_LOAD_LIMITS, type AnalyzeOptions, type Diagnostic } from "../src/engine";
import type { CliIO } from "./cliIO";
import { intFlag, type FlagSpec, type ParsedArgs } from "./parseArgs";

export const WORKSPACE_FLAGS: Record<string, FlagSpec> = {
  "max-workspace-mib": { type: "string" },
  "max-documents": { type: "string" },
};

const MIB = 1024 * 1024;
const DEFAULT_MIB = DEFAULT_LOAD_LIMITS.maxWorkspaceBytes / MIB;

export const WORKSPACE_FLAGS_HELP = `  --max-workspace-mib N  read at most N MiB of YAML (UTF-8 bytes) in all, one file included (default
                    ${DEFAULT_MIB}); over it, what fits is checked, the rest is reported as not read
                    and the exit code is 1
  --max-documents N      read at most N YAML documents in all (default ${DEFAULT_LOAD_LIMITS.maxWorkspaceDocuments.toLocaleString("en-US")})
`;

export type WorkspaceLimits = Required<NonNullable<AnalyzeOptions["workspaceLimits"]>>;

export function workspaceLimitsFlag(args: ParsedArgs): WorkspaceLimits {
  const mib = intFlag(args, "max-workspace-mib", 1, 4096) ?? DEFAULT_MIB;
  return {
    maxWorkspaceBytes: mib * MIB,
    maxWorkspaceDocuments:
      intFlag(args, "max-documents", 1, 10_000_000) ?? DEFAULT_LOAD_LIMITS.maxWorkspaceDocuments,
  };
}

/** The stderr line for an input over the cap, naming where reading stopped. */
export function reportWorkspaceCut(
  io: CliIO,
  command: string,
  diagnostics: readonly Diagnostic[],
): void {
  const cut = diagnostics.find((d) => d.code === "load.workspace-too-large");
  if (cut === undefined) return;
  io.stderr(
    `gwsim ${command}: the input is over the workspace cap, so only part of it was checked (it stops at ${cut.file}:${cut.line}); check it in parts, or raise --max-workspace-mib / --max-documents\n`,
  );
}
