import { analyze, compileRouter, printTrafficSplit, splitTraffic } from "../../src/engine";
import { UsageError } from "../cliIO";
import { boolFlag, intFlag, parseArgs } from "../parseArgs";
import { readInputs } from "../readInputs";
import { reportLoadErrors } from "../loadErrors";
import { REQUEST_FLAGS, REQUEST_FLAGS_HELP, buildSimRequest } from "../requestFlags";
import type { Command } from "./command";
import { WORLD_FLAG, WORLD_FLAG_HELP, worldFlag } from "../worldFlag";

/** Enough for shares to two decimals many times over; more only burns CPU in CI (about 1 s per million). */
const MAX_REQUESTS = 10_000_000;
/** The generator takes a 32-bit seed: larger values would silently alias smaller ones. */
const MAX_SEED = 0xffff_ffff;

export const simulate: Command = {
  summary: "send N seeded requests and count them per backend against the expected weights",
  help: `Usage: gwsim simulate <paths…> <request options> [-n N] [--seed S] [--json]

Sends the same request N times through the Gateway, picking a backend for each with a seeded
generator (the same seed always gives the same counts), and prints the count per backend next
to the exact share the weights promise. "none" counts requests answered with an error because
the picked backendRef is invalid.

${REQUEST_FLAGS_HELP}
Options:
${WORLD_FLAG_HELP}  -n N        number of requests, 1 to 10,000,000 (default 1000)
  --seed S    generator seed, 0 to 4,294,967,295 (default 1)
  --json      print the split as JSON
  --help      show this help

Exit codes: 0 printed, 1 printed but a document of the input did not load (its error is on
stderr, as gwsim check prints it), 2 usage or input error.
`,
  run(argv, io) {
    const args = parseArgs("simulate", argv, {
      ...REQUEST_FLAGS,
      ...WORLD_FLAG,
      n: { type: "string", short: "n" },
      seed: { type: "string" },
      json: { type: "boolean" },
    });
    if (args.positionals.length === 0)
      throw new UsageError("give at least one manifest file, directory, or - for stdin");
    const n = intFlag(args, "n", 1, MAX_REQUESTS) ?? 1000;
    const seed = intFlag(args, "seed", 0, MAX_SEED) ?? 1;
    const analysis = analyze(
      readInputs(io, args.positionals, "there is no Gateway to send the requests to"),
      { world: worldFlag(args) },
    );
    const notLoaded = reportLoadErrors(io, "simulate", analysis.diagnostics);
    const router = compileRouter(analysis);
    const request = buildSimRequest(args, analysis, router);
    const split = splitTraffic(router, request, n, seed);
    io.stdout(
      boolFlag(args, "json") ? `${JSON.stringify(split, null, 2)}\n` : printTrafficSplit(split),
    );
    return notLoaded > 0 ? 1 : 0;
  },
};
