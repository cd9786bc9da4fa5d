import type { Command } from "./command";
import { check } from "./check";
import { diff } from "./diff";
import { lens } from "./lens";
import { migrate } from "./migrate";
import { route } from "./route";
import { simulate } from "./simulate";
import { testCommand } from "./test";

export const COMMANDS: Record<string, Command> = {
  check,
  route,
  test: testCommand,
  simulate,
  lens,
  diff,
  migrate,
};

export function printMainHelp(): string {
  const width = Object.keys(COMMANDS).reduce((max, n) => Math.max(max, n.length), 0);
  const lines = Object.entries(COMMANDS).map(
    ([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`,
  );
  return `Usage: gwsim <command> [options]

gwsim simulates a Kubernetes Gateway API controller on your manifests: status, routing, traffic
splits. It reads files and prints; it never contacts a cluster.

Commands:
${lines.join("\n")}

Run \`gwsim <command> --help\` for a command's options.
Exit codes: 0 ok, 1 findings (error diagnostics, failed expectations, isolation leaks, the changes
\`gwsim diff --fail-on\` names), 2 usage or input error, 3 internal error (a bug in gwsim: please
report it).
`;
}
