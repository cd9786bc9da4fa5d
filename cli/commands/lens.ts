import { analyzeRevision, computeIsolationLens, printIsolationLens } from "../../src/engine";
import type { Command } from "./command";
import { WORLD_FLAG, WORLD_FLAG_HELP, worldFlag } from "../worldFlag";
import { UsageError } from "../cliIO";
import { boolFlag, parseArgs } from "../parseArgs";
import { readInputs } from "../readInputs";

export const lens: Command = {
  summary:
    "show who may attach routes where (namespaces × listeners) and the leaks between domains",
  help: `Usage: gwsim lens <paths…> [--json]

The isolation lens. A domain is a GatewayClass (external, internal, one per business line). For
every namespace and every listener it says whether a route from that namespace may attach (✓),
or which admission check refuses it (✗ selector, Same, None, kinds), with the routes that tried.
Then it lists the leaks between domains, each with what to do: a listener wildcard that covers
another domain's names, a route attached to Gateways of two domains, a namespace that may
publish in several domains, NetworkPolicies that block the Gateway carrying a route or admit
another domain's Gateway.

Options:
  --json    print the lens as JSON: {domains, namespaces, listeners, cells, leaks}
${WORLD_FLAG_HELP}  --help    show this help

Exit codes: 0 no leak of severity warning (notes, such as a backend without any NetworkPolicy,
do not fail), 1 at least one warning leak, 2 usage or input error.
`,
  run(argv, io) {
    const args = parseArgs("lens", argv, { json: { type: "boolean" }, ...WORLD_FLAG });
    if (args.positionals.length === 0)
      throw new UsageError("give at least one file, directory, or - for stdin");
    const inputs = readInputs(io, args.positionals, "there are no listeners or routes to lay out");
    const result = computeIsolationLens(analyzeRevision(inputs, { world: worldFlag(args) }));
    io.stdout(
      boolFlag(args, "json") ? `${JSON.stringify(result, null, 2)}\n` : printIsolationLens(result),
    );
    return result.leaks.some((l) => l.severity === "warning") ? 1 : 0;
  },
};
