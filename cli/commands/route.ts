import { analyze, compileRouter, printTrace, traceRequest } from "../../src/engine";
import type { AnalyzeOptions } from "../../src/engine";
import { UsageError } from "../cliIO";
import { boolFlag, parseArgs } from "../parseArgs";
import { READING_FLAG, READING_FLAG_HELP, readingsFlag } from "../readingsFlag";
import { readInputs } from "../readInputs";
import { reportLoadErrors } from "../loadErrors";
import { REQUEST_FLAGS, REQUEST_FLAGS_HELP, buildSimRequest } from "../requestFlags";
import type { Command } from "./command";
import { WORLD_FLAG, WORLD_FLAG_HELP, worldFlag } from "../worldFlag";

export const route: Command = {
  summary:
    "trace one request through a Gateway (or a mesh call to a Service): rule and why, backend",
  help: `Usage: gwsim route <paths…> --gateway NS/NAME --host H --path P [options]
       gwsim route <paths…> --mesh-from NS --service NS/NAME:PORT --path P [options]

Sends one simulated request to a Gateway and prints its trace: which listener took it, every
candidate rule in precedence order with the conditions that matched or failed, why the winner
beat the runner-up, the filters that ran, and the backend (or redirect, or error) it ends at.
With --mesh-from and --service it is a mesh (GAMMA) request instead: a Pod in namespace NS calls
the Service, and the routes bound to that Service port decide.

${REQUEST_FLAGS_HELP}
Options:
${WORLD_FLAG_HELP}  --json              print {outcome, trace} as JSON
${READING_FLAG_HELP}  --help              show this help

Exit codes: 0 the trace was printed (whatever the outcome), 1 the trace was printed but a
document of the input did not load (its error is on stderr, as gwsim check prints it), 2 usage
or input error.
`,
  run(argv, io) {
    const args = parseArgs("route", argv, {
      ...REQUEST_FLAGS,
      ...WORLD_FLAG,
      json: { type: "boolean" },
      ...READING_FLAG,
    });
    const readings = readingsFlag(args);
    if (args.positionals.length === 0)
      throw new UsageError("give at least one manifest file, directory, or - for stdin");
    const options: AnalyzeOptions = { world: worldFlag(args) };
    if (readings !== undefined) options.readings = readings;
    const analysis = analyze(
      readInputs(io, args.positionals, "there is no Gateway or Service to send the request to"),
      options,
    );
    const notLoaded = reportLoadErrors(io, "route", analysis.diagnostics);
    const router = compileRouter(analysis);
    const request = buildSimRequest(args, analysis, router);
    const trace = traceRequest(router, request);
    if (boolFlag(args, "json")) {
      const o = trace.outcome;
      const outcome = {
        kind: o.kind,
        status: o.status,
        ...(o.grpcCode !== undefined ? { grpcCode: o.grpcCode } : {}),
        backend: o.backend?.target ?? null,
        share: o.backend?.share ?? null,
        backends: o.backends,
        redirect: o.redirect ?? null,
        request: o.request ?? null,
        responseHeaders: o.responseHeaders,
        mirrors: o.mirrors,
        reason: o.reason,
      };
      const { outcome: _full, ...steps } = trace;
      io.stdout(`${JSON.stringify({ outcome, trace: steps }, null, 2)}\n`);
    } else {
      io.stdout(printTrace(trace));
    }
    return notLoaded > 0 ? 1 : 0;
  },
};
