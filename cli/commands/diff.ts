import {
  changedCategories,
  diffRevisions,
  diffToJson,
  parseCaseFile,
  printDiffGithub,
  printDiffMarkdown,
  printDiffText,
  probesFromCaseFile,
} from "../../src/engine";
import type { AnalyzeOptions, DiffCategory, DiffProbe } from "../../src/engine";
import { InputError, UsageError, type CliIO } from "../cliIO";
import { listFlag, parseArgs, stringFlag } from "../parseArgs";
import { findYamlFiles, readInputs } from "../readInputs";
import { READING_FLAG, READING_FLAG_HELP, readingsFlag } from "../readingsFlag";
import type { Command } from "./command";
import { WORLD_FLAG, WORLD_FLAG_HELP, worldFlag } from "../worldFlag";

const FORMATS = ["text", "json", "markdown", "github"] as const;
const FAIL_ON: readonly DiffCategory[] = ["status", "traffic"];

export const diff: Command = {
  summary: "compare two revisions by behaviour: objects, status and traffic that change",
  help: `Usage: gwsim diff --base <paths…> --head <paths…> [--requests <case files…>]
                  [--world open|auto|closed] [--format text|json|markdown|github]
                  [--fail-on status,traffic|none]

Compares two revisions of your manifests (say, the target branch and a pull request's) the way
a reviewer needs it: the objects added, removed and changed (field by field); every status
change a conformant controller would write (Gateway and listener conditions, attachedRoutes,
each route parent's conditions), before → after with the reason in words; and every request
whose outcome changes (status code, backend, weighted shares, redirect, the path the backend
receives). The requests are those of your case files (--requests, the \`gwsim test\` format),
plus two that gwsim derives for each rule of each route in either revision: one that reaches
the rule and one that just misses it (a header left out, a path one character past a prefix…).

Options:
  --base <paths…>       the revision before the change (files, directories or - for stdin)
  --head <paths…>       the revision after the change
  --requests <files…>   case files whose requests (top level and steps) are sent to both
                        revisions as written; their expectations are not checked here
${WORLD_FLAG_HELP}  --format text         a summary line, then objects, status and requests (the default)
  --format json         {"objects": {"added", "removed", "changed"}, "status": [{kind,
                        namespace, name, scope, before, after}], "requests": [{request,
                        before, after, why}]}
  --format markdown     a pull-request comment: summary line, tables, traces folded
  --format github       GitHub Actions annotations on the head revision's changed lines
  --fail-on LIST        exit 1 when any of these changed: status, traffic (comma-separated),
                        or none (default: traffic)
${READING_FLAG_HELP}  --help                show this help

Exit codes: 0 nothing in --fail-on changed, 1 something did, 2 usage or input error.
`,
  run(argv, io) {
    const args = parseArgs("diff", argv, {
      base: { type: "string", variadic: true },
      head: { type: "string", variadic: true },
      requests: { type: "string", variadic: true },
      ...WORLD_FLAG,
      format: { type: "string" },
      "fail-on": { type: "string" },
      ...READING_FLAG,
    });
    const readings = readingsFlag(args);
    if (args.positionals.length > 0)
      throw new UsageError(
        `unexpected argument ${JSON.stringify(args.positionals[0])}: give the revisions with --base <paths…> and --head <paths…>`,
      );
    const format = stringFlag(args, "format") ?? "text";
    if (!(FORMATS as readonly string[]).includes(format))
      throw new UsageError(`unknown --format ${format}: use ${FORMATS.join(", ")}`);
    const failOn = parseFailOn(stringFlag(args, "fail-on") ?? "traffic");
    const world = worldFlag(args);
    const basePaths = listFlag(args, "base");
    const headPaths = listFlag(args, "head");
    if (basePaths.length === 0 || headPaths.length === 0)
      throw new UsageError("give both revisions: --base <paths…> --head <paths…>");
    if (basePaths.includes("-") && headPaths.includes("-"))
      throw new UsageError("only one of --base and --head can read stdin (-)");
    const requests = readCaseProbes(io, listFlag(args, "requests"));
    // `world` is the analysis option of the same name; both revisions are analysed alike.
    const analyzeOptions: AnalyzeOptions = {
      world,
      ...(readings === undefined ? {} : { readings }),
    };
    const result = diffRevisions(
      readInputs(io, basePaths, "there is no base revision to compare"),
      readInputs(io, headPaths, "there is no head revision to compare"),
      {
        analyze: analyzeOptions,
        requests,
      },
    );
    if (format === "json") io.stdout(`${JSON.stringify(diffToJson(result), null, 2)}\n`);
    else if (format === "markdown") io.stdout(printDiffMarkdown(result));
    else if (format === "github") io.stdout(printDiffGithub(result));
    else io.stdout(printDiffText(result));
    const changed = changedCategories(result);
    return failOn.some((c) => changed.includes(c)) ? 1 : 0;
  },
};

function parseFailOn(value: string): DiffCategory[] {
  const items = value
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "");
  if (items.length === 1 && items[0] === "none") return [];
  if (items.length === 0)
    throw new UsageError("--fail-on needs status, traffic (comma-separated) or none");
  for (const item of items) {
    if (!(FAIL_ON as readonly string[]).includes(item))
      throw new UsageError(
        `unknown --fail-on ${JSON.stringify(item)}: use status, traffic (comma-separated) or none`,
      );
  }
  return items as DiffCategory[];
}

function readCaseProbes(io: CliIO, paths: readonly string[]): DiffProbe[] {
  const files = paths.flatMap((p) => {
    const kind = io.stat(p);
    if (kind === undefined)
      throw new InputError(
        `${p}: no such case file or directory; check the path (relative paths start at ${io.cwd})`,
      );
    return kind === "file" ? [p] : findYamlFiles(io, p).files;
  });
  return files.flatMap((file) => {
    const parsed = parseCaseFile(file, io.readFile(file));
    if (!parsed.ok)
      throw new InputError(
        `${file}: not a valid case file\n${parsed.errors.map((e) => `    ${e}`).join("\n")}`,
      );
    return probesFromCaseFile(parsed.caseFile);
  });
}
