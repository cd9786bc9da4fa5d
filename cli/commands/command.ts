import type { CliIO } from "../cliIO";

export interface Command {
  /** Full --help text, ending with a newline. */
  help: string;
  /** One line for `gwsim --help`. */
  summary: string;
  run(argv: readonly string[], io: CliIO): Promise<number> | number;
}
