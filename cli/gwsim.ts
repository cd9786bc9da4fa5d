/**
 * `gwsim`: argv → command → exit code. 0 ok, 1 findings (error diagnostics, failed cases),
 * 2 usage or input errors. The commands only read input, call the engine and print.
 */
import { InputError, UsageError, type CliIO } from './cliIO';
import { createNodeIO } from './nodeIO';
import { COMMANDS, printMainHelp } from './commands/registry';

export async function main(argv: readonly string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const topic = name === 'help' ? rest[0] : undefined;
    const command = topic === undefined ? undefined : COMMANDS[topic];
    io.stdout(command ? command.help : printMainHelp());
    return name === undefined ? 2 : 0;
  }
  if (name === '--version') {
    io.stdout('gwsim 0.1.0\n');
    return 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.stderr(`gwsim: unknown command "${name}". Commands: ${Object.keys(COMMANDS).join(', ')}. See \`gwsim --help\`.\n`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
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
    throw e;
  }
}

/** Entry point of the bundle that bin/gwsim.js runs. */
export async function runFromNode(argv: readonly string[]): Promise<number> {
  // `gwsim … | head` closes the pipe early; that is not an error worth a stack trace.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  try {
    return await main(argv, createNodeIO());
  } catch (e) {
    process.stderr.write(`gwsim: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\nPlease report this with the input that caused it.\n`);
    return 2;
  }
}
