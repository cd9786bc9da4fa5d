/**
 * `gwsim`: argv → command → exit code. 0 ok, 1 findings (error diagnostics, failed cases),
 * 2 usage or input errors, 3 internal errors (a bug in gwsim, never the user's input: CI can
 * tell "your manifests are wrong" from "the tool broke"). The commands only read input, call the
 * engine and print.
 */
import { escapeTerminalOutput } from "../src/engine";
import { InputError, UsageError, type CliIO } from "./cliIO";
import { createNodeIO } from "./nodeIO";
import type { Command } from "./commands/command";
import { COMMANDS, printMainHelp } from "./commands/registry";

export const EXIT_INTERNAL_ERROR = 3;

export async function main(
  argv: readonly string[],
  rawIO: CliIO,
  commands: Readonly<Record<string, Command>> = COMMANDS,
): Promise<number> {
  // Everything printed passes here, whatever the format: names from manifests never reach the
  // terminal with their control characters (escape sequences, bidi overrides) intact.
  const io: CliIO = {
    ...rawIO,
    stdout: (text) => rawIO.stdout(escapeTerminalOutput(text)),
    stderr: (text) => rawIO.stderr(escapeTerminalOutput(text)),
  };
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    const topic = name === "help" ? rest[0] : undefined;
    const command =
      topic !== undefined && Object.hasOwn(commands, topic) ? commands[topic] : undefined;
    io.stdout(command ? command.help : printMainHelp());
    return name === undefined ? 2 : 0;
  }
  if (name === "--version") {
    io.stdout("gwsim 0.1.0\n");
    return 0;
  }
  const command = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!command) {
    io.stderr(
      `gwsim: unknown command "${name}". Commands: ${Object.keys(commands).join(", ")}. See \`gwsim --help\`.\n`,
    );
    return 2;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    io.stdout(command.help);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`gwsim ${name}: ${e.message}\nSee \`gwsim ${name} --help\`.\n`);
      return 2;
    }
    if (e instanceof InputError) {
      io.stderr(`gwsim ${name}: ${e.message}\n`);
      return 2;
    }
    io.stderr(describeInternalError(`gwsim ${name}`, e));
    return EXIT_INTERNAL_ERROR;
  }
}

function describeInternalError(who: string, e: unknown): string {
  const detail = e instanceof Error ? (e.stack ?? e.message) : String(e);
  return `${who}: internal error (exit code 3): ${detail}\nThis is a bug in gwsim, not a problem in your input; please report it with the input that caused it.\n`;
}

/** Entry point of the bundle that bin/gwsim.js runs. */
export async function runFromNode(argv: readonly string[]): Promise<number> {
  // `gwsim … | head` closes the pipe early; that is not an error worth a stack trace.
  process.stdout.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw e;
  });
  try {
    return await main(argv, createNodeIO());
  } catch (e) {
    process.stderr.write(describeInternalError("gwsim", e));
    return EXIT_INTERNAL_ERROR;
  }
}
